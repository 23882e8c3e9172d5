import type { Framework, FrameworkRef } from "./rule-meta.js";

/** A control of a framework; NSA-CISA sections are named by their text, so most need no title of their own. */
export interface ControlData {
  title?: string;
}

export interface FrameworkData {
  /** The framework's own name, as a SARIF taxonomy's `fullName`. */
  fullName: string;
  /** The edition whose control ids and titles these are. */
  version?: string;
  informationUri: string;
  /** The controls kubeward's rules name (test/meta/frameworks.test.ts keeps both sides in step), by id. */
  controls: Readonly<Record<string, ControlData>>;
}

/** Whether the framework data has the control `ref` names. */
export function isKnownControl(ref: FrameworkRef): boolean {
  return Object.hasOwn(FRAMEWORKS[ref.framework].controls, ref.control);
}

/** A control's title, if the framework gives it one apart from its id. */
export function controlTitle(ref: FrameworkRef): string | undefined {
  return isKnownControl(ref) ? FRAMEWORKS[ref.framework].controls[ref.control].title : undefined;
}

/**
 * The frameworks and the controls the rules name: the one place their titles are written, so docs,
 * `kubeward rules` and SARIF taxonomies read the same text. PSS ids are `level/control`; CIS ids are
 * of the benchmark version given; PCI DSS ids are v4.0.1 requirements; MITRE ids are ATT&CK techniques.
 */
export const FRAMEWORKS: Readonly<Record<Framework, FrameworkData>> = {
  "PSS": {
    fullName: "Kubernetes Pod Security Standards",
    informationUri: "https://kubernetes.io/docs/concepts/security/pod-security-standards/",
    controls: {
      "baseline/apparmor": { title: "AppArmor" },
      "baseline/capabilities": { title: "Capabilities" },
      "baseline/host-namespaces": { title: "Host Namespaces" },
      "baseline/host-ports": { title: "Host Ports" },
      "baseline/host-probes-lifecycle-hooks": { title: "Host Probes / Lifecycle Hooks" },
      "baseline/hostpath-volumes": { title: "HostPath Volumes" },
      "baseline/hostprocess": { title: "HostProcess" },
      "baseline/privileged-containers": { title: "Privileged Containers" },
      "baseline/proc-mount-type": { title: "/proc Mount Type" },
      "baseline/seccomp": { title: "Seccomp" },
      "baseline/selinux": { title: "SELinux" },
      "baseline/sysctls": { title: "Sysctls" },
      "restricted/capabilities": { title: "Capabilities" },
      "restricted/privilege-escalation": { title: "Privilege Escalation" },
      "restricted/running-as-non-root": { title: "Running as Non-root" },
      "restricted/running-as-non-root-user": { title: "Running as Non-root user" },
      "restricted/seccomp": { title: "Seccomp" },
      "restricted/volume-types": { title: "Volume Types" },
    },
  },
  "CIS": {
    fullName: "CIS Kubernetes Benchmark",
    // The control-plane ids were checked against kube-bench's cis-1.10 files, the kubelet's (section 4) against cis-1.12.
    version: "1.10 (control plane), 1.12 (kubelet)",
    informationUri: "https://www.cisecurity.org/benchmark/kubernetes",
    controls: {
      "1.2.1": { title: "Ensure that the --anonymous-auth argument is set to false" },
      "1.2.2": { title: "Ensure that the --token-auth-file parameter is not set" },
      "1.2.3": { title: "Ensure that the --DenyServiceExternalIPs is set" },
      "1.2.4": { title: "Ensure that the --kubelet-client-certificate and --kubelet-client-key arguments are set as appropriate" },
      "1.2.5": { title: "Ensure that the --kubelet-certificate-authority argument is set as appropriate" },
      "1.2.6": { title: "Ensure that the --authorization-mode argument is not set to AlwaysAllow" },
      "1.2.7": { title: "Ensure that the --authorization-mode argument includes Node" },
      "1.2.8": { title: "Ensure that the --authorization-mode argument includes RBAC" },
      "1.2.9": { title: "Ensure that the admission control plugin EventRateLimit is set" },
      "1.2.10": { title: "Ensure that the admission control plugin AlwaysAdmit is not set" },
      "1.2.11": { title: "Ensure that the admission control plugin AlwaysPullImages is set" },
      "1.2.12": { title: "Ensure that the admission control plugin ServiceAccount is set" },
      "1.2.13": { title: "Ensure that the admission control plugin NamespaceLifecycle is set" },
      "1.2.14": { title: "Ensure that the admission control plugin NodeRestriction is set" },
      "1.2.15": { title: "Ensure that the --profiling argument is set to false" },
      "1.2.16": { title: "Ensure that the --audit-log-path argument is set" },
      "1.2.17": { title: "Ensure that the --audit-log-maxage argument is set to 30 or as appropriate" },
      "1.2.18": { title: "Ensure that the --audit-log-maxbackup argument is set to 10 or as appropriate" },
      "1.2.19": { title: "Ensure that the --audit-log-maxsize argument is set to 100 or as appropriate" },
      "1.2.20": { title: "Ensure that the --request-timeout argument is set as appropriate" },
      "1.2.21": { title: "Ensure that the --service-account-lookup argument is set to true" },
      "1.2.22": { title: "Ensure that the --service-account-key-file argument is set as appropriate" },
      "1.2.23": { title: "Ensure that the --etcd-certfile and --etcd-keyfile arguments are set as appropriate" },
      "1.2.24": { title: "Ensure that the --tls-cert-file and --tls-private-key-file arguments are set as appropriate" },
      "1.2.25": { title: "Ensure that the --client-ca-file argument is set as appropriate" },
      "1.2.26": { title: "Ensure that the --etcd-cafile argument is set as appropriate" },
      "1.2.27": { title: "Ensure that the --encryption-provider-config argument is set as appropriate" },
      "1.2.28": { title: "Ensure that encryption providers are appropriately configured" },
      "1.2.29": { title: "Ensure that the API Server only makes use of Strong Cryptographic Ciphers" },
      "1.3.1": { title: "Ensure that the --terminated-pod-gc-threshold argument is set as appropriate" },
      "1.3.2": { title: "Ensure that the --profiling argument is set to false" },
      "1.3.3": { title: "Ensure that the --use-service-account-credentials argument is set to true" },
      "1.3.4": { title: "Ensure that the --service-account-private-key-file argument is set as appropriate" },
      "1.3.5": { title: "Ensure that the --root-ca-file argument is set as appropriate" },
      "1.3.6": { title: "Ensure that the RotateKubeletServerCertificate argument is set to true" },
      "1.3.7": { title: "Ensure that the --bind-address argument is set to 127.0.0.1" },
      "1.4.1": { title: "Ensure that the --profiling argument is set to false" },
      "1.4.2": { title: "Ensure that the --bind-address argument is set to 127.0.0.1" },
      "2.1": { title: "Ensure that the --cert-file and --key-file arguments are set as appropriate" },
      "2.2": { title: "Ensure that the --client-cert-auth argument is set to true" },
      "2.3": { title: "Ensure that the --auto-tls argument is not set to true" },
      "2.4": { title: "Ensure that the --peer-cert-file and --peer-key-file arguments are set as appropriate" },
      "2.5": { title: "Ensure that the --peer-client-cert-auth argument is set to true" },
      "2.6": { title: "Ensure that the --peer-auto-tls argument is not set to true" },
      "3.2.1": { title: "Ensure that a minimal audit policy is created" },
      "3.2.2": { title: "Ensure that the audit policy covers key security concerns" },
      "4.2.1": { title: "Ensure that the --anonymous-auth argument is set to false" },
      "4.2.2": { title: "Ensure that the --authorization-mode argument is not set to AlwaysAllow" },
      "4.2.3": { title: "Ensure that the --client-ca-file argument is set as appropriate" },
      "4.2.4": { title: "Verify that if defined, the --read-only-port argument is set to 0" },
      "4.2.5": { title: "Ensure that the --streaming-connection-idle-timeout argument is not set to 0" },
      "4.2.6": { title: "Ensure that the --make-iptables-util-chains argument is set to true" },
      "4.2.10": { title: "Ensure that the --rotate-certificates argument is not set to false" },
      "4.2.11": { title: "Verify that the RotateKubeletServerCertificate argument is set to true" },
      "4.2.12": { title: "Ensure that the Kubelet only makes use of Strong Cryptographic Ciphers" },
      "5.1.1": { title: "Ensure that the cluster-admin role is only used where required" },
      "5.1.2": { title: "Minimize access to secrets" },
      "5.1.3": { title: "Minimize wildcard use in Roles and ClusterRoles" },
      "5.1.4": { title: "Minimize access to create pods" },
      "5.1.5": { title: "Ensure that default service accounts are not actively used" },
      "5.1.6": { title: "Ensure that Service Account Tokens are only mounted where necessary" },
      "5.1.8": { title: "Limit use of the Bind, Impersonate and Escalate permissions in the Kubernetes cluster" },
      "5.1.10": { title: "Minimize access to the proxy sub-resource of nodes" },
      "5.1.11": { title: "Minimize access to the approval sub-resource of certificatesigningrequests objects" },
      "5.1.12": { title: "Minimize access to webhook configuration objects" },
      "5.1.13": { title: "Minimize access to the service account token creation" },
      "5.2.1": { title: "Ensure that the cluster has at least one active policy control mechanism in place" },
      "5.2.2": { title: "Minimize the admission of privileged containers" },
      "5.2.3": { title: "Minimize the admission of containers wishing to share the host process ID namespace" },
      "5.2.4": { title: "Minimize the admission of containers wishing to share the host IPC namespace" },
      "5.2.5": { title: "Minimize the admission of containers wishing to share the host network namespace" },
      "5.2.6": { title: "Minimize the admission of containers with allowPrivilegeEscalation" },
      "5.2.7": { title: "Minimize the admission of root containers" },
      "5.2.8": { title: "Minimize the admission of containers with the NET_RAW capability" },
      "5.2.9": { title: "Minimize the admission of containers with added capabilities" },
      "5.2.10": { title: "Minimize the admission of containers with capabilities assigned" },
      "5.2.11": { title: "Minimize the admission of Windows HostProcess containers" },
      "5.2.12": { title: "Minimize the admission of HostPath volumes" },
      "5.2.13": { title: "Minimize the admission of containers which use HostPorts" },
      "5.3.2": { title: "Ensure that all Namespaces have NetworkPolicies defined" },
      "5.4.1": { title: "Prefer using secrets as files over secrets as environment variables" },
      "5.7.2": { title: "Ensure that the seccomp profile is set to docker/default in your Pod definitions" },
      "5.7.4": { title: "The default namespace should not be used" },
    },
  },
  "NSA-CISA": {
    fullName: "NSA/CISA Kubernetes Hardening Guide",
    version: "1.2",
    informationUri: "https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF",
    controls: {
      "Audit logging and threat detection: Kubernetes native audit logging": {},
      "Authentication and authorization: disable anonymous access, RBAC least privilege": {},
      "Authentication and authorization: disable anonymous requests": {},
      "Authentication and authorization: RBAC least privilege": {},
      "Authentication and authorization: RBAC least privilege; namespaces to isolate resources": {},
      "Authentication and authorization: strong authentication": {},
      "Kubernetes Pod security: protecting secrets": {},
      "Network separation and hardening: control plane hardening": { title: "Use TLS for control-plane traffic" },
      "Network separation and hardening: encrypt Secrets at rest": {},
      "Network separation and hardening: encrypt traffic with TLS": {},
      "Network separation and hardening: limit what is exposed outside the cluster": {},
      "Network separation and hardening: namespaces": {},
      "Network separation and hardening: network policies": {},
      "Network separation and hardening: network policies (default deny)": {},
      "Network separation and hardening: resource policies": {},
      "Network separation and hardening: service mesh authorization between services": {},
      "Network separation and hardening: service mesh encryption of traffic in transit": {},
      "Pod security: building secure container images": {},
      "Pod security: do not share host namespaces (hostIPC)": {},
      "Pod security: do not share host namespaces (hostNetwork)": {},
      "Pod security: do not share host namespaces (hostPID)": {},
      "Pod security: immutable container file systems": {},
      "Pod security: kernel hardening with AppArmor": {},
      "Pod security: kernel hardening with seccomp": {},
      "Pod security: kernel hardening with SELinux": {},
      "Pod security: non-root, unprivileged containers": {},
      "Pod security: Pod security enforcement": {},
      "Pod security: protecting Pod service account tokens": {},
      "Pod security: restrict host file system access (hostPath)": {},
    },
  },
  "PCI-DSS": {
    fullName: "Payment Card Industry Data Security Standard",
    version: "4.0.1",
    informationUri: "https://www.pcisecuritystandards.org/document_library/",
    controls: {
      "1.2": { title: "Network security controls are configured and maintained" },
      "1.3": { title: "Network access to and from the cardholder data environment is restricted" },
      "3.5": { title: "Primary account number is secured wherever it is stored" },
      "3.6": { title: "Cryptographic keys used to protect stored account data are secured" },
      "4.2.1": { title: "Strong cryptography and security protocols safeguard PAN during transmission over open, public networks" },
      "10.2": { title: "Audit logs are implemented to support the detection of anomalies and suspicious activity" },
    },
  },
  "MITRE-ATT&CK": {
    fullName: "MITRE ATT&CK for Containers",
    informationUri: "https://attack.mitre.org/matrices/enterprise/containers/",
    controls: {
      "T1021": { title: "Remote Services" },
      "T1040": { title: "Network Sniffing" },
      "T1078": { title: "Valid Accounts" },
      "T1078.001": { title: "Valid Accounts: Default Accounts" },
      "T1098.006": { title: "Account Manipulation: Additional Container Cluster Roles" },
      "T1190": { title: "Exploit Public-Facing Application" },
      "T1210": { title: "Exploitation of Remote Services (lateral movement)" },
      "T1525": { title: "Implant Internal Image" },
      "T1528": { title: "Steal Application Access Token" },
      "T1552": { title: "Unsecured Credentials" },
      "T1552.001": { title: "Unsecured Credentials: Credentials In Files" },
      "T1552.007": { title: "Unsecured Credentials: Container API" },
      "T1557": { title: "Adversary-in-the-Middle" },
      "T1562": { title: "Impair Defenses" },
      "T1562.001": { title: "Impair Defenses: Disable or Modify Tools" },
      "T1609": { title: "Container Administration Command" },
      "T1610": { title: "Deploy Container" },
      "T1611": { title: "Escape to Host" },
      "T1649": { title: "Steal or Forge Authentication Certificates" },
    },
  },
};
