import type { Framework, FrameworkRef } from "./rule-meta.js";

/**
 * How far a static linter can check a control: wholly from the manifests, partly (some of what the
 * control asks is in the manifests, the rest is runtime evidence or process), or not at all.
 */
export type Coverage = "checked" | "partial" | "not-static";

/** A control of a framework; NSA-CISA sections are named by their text, so most need no title of their own. */
export interface ControlData {
  title?: string;
  coverage: Coverage;
  /** For partial and not-static controls: what a linter cannot see, in a sentence the report shows. */
  limits?: string;
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
      "baseline/apparmor": { title: "AppArmor", coverage: "checked" },
      "baseline/capabilities": { title: "Capabilities", coverage: "checked" },
      "baseline/host-namespaces": { title: "Host Namespaces", coverage: "checked" },
      "baseline/host-ports": { title: "Host Ports", coverage: "checked" },
      "baseline/host-probes-lifecycle-hooks": { title: "Host Probes / Lifecycle Hooks", coverage: "checked" },
      "baseline/hostpath-volumes": { title: "HostPath Volumes", coverage: "checked" },
      "baseline/hostprocess": { title: "HostProcess", coverage: "checked" },
      "baseline/privileged-containers": { title: "Privileged Containers", coverage: "checked" },
      "baseline/proc-mount-type": { title: "/proc Mount Type", coverage: "checked" },
      "baseline/seccomp": { title: "Seccomp", coverage: "checked" },
      "baseline/selinux": { title: "SELinux", coverage: "checked" },
      "baseline/sysctls": { title: "Sysctls", coverage: "checked" },
      "restricted/capabilities": { title: "Capabilities", coverage: "checked" },
      "restricted/privilege-escalation": { title: "Privilege Escalation", coverage: "checked" },
      "restricted/running-as-non-root": { title: "Running as Non-root", coverage: "checked" },
      "restricted/running-as-non-root-user": { title: "Running as Non-root user", coverage: "checked" },
      "restricted/seccomp": { title: "Seccomp", coverage: "checked" },
      "restricted/volume-types": { title: "Volume Types", coverage: "checked" },
    },
  },
  "CIS": {
    fullName: "CIS Kubernetes Benchmark",
    // The control-plane ids were checked against kube-bench's cis-1.10 files, the kubelet's (section 4) against cis-1.12.
    version: "1.10 (control plane), 1.12 (kubelet)",
    informationUri: "https://www.cisecurity.org/benchmark/kubernetes",
    controls: {
      "1.2.1": { title: "Ensure that the --anonymous-auth argument is set to false", coverage: "checked" },
      "1.2.2": { title: "Ensure that the --token-auth-file parameter is not set", coverage: "checked" },
      "1.2.3": { title: "Ensure that the --DenyServiceExternalIPs is set", coverage: "checked" },
      "1.2.4": { title: "Ensure that the --kubelet-client-certificate and --kubelet-client-key arguments are set as appropriate", coverage: "checked" },
      "1.2.5": { title: "Ensure that the --kubelet-certificate-authority argument is set as appropriate", coverage: "checked" },
      "1.2.6": { title: "Ensure that the --authorization-mode argument is not set to AlwaysAllow", coverage: "checked" },
      "1.2.7": { title: "Ensure that the --authorization-mode argument includes Node", coverage: "checked" },
      "1.2.8": { title: "Ensure that the --authorization-mode argument includes RBAC", coverage: "checked" },
      "1.2.9": { title: "Ensure that the admission control plugin EventRateLimit is set", coverage: "checked" },
      "1.2.10": { title: "Ensure that the admission control plugin AlwaysAdmit is not set", coverage: "checked" },
      "1.2.11": { title: "Ensure that the admission control plugin AlwaysPullImages is set", coverage: "checked" },
      "1.2.12": { title: "Ensure that the admission control plugin ServiceAccount is set", coverage: "checked" },
      "1.2.13": { title: "Ensure that the admission control plugin NamespaceLifecycle is set", coverage: "checked" },
      "1.2.14": { title: "Ensure that the admission control plugin NodeRestriction is set", coverage: "checked" },
      "1.2.15": { title: "Ensure that the --profiling argument is set to false", coverage: "checked" },
      "1.2.16": { title: "Ensure that the --audit-log-path argument is set", coverage: "checked" },
      "1.2.17": { title: "Ensure that the --audit-log-maxage argument is set to 30 or as appropriate", coverage: "checked" },
      "1.2.18": { title: "Ensure that the --audit-log-maxbackup argument is set to 10 or as appropriate", coverage: "checked" },
      "1.2.19": { title: "Ensure that the --audit-log-maxsize argument is set to 100 or as appropriate", coverage: "checked" },
      "1.2.20": { title: "Ensure that the --request-timeout argument is set as appropriate", coverage: "checked" },
      "1.2.21": { title: "Ensure that the --service-account-lookup argument is set to true", coverage: "checked" },
      "1.2.22": { title: "Ensure that the --service-account-key-file argument is set as appropriate", coverage: "checked" },
      "1.2.23": { title: "Ensure that the --etcd-certfile and --etcd-keyfile arguments are set as appropriate", coverage: "checked" },
      "1.2.24": { title: "Ensure that the --tls-cert-file and --tls-private-key-file arguments are set as appropriate", coverage: "checked" },
      "1.2.25": { title: "Ensure that the --client-ca-file argument is set as appropriate", coverage: "checked" },
      "1.2.26": { title: "Ensure that the --etcd-cafile argument is set as appropriate", coverage: "checked" },
      "1.2.27": { title: "Ensure that the --encryption-provider-config argument is set as appropriate", coverage: "checked" },
      "1.2.28": { title: "Ensure that encryption providers are appropriately configured", coverage: "checked" },
      "1.2.29": { title: "Ensure that the API Server only makes use of Strong Cryptographic Ciphers", coverage: "checked" },
      "1.3.1": { title: "Ensure that the --terminated-pod-gc-threshold argument is set as appropriate", coverage: "checked" },
      "1.3.2": { title: "Ensure that the --profiling argument is set to false", coverage: "checked" },
      "1.3.3": { title: "Ensure that the --use-service-account-credentials argument is set to true", coverage: "checked" },
      "1.3.4": { title: "Ensure that the --service-account-private-key-file argument is set as appropriate", coverage: "checked" },
      "1.3.5": { title: "Ensure that the --root-ca-file argument is set as appropriate", coverage: "checked" },
      "1.3.6": { title: "Ensure that the RotateKubeletServerCertificate argument is set to true", coverage: "checked" },
      "1.3.7": { title: "Ensure that the --bind-address argument is set to 127.0.0.1", coverage: "checked" },
      "1.4.1": { title: "Ensure that the --profiling argument is set to false", coverage: "checked" },
      "1.4.2": { title: "Ensure that the --bind-address argument is set to 127.0.0.1", coverage: "checked" },
      "2.1": { title: "Ensure that the --cert-file and --key-file arguments are set as appropriate", coverage: "checked" },
      "2.2": { title: "Ensure that the --client-cert-auth argument is set to true", coverage: "checked" },
      "2.3": { title: "Ensure that the --auto-tls argument is not set to true", coverage: "checked" },
      "2.4": { title: "Ensure that the --peer-cert-file and --peer-key-file arguments are set as appropriate", coverage: "checked" },
      "2.5": { title: "Ensure that the --peer-client-cert-auth argument is set to true", coverage: "checked" },
      "2.6": { title: "Ensure that the --peer-auto-tls argument is not set to true", coverage: "checked" },
      "3.2.1": { title: "Ensure that a minimal audit policy is created", coverage: "checked" },
      "3.2.2": { title: "Ensure that the audit policy covers key security concerns", coverage: "checked" },
      "4.2.1": { title: "Ensure that the --anonymous-auth argument is set to false", coverage: "checked" },
      "4.2.2": { title: "Ensure that the --authorization-mode argument is not set to AlwaysAllow", coverage: "checked" },
      "4.2.3": { title: "Ensure that the --client-ca-file argument is set as appropriate", coverage: "checked" },
      "4.2.4": { title: "Verify that if defined, the --read-only-port argument is set to 0", coverage: "checked" },
      "4.2.5": { title: "Ensure that the --streaming-connection-idle-timeout argument is not set to 0", coverage: "checked" },
      "4.2.6": { title: "Ensure that the --make-iptables-util-chains argument is set to true", coverage: "checked" },
      "4.2.10": { title: "Ensure that the --rotate-certificates argument is not set to false", coverage: "checked" },
      "4.2.11": { title: "Verify that the RotateKubeletServerCertificate argument is set to true", coverage: "checked" },
      "4.2.12": { title: "Ensure that the Kubelet only makes use of Strong Cryptographic Ciphers", coverage: "checked" },
      "5.1.1": { title: "Ensure that the cluster-admin role is only used where required", coverage: "checked" },
      "5.1.2": { title: "Minimize access to secrets", coverage: "checked" },
      "5.1.3": { title: "Minimize wildcard use in Roles and ClusterRoles", coverage: "checked" },
      "5.1.4": { title: "Minimize access to create pods", coverage: "checked" },
      "5.1.5": { title: "Ensure that default service accounts are not actively used", coverage: "checked" },
      "5.1.6": { title: "Ensure that Service Account Tokens are only mounted where necessary", coverage: "checked" },
      "5.1.8": { title: "Limit use of the Bind, Impersonate and Escalate permissions in the Kubernetes cluster", coverage: "checked" },
      "5.1.10": { title: "Minimize access to the proxy sub-resource of nodes", coverage: "checked" },
      "5.1.11": { title: "Minimize access to the approval sub-resource of certificatesigningrequests objects", coverage: "checked" },
      "5.1.12": { title: "Minimize access to webhook configuration objects", coverage: "checked" },
      "5.1.13": { title: "Minimize access to the service account token creation", coverage: "checked" },
      "5.2.1": { title: "Ensure that the cluster has at least one active policy control mechanism in place", coverage: "checked" },
      "5.2.2": { title: "Minimize the admission of privileged containers", coverage: "checked" },
      "5.2.3": { title: "Minimize the admission of containers wishing to share the host process ID namespace", coverage: "checked" },
      "5.2.4": { title: "Minimize the admission of containers wishing to share the host IPC namespace", coverage: "checked" },
      "5.2.5": { title: "Minimize the admission of containers wishing to share the host network namespace", coverage: "checked" },
      "5.2.6": { title: "Minimize the admission of containers with allowPrivilegeEscalation", coverage: "checked" },
      "5.2.7": { title: "Minimize the admission of root containers", coverage: "checked" },
      "5.2.8": { title: "Minimize the admission of containers with the NET_RAW capability", coverage: "checked" },
      "5.2.9": { title: "Minimize the admission of containers with added capabilities", coverage: "checked" },
      "5.2.10": { title: "Minimize the admission of containers with capabilities assigned", coverage: "checked" },
      "5.2.11": { title: "Minimize the admission of Windows HostProcess containers", coverage: "checked" },
      "5.2.12": { title: "Minimize the admission of HostPath volumes", coverage: "checked" },
      "5.2.13": { title: "Minimize the admission of containers which use HostPorts", coverage: "checked" },
      "5.3.2": { title: "Ensure that all Namespaces have NetworkPolicies defined", coverage: "checked" },
      "5.4.1": { title: "Prefer using secrets as files over secrets as environment variables", coverage: "checked" },
      "5.7.2": { title: "Ensure that the seccomp profile is set to docker/default in your Pod definitions", coverage: "checked" },
      "5.7.4": { title: "The default namespace should not be used", coverage: "checked" },
    },
  },
  "NSA-CISA": {
    fullName: "NSA/CISA Kubernetes Hardening Guide",
    version: "1.2",
    informationUri: "https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF",
    controls: {
      "Audit logging and threat detection: Kubernetes native audit logging": { coverage: "checked" },
      "Authentication and authorization: disable anonymous access, RBAC least privilege": { coverage: "checked" },
      "Authentication and authorization: disable anonymous requests": { coverage: "checked" },
      "Authentication and authorization: RBAC least privilege": { coverage: "checked" },
      "Authentication and authorization: RBAC least privilege; namespaces to isolate resources": { coverage: "checked" },
      "Authentication and authorization: strong authentication": { coverage: "checked" },
      "Kubernetes Pod security: protecting secrets": { coverage: "checked" },
      "Network separation and hardening: control plane hardening": { title: "Use TLS for control-plane traffic", coverage: "checked" },
      "Network separation and hardening: encrypt Secrets at rest": { coverage: "checked" },
      "Network separation and hardening: encrypt traffic with TLS": { coverage: "checked" },
      "Network separation and hardening: limit what is exposed outside the cluster": { coverage: "checked" },
      "Network separation and hardening: namespaces": { coverage: "checked" },
      "Network separation and hardening: network policies": { coverage: "checked" },
      "Network separation and hardening: network policies (default deny)": { coverage: "checked" },
      "Network separation and hardening: resource policies": { coverage: "checked" },
      "Network separation and hardening: service mesh authorization between services": { coverage: "checked" },
      "Network separation and hardening: service mesh encryption of traffic in transit": { coverage: "checked" },
      "Pod security: building secure container images": { coverage: "checked" },
      "Pod security: do not share host namespaces (hostIPC)": { coverage: "checked" },
      "Pod security: do not share host namespaces (hostNetwork)": { coverage: "checked" },
      "Pod security: do not share host namespaces (hostPID)": { coverage: "checked" },
      "Pod security: immutable container file systems": { coverage: "checked" },
      "Pod security: kernel hardening with AppArmor": { coverage: "checked" },
      "Pod security: kernel hardening with seccomp": { coverage: "checked" },
      "Pod security: kernel hardening with SELinux": { coverage: "checked" },
      "Pod security: non-root, unprivileged containers": { coverage: "checked" },
      "Pod security: Pod security enforcement": { coverage: "checked" },
      "Pod security: protecting Pod service account tokens": { coverage: "checked" },
      "Pod security: restrict host file system access (hostPath)": { coverage: "checked" },
    },
  },
  "PCI-DSS": {
    fullName: "Payment Card Industry Data Security Standard",
    version: "4.0.1",
    informationUri: "https://www.pcisecuritystandards.org/document_library/",
    controls: {
      "1.2": { title: "Network security controls are configured and maintained", coverage: "checked" },
      "1.3": { title: "Network access to and from the cardholder data environment is restricted", coverage: "checked" },
      "3.5": { title: "Primary account number is secured wherever it is stored", coverage: "checked" },
      "3.6": { title: "Cryptographic keys used to protect stored account data are secured", coverage: "checked" },
      "4.2.1": { title: "Strong cryptography and security protocols safeguard PAN during transmission over open, public networks", coverage: "checked" },
      "10.2": { title: "Audit logs are implemented to support the detection of anomalies and suspicious activity", coverage: "checked" },
    },
  },
  "MITRE-ATT&CK": {
    fullName: "MITRE ATT&CK for Containers",
    informationUri: "https://attack.mitre.org/matrices/enterprise/containers/",
    controls: {
      "T1021": { title: "Remote Services", coverage: "checked" },
      "T1040": { title: "Network Sniffing", coverage: "checked" },
      "T1078": { title: "Valid Accounts", coverage: "checked" },
      "T1078.001": { title: "Valid Accounts: Default Accounts", coverage: "checked" },
      "T1098.006": { title: "Account Manipulation: Additional Container Cluster Roles", coverage: "checked" },
      "T1190": { title: "Exploit Public-Facing Application", coverage: "checked" },
      "T1210": { title: "Exploitation of Remote Services (lateral movement)", coverage: "checked" },
      "T1525": { title: "Implant Internal Image", coverage: "checked" },
      "T1528": { title: "Steal Application Access Token", coverage: "checked" },
      "T1552": { title: "Unsecured Credentials", coverage: "checked" },
      "T1552.001": { title: "Unsecured Credentials: Credentials In Files", coverage: "checked" },
      "T1552.007": { title: "Unsecured Credentials: Container API", coverage: "checked" },
      "T1557": { title: "Adversary-in-the-Middle", coverage: "checked" },
      "T1562": { title: "Impair Defenses", coverage: "checked" },
      "T1562.001": { title: "Impair Defenses: Disable or Modify Tools", coverage: "checked" },
      "T1609": { title: "Container Administration Command", coverage: "checked" },
      "T1610": { title: "Deploy Container", coverage: "checked" },
      "T1611": { title: "Escape to Host", coverage: "checked" },
      "T1649": { title: "Steal or Forge Authentication Certificates", coverage: "checked" },
    },
  },
};
