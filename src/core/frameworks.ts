import type { Framework, FrameworkRef } from "./rule-meta.js";

/**
 * How far a static linter can check a control: wholly from the manifests, partly (some of what the
 * control asks is in the manifests, the rest is runtime evidence or process), or not at all.
 */
export type Coverage = "checked" | "partial" | "not-static";

/** A control of a framework. */
export interface ControlData {
  title: string;
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
  /**
   * All of the framework's controls that concern Kubernetes, by id: those the rules name are checked or partial,
   * the rest not-static (test/meta/frameworks.test.ts keeps both sides in step).
   */
  controls: Readonly<Record<string, ControlData>>;
}

/** Whether the framework data has the control `ref` names. */
export function isKnownControl(ref: FrameworkRef): boolean {
  return Object.hasOwn(FRAMEWORKS[ref.framework].controls, ref.control);
}

/** A control's title; undefined for a control the data does not have. */
export function controlTitle(ref: FrameworkRef): string | undefined {
  return isKnownControl(ref) ? FRAMEWORKS[ref.framework].controls[ref.control].title : undefined;
}

/** Limits of the CIS checks of files on the node. */
const NODE_FILE = "A file's permissions or owner on the node, which no manifest holds.";
/** Limits of every MITRE technique a rule relates to. */
const ENABLER = "kubeward finds a misconfiguration that enables the technique, never the technique being used.";
/** Limits of the MITRE techniques no rule relates to. */
const RUNTIME = "Adversary behaviour at runtime; no kubeward rule checks a misconfiguration that enables it.";

/**
 * Each framework's controls that concern Kubernetes and how far kubeward checks them: the one place their
 * titles are written, so docs, `kubeward rules`, SARIF taxonomies and the compliance report read the same text.
 * - PSS ids are `level/control`; all are checked.
 * - CIS ids are of the benchmark version given, sections 1 to 5 complete; checks of files and processes on
 *   the node and policies of a live cluster are not-static.
 * - NSA-CISA ids are slugs of the guide's sections (`chapter/section[/subsection]`), the title its section path.
 * - PCI DSS ids are v4.0.1 requirements at the x.y level (a rule serves the requirement, not one testing
 *   procedure), those of the twelve that Kubernetes guidance touches. None is wholly checked: each also asks
 *   for processes and evidence a linter cannot see, so the rules' requirements are partial.
 * - MITRE ids are ATT&CK techniques: all of the Containers matrix, and five Enterprise techniques outside it
 *   (network sniffing, adversary-in-the-middle, ...) that the network and mesh rules guard against. A linter finds
 *   the misconfiguration that enables a technique, never the technique, so those the rules relate to are partial
 *   and the rest not-static.
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
    // Sections 1-3 and 5 are kube-bench's cis-1.10 files; section 4 (worker nodes) is cis-1.12.
    version: "1.10 (control plane), 1.12 (kubelet)",
    informationUri: "https://www.cisecurity.org/benchmark/kubernetes",
    controls: {
      "1.1.1": { title: "Ensure that the API server pod specification file permissions are set to 600 or more restrictive", coverage: "not-static", limits: NODE_FILE },
      "1.1.2": { title: "Ensure that the API server pod specification file ownership is set to root:root", coverage: "not-static", limits: NODE_FILE },
      "1.1.3": { title: "Ensure that the controller manager pod specification file permissions are set to 600 or more restrictive", coverage: "not-static", limits: NODE_FILE },
      "1.1.4": { title: "Ensure that the controller manager pod specification file ownership is set to root:root", coverage: "not-static", limits: NODE_FILE },
      "1.1.5": { title: "Ensure that the scheduler pod specification file permissions are set to 600 or more restrictive", coverage: "not-static", limits: NODE_FILE },
      "1.1.6": { title: "Ensure that the scheduler pod specification file ownership is set to root:root", coverage: "not-static", limits: NODE_FILE },
      "1.1.7": { title: "Ensure that the etcd pod specification file permissions are set to 600 or more restrictive", coverage: "not-static", limits: NODE_FILE },
      "1.1.8": { title: "Ensure that the etcd pod specification file ownership is set to root:root", coverage: "not-static", limits: NODE_FILE },
      "1.1.9": { title: "Ensure that the Container Network Interface file permissions are set to 600 or more restrictive", coverage: "not-static", limits: NODE_FILE },
      "1.1.10": { title: "Ensure that the Container Network Interface file ownership is set to root:root", coverage: "not-static", limits: NODE_FILE },
      "1.1.11": { title: "Ensure that the etcd data directory permissions are set to 700 or more restrictive", coverage: "not-static", limits: "The etcd data directory's permissions on the node, which no manifest holds." },
      "1.1.12": { title: "Ensure that the etcd data directory ownership is set to etcd:etcd", coverage: "not-static", limits: "The etcd data directory's owner on the node, which no manifest holds." },
      "1.1.13": { title: "Ensure that the default administrative credential file permissions are set to 600", coverage: "not-static", limits: NODE_FILE },
      "1.1.14": { title: "Ensure that the default administrative credential file ownership is set to root:root", coverage: "not-static", limits: NODE_FILE },
      "1.1.15": { title: "Ensure that the scheduler.conf file permissions are set to 600 or more restrictive", coverage: "not-static", limits: NODE_FILE },
      "1.1.16": { title: "Ensure that the scheduler.conf file ownership is set to root:root", coverage: "not-static", limits: NODE_FILE },
      "1.1.17": { title: "Ensure that the controller-manager.conf file permissions are set to 600 or more restrictive", coverage: "not-static", limits: NODE_FILE },
      "1.1.18": { title: "Ensure that the controller-manager.conf file ownership is set to root:root", coverage: "not-static", limits: NODE_FILE },
      "1.1.19": { title: "Ensure that the Kubernetes PKI directory and file ownership is set to root:root", coverage: "not-static", limits: NODE_FILE },
      "1.1.20": { title: "Ensure that the Kubernetes PKI certificate file permissions are set to 600 or more restrictive", coverage: "not-static", limits: NODE_FILE },
      "1.1.21": { title: "Ensure that the Kubernetes PKI key file permissions are set to 600", coverage: "not-static", limits: NODE_FILE },
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
      "2.7": { title: "Ensure that a unique Certificate Authority is used for etcd", coverage: "not-static", limits: "Whether etcd's CA differs from the cluster's is a property of the certificate files, not of the flags that name them." },
      "3.1.1": { title: "Client certificate authentication should not be used for users", coverage: "not-static", limits: "How people authenticate to the cluster is an organisational choice outside the manifests." },
      "3.1.2": { title: "Service account token authentication should not be used for users", coverage: "not-static", limits: "How people authenticate to the cluster is an organisational choice outside the manifests." },
      "3.1.3": { title: "Bootstrap token authentication should not be used for users", coverage: "not-static", limits: "How people authenticate to the cluster is an organisational choice outside the manifests." },
      "3.2.1": { title: "Ensure that a minimal audit policy is created", coverage: "checked" },
      "3.2.2": { title: "Ensure that the audit policy covers key security concerns", coverage: "partial", limits: "The rules check that the policy catches every request, records responses and keeps Secret bodies out; which concerns matter to this cluster is a review." },
      "4.1.1": { title: "Ensure that the kubelet service file permissions are set to 600 or more restrictive", coverage: "not-static", limits: NODE_FILE },
      "4.1.2": { title: "Ensure that the kubelet service file ownership is set to root:root", coverage: "not-static", limits: NODE_FILE },
      "4.1.3": { title: "If proxy kubeconfig file exists ensure permissions are set to 600 or more restrictive", coverage: "not-static", limits: NODE_FILE },
      "4.1.4": { title: "If proxy kubeconfig file exists ensure ownership is set to root:root", coverage: "not-static", limits: NODE_FILE },
      "4.1.5": { title: "Ensure that the --kubeconfig kubelet.conf file permissions are set to 600 or more restrictive", coverage: "not-static", limits: NODE_FILE },
      "4.1.6": { title: "Ensure that the --kubeconfig kubelet.conf file ownership is set to root:root", coverage: "not-static", limits: NODE_FILE },
      "4.1.7": { title: "Ensure that the certificate authorities file permissions are set to 644 or more restrictive", coverage: "not-static", limits: NODE_FILE },
      "4.1.8": { title: "Ensure that the client certificate authorities file ownership is set to root:root", coverage: "not-static", limits: NODE_FILE },
      "4.1.9": { title: "If the kubelet config.yaml configuration file is being used validate permissions set to 600 or more restrictive", coverage: "not-static", limits: NODE_FILE },
      "4.1.10": { title: "If the kubelet config.yaml configuration file is being used validate file ownership is set to root:root", coverage: "not-static", limits: NODE_FILE },
      "4.2.1": { title: "Ensure that the --anonymous-auth argument is set to false", coverage: "checked" },
      "4.2.2": { title: "Ensure that the --authorization-mode argument is not set to AlwaysAllow", coverage: "checked" },
      "4.2.3": { title: "Ensure that the --client-ca-file argument is set as appropriate", coverage: "checked" },
      "4.2.4": { title: "Verify that if defined, the --read-only-port argument is set to 0", coverage: "checked" },
      "4.2.5": { title: "Ensure that the --streaming-connection-idle-timeout argument is not set to 0", coverage: "checked" },
      "4.2.6": { title: "Ensure that the --make-iptables-util-chains argument is set to true", coverage: "checked" },
      "4.2.7": { title: "Ensure that the --hostname-override argument is not set", coverage: "not-static", limits: "Set only on the kubelet's command line (its systemd unit), which no manifest holds." },
      "4.2.8": { title: "Ensure that the eventRecordQPS argument is set to a level which ensures appropriate event capture", coverage: "partial", limits: "Whether the rate suits the cluster's event load is a review; the rule reports a limit lowered below the kubelet's default of 50 a second." },
      "4.2.9": { title: "Ensure that the --tls-cert-file and --tls-private-key-file arguments are set as appropriate", coverage: "checked" },
      "4.2.10": { title: "Ensure that the --rotate-certificates argument is not set to false", coverage: "checked" },
      "4.2.11": { title: "Verify that the RotateKubeletServerCertificate argument is set to true", coverage: "checked" },
      "4.2.12": { title: "Ensure that the Kubelet only makes use of Strong Cryptographic Ciphers", coverage: "checked" },
      "4.2.13": { title: "Ensure that a limit is set on pod PIDs", coverage: "checked" },
      "4.2.14": { title: "Ensure that the --seccomp-default parameter is set to true", coverage: "checked" },
      "4.3.1": { title: "Ensure that the kube-proxy metrics service is bound to localhost", coverage: "partial", limits: "A KubeProxyConfiguration file and kube-proxy's command line are checked; one embedded as text in a ConfigMap (kubeadm's `kube-proxy` ConfigMap) is not read." },
      "5.1.1": { title: "Ensure that the cluster-admin role is only used where required", coverage: "checked" },
      "5.1.2": { title: "Minimize access to secrets", coverage: "checked" },
      "5.1.3": { title: "Minimize wildcard use in Roles and ClusterRoles", coverage: "checked" },
      "5.1.4": { title: "Minimize access to create pods", coverage: "checked" },
      "5.1.5": { title: "Ensure that default service accounts are not actively used", coverage: "checked" },
      "5.1.6": { title: "Ensure that Service Account Tokens are only mounted where necessary", coverage: "checked" },
      "5.1.7": { title: "Avoid use of system:masters group", coverage: "not-static", limits: "Membership of system:masters comes from client certificates, which no manifest holds; RBAC bindings cannot grant or revoke it." },
      "5.1.8": { title: "Limit use of the Bind, Impersonate and Escalate permissions in the Kubernetes cluster", coverage: "checked" },
      "5.1.9": { title: "Minimize access to create persistent volumes", coverage: "checked" },
      "5.1.10": { title: "Minimize access to the proxy sub-resource of nodes", coverage: "checked" },
      "5.1.11": { title: "Minimize access to the approval sub-resource of certificatesigningrequests objects", coverage: "checked" },
      "5.1.12": { title: "Minimize access to webhook configuration objects", coverage: "checked" },
      "5.1.13": { title: "Minimize access to the service account token creation", coverage: "checked" },
      "5.2.1": { title: "Ensure that the cluster has at least one active policy control mechanism in place", coverage: "partial", limits: "Pod Security Admission labels are checked; a policy engine (Kyverno, Gatekeeper) or an admission configuration file outside the inputs is not seen." },
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
      "5.3.1": { title: "Ensure that the CNI in use supports NetworkPolicies", coverage: "not-static", limits: "Which CNI plugin runs, and whether it enforces NetworkPolicies, is a property of the live cluster." },
      "5.3.2": { title: "Ensure that all Namespaces have NetworkPolicies defined", coverage: "partial", limits: "A namespace whose NetworkPolicies are defined outside the inputs (another repository, applied by hand) is reported as having none." },
      "5.4.1": { title: "Prefer using Secrets as files over Secrets as environment variables", coverage: "checked" },
      "5.4.2": { title: "Consider external secret storage", coverage: "not-static", limits: "Whether secrets live in an external store is an architecture choice; a manifest shows at most a CSI driver or operator in use." },
      "5.5.1": { title: "Configure Image Provenance using ImagePolicyWebhook admission controller", coverage: "partial", limits: "The rule checks that the ImagePolicyWebhook plugin is enabled; what its webhook allows, and image provenance enforced by another admission controller (Kyverno, Sigstore policy-controller, Gatekeeper), are not seen." },
      "5.7.1": { title: "Create administrative boundaries between resources using namespaces", coverage: "not-static", limits: "Whether the namespaces match the organisation's administrative boundaries is a design review; default-namespace checks only that the default namespace is avoided." },
      "5.7.2": { title: "Ensure that the seccomp profile is set to docker/default in your Pod definitions", coverage: "checked" },
      "5.7.3": { title: "Apply SecurityContext to your Pods and Containers", coverage: "partial", limits: "The rules check the securityContext fields they know of; whether the settings suit each application is a review." },
      "5.7.4": { title: "The default namespace should not be used", coverage: "checked" },
    },
  },
  "NSA-CISA": {
    fullName: "NSA/CISA Kubernetes Hardening Guide",
    version: "1.2",
    informationUri: "https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF",
    controls: {
      "pod-security/non-root-containers": { title: "Kubernetes Pod security › \"Non-root\" containers and \"rootless\" container engines", coverage: "partial", limits: "The pod's user settings are checked; the user an image defaults to, and whether the container engine runs rootless, are not in the manifests." },
      "pod-security/immutable-file-systems": { title: "Kubernetes Pod security › Immutable container file systems", coverage: "checked" },
      "pod-security/secure-images": { title: "Kubernetes Pod security › Building secure container images", coverage: "partial", limits: "How images are referenced and pulled is checked; what they contain and whether they were scanned is not in the manifests." },
      "pod-security/pod-security-enforcement": { title: "Kubernetes Pod security › Pod security enforcement", coverage: "partial", limits: "Pod specs and Pod Security Admission labels are checked; a policy engine or admission configuration outside the inputs is not seen." },
      "pod-security/service-account-tokens": { title: "Kubernetes Pod security › Protecting Pod service account tokens", coverage: "checked" },
      "pod-security/hardening-container-environments": { title: "Kubernetes Pod security › Hardening container environments", coverage: "partial", limits: "The seccomp, AppArmor and SELinux settings of pods are checked; sandboxed runtimes and the node's kernel are not in the manifests." },
      "network/namespaces": { title: "Network separation and hardening › Namespaces", coverage: "partial", limits: "The rules see which namespace objects are in and which routes and bindings cross namespaces; whether the namespaces separate what should be separate is a design review." },
      "network/network-policies": { title: "Network separation and hardening › Network policies", coverage: "partial", limits: "Policies in the inputs are checked; policies defined elsewhere, and whether the CNI plugin enforces them, are not seen." },
      "network/resource-policies": { title: "Network separation and hardening › Resource policies", coverage: "partial", limits: "Containers' requests and limits are checked; LimitRanges and ResourceQuotas outside the inputs, and the node's process limits, are not." },
      "network/control-plane-hardening": { title: "Network separation and hardening › Control plane hardening", coverage: "partial", limits: "The control-plane components' flags are checked; firewalls and who can reach the API server's port are not in the manifests." },
      "network/control-plane-hardening/etcd": { title: "Network separation and hardening › Control plane hardening › Etcd", coverage: "partial", limits: "etcd's TLS flags are checked; that only the API server can reach etcd is a firewall setting outside the manifests." },
      "network/control-plane-hardening/kubeconfig-files": { title: "Network separation and hardening › Control plane hardening › Kubeconfig files", coverage: "not-static", limits: "Kubeconfig files and their permissions live on nodes and workstations, not in manifests." },
      "network/worker-node-segmentation": { title: "Network separation and hardening › Worker node segmentation", coverage: "not-static", limits: "Network segmentation of the nodes is firewall and cloud network configuration, outside the manifests." },
      "network/encryption": { title: "Network separation and hardening › Encryption", coverage: "partial", limits: "TLS settings of Ingresses, Gateways, the mesh and the control plane are checked; traffic that none of them carries is not seen." },
      "network/secrets": { title: "Network separation and hardening › Secrets", coverage: "partial", limits: "Encryption at rest settings and secrets written into manifests are checked; the keys' storage and a KMS provider's own configuration are not." },
      "network/cloud-infrastructure": { title: "Network separation and hardening › Protecting sensitive cloud infrastructure", coverage: "not-static", limits: "Access to the cloud metadata service is set in the cloud provider's node configuration; kubeward has no rule for egress policies that block it." },
      "authn-authz/authentication": { title: "Authentication and authorization › Authentication", coverage: "partial", limits: "The API server's and kubelet's authentication flags are checked; the identity provider and how people get credentials are outside the manifests." },
      "authn-authz/rbac": { title: "Authentication and authorization › Role-based access control", coverage: "partial", limits: "Roles and bindings in the inputs are checked; roles applied by other means, and the periodic review the guide asks for, are not seen." },
      "logging/audit-logging": { title: "Audit logging and threat detection › Logging › Kubernetes native audit logging configuration", coverage: "partial", limits: "The audit flags and Policy are checked; that logs are collected, kept and read is operations outside the manifests." },
      "logging/worker-node-container-logging": { title: "Audit logging and threat detection › Logging › Worker node and container logging", coverage: "not-static", limits: "Node and container log collection is set up by a logging agent and the nodes, whose output a linter cannot see." },
      "logging/seccomp-audit-mode": { title: "Audit logging and threat detection › Logging › Seccomp: audit mode", coverage: "not-static", limits: "An audit-mode seccomp profile lives on the node; the manifest only names it." },
      "logging/syslog": { title: "Audit logging and threat detection › Logging › Syslog", coverage: "not-static", limits: "Syslog forwarding is node configuration." },
      "logging/siem-platforms": { title: "Audit logging and threat detection › Logging › SIEM platforms", coverage: "not-static", limits: "A SIEM is a runtime system outside the manifests." },
      "logging/service-meshes": { title: "Audit logging and threat detection › Logging › Service meshes", coverage: "not-static", limits: "Whether the mesh's access logs are collected and used is operations, not manifest content." },
      "logging/fault-tolerance": { title: "Audit logging and threat detection › Logging › Fault tolerance", coverage: "not-static", limits: "Log storage redundancy is operations outside the manifests." },
      "threat-detection/alerting": { title: "Audit logging and threat detection › Threat detection › Alerting", coverage: "not-static", limits: "Alerting acts on runtime events." },
      "threat-detection/tools": { title: "Audit logging and threat detection › Threat detection › Tools", coverage: "not-static", limits: "Intrusion detection tools watch the running cluster." },
      "upgrading/application-security-practices": { title: "Upgrading and application security practices", coverage: "not-static", limits: "Patching, upgrades and periodic scans are processes, not manifest content." },
    },
  },
  "PCI-DSS": {
    fullName: "Payment Card Industry Data Security Standard",
    version: "4.0.1",
    informationUri: "https://www.pcisecuritystandards.org/document_library/",
    controls: {
      "1.2": { title: "Network security controls (NSCs) are configured and maintained", coverage: "partial", limits: "NetworkPolicies in the inputs are checked; firewalls, cloud security groups and the CNI's enforcement are not." },
      "1.3": { title: "Network access to and from the cardholder data environment is restricted", coverage: "partial", limits: "Default-deny and isolation of workloads in the inputs are checked; which namespaces form the CDE is the entity's scoping." },
      "1.4": { title: "Network connections between trusted and untrusted networks are controlled", coverage: "partial", limits: "Services that expose workloads outside the cluster are checked; the load balancers and firewalls in front of them are not." },
      "1.5": { title: "Risks to the CDE from computing devices that are able to connect to both untrusted networks and the CDE are mitigated", coverage: "not-static", limits: "About staff and company devices, outside the cluster." },
      "2.2": { title: "System components are configured and managed securely", coverage: "partial", limits: "The configuration in the manifests is checked; configuration standards, their review and the node's own hardening are processes and host settings." },
      "2.3": { title: "Wireless environments are configured and managed securely", coverage: "not-static", limits: "Wireless networks are outside the cluster." },
      "3.5": { title: "Primary account number (PAN) is secured wherever it is stored", coverage: "partial", limits: "Encryption at rest of Secrets is checked; where PAN is stored (databases, volumes) is not visible in manifests." },
      "3.6": { title: "Cryptographic keys used to protect stored account data are secured", coverage: "partial", limits: "Keys written inline in an encryption configuration are found; how keys are stored and who can reach them is not in the manifests." },
      "3.7": { title: "Where cryptography is used to protect stored account data, key management processes and procedures covering all aspects of the key lifecycle are defined and implemented", coverage: "not-static", limits: "Key-management processes are not in manifests." },
      "4.2": { title: "PAN is protected with strong cryptography during transmission", coverage: "partial", limits: "TLS on Ingresses, Gateways, the mesh and the control plane is checked; certificates' validity and traffic outside these paths are not." },
      "5.2": { title: "Malicious software (malware) is prevented, or detected and addressed", coverage: "not-static", limits: "Anti-malware runs on nodes and images at runtime." },
      "5.3": { title: "Anti-malware mechanisms and processes are active, maintained, and monitored", coverage: "not-static", limits: "Anti-malware runs on nodes and images at runtime." },
      "6.2": { title: "Bespoke and custom software is developed securely", coverage: "not-static", limits: "Secure development is a process around the application's code." },
      "6.3": { title: "Security vulnerabilities are identified and addressed", coverage: "partial", limits: "The rules check that each image reference names one known version; whether that version has known vulnerabilities needs an image scanner." },
      "6.4": { title: "Public-facing web applications are protected against attacks", coverage: "not-static", limits: "Web application firewalls and application reviews are outside the manifests; kubeward has no rule for WAF annotations." },
      "6.5": { title: "Changes to all system components are managed securely", coverage: "not-static", limits: "Change control is a process around the manifests." },
      "7.2": { title: "Access to system components and data is appropriately defined and assigned", coverage: "partial", limits: "RBAC grants and service accounts in the inputs are checked; job roles, approvals and access reviews are processes." },
      "7.3": { title: "Access to system components and data is managed via an access control system(s)", coverage: "partial", limits: "The API server's and kubelet's authorization modes are checked; access to nodes and the cloud account is not in the manifests." },
      "8.2": { title: "User identification and related accounts for users and administrators are strictly managed throughout an account's lifecycle", coverage: "partial", limits: "Anonymous access is checked; account lifecycle in the identity provider is outside the manifests." },
      "8.3": { title: "Strong authentication for users and administrators is established and managed", coverage: "partial", limits: "Static token and password files and missing client CAs are checked; password rules and the identity provider are not in the manifests." },
      "8.4": { title: "Multi-factor authentication (MFA) is implemented to secure access into the CDE", coverage: "not-static", limits: "MFA is enforced by the identity provider." },
      "8.6": { title: "Use of application and system accounts and associated authentication factors is strictly managed", coverage: "partial", limits: "Service account token settings and credentials written into manifests are checked; rotation and storage of the credentials are not." },
      "10.2": { title: "Audit logs are implemented to support the detection of anomalies and suspicious activity, and the forensic analysis of events", coverage: "partial", limits: "The audit flags and Policy are checked; that the logs arrive and are complete is runtime evidence." },
      "10.3": { title: "Audit logs are protected from destruction and unauthorized modifications", coverage: "not-static", limits: "Where audit logs are stored and who can change them is outside the manifests." },
      "10.4": { title: "Audit logs are reviewed to identify anomalies or suspicious activity", coverage: "not-static", limits: "Log review is a process." },
      "10.5": { title: "Audit log history is retained and available for analysis", coverage: "partial", limits: "The API server's log rotation flags are checked; the PCI retention period needs central log storage outside the manifests." },
      "10.6": { title: "Time-synchronization mechanisms support consistent time settings across all systems", coverage: "not-static", limits: "Time synchronisation is node configuration." },
      "10.7": { title: "Failures of critical security control systems are detected, reported, and responded to promptly", coverage: "not-static", limits: "Failure detection is monitoring at runtime." },
      "11.3": { title: "External and internal vulnerabilities are regularly identified, prioritized, and addressed", coverage: "not-static", limits: "Vulnerability scans run against images and the live cluster." },
      "11.4": { title: "External and internal penetration testing is regularly performed, and exploitable vulnerabilities and security weaknesses are corrected", coverage: "not-static", limits: "Penetration testing is done against the running system." },
      "11.5": { title: "Network intrusions and unexpected file changes are detected and responded to", coverage: "not-static", limits: "Intrusion and change detection watch the running system." },
      "12.3": { title: "Risks to the cardholder data environment are formally identified, evaluated, and managed", coverage: "not-static", limits: "Risk analysis is a process." },
      "12.5": { title: "PCI DSS scope is documented and validated", coverage: "not-static", limits: "Scoping is the entity's decision; kubeward cannot tell which workloads are in the CDE." },
      "12.8": { title: "Risk to information assets associated with third-party service provider (TPSP) relationships is managed", coverage: "not-static", limits: "Service-provider management (e.g. a managed Kubernetes provider) is a process." },
      "12.10": { title: "Suspected and confirmed security incidents that could impact the CDE are responded to immediately", coverage: "not-static", limits: "Incident response is a process." },
    },
  },
  "MITRE-ATT&CK": {
    fullName: "MITRE ATT&CK for Containers",
    informationUri: "https://attack.mitre.org/matrices/enterprise/containers/",
    controls: {
      "T1036": { title: "Masquerading", coverage: "not-static", limits: RUNTIME },
      "T1036.005": { title: "Masquerading: Match Legitimate Resource Name or Location", coverage: "not-static", limits: RUNTIME },
      "T1046": { title: "Network Service Discovery", coverage: "partial", limits: ENABLER },
      "T1053": { title: "Scheduled Task/Job", coverage: "not-static", limits: RUNTIME },
      "T1053.007": { title: "Scheduled Task/Job: Container Orchestration Job", coverage: "partial", limits: ENABLER },
      "T1068": { title: "Exploitation for Privilege Escalation", coverage: "partial", limits: ENABLER },
      "T1069": { title: "Permission Groups Discovery", coverage: "not-static", limits: RUNTIME },
      "T1070": { title: "Indicator Removal", coverage: "not-static", limits: RUNTIME },
      "T1078": { title: "Valid Accounts", coverage: "partial", limits: ENABLER },
      "T1078.001": { title: "Valid Accounts: Default Accounts", coverage: "partial", limits: ENABLER },
      "T1078.003": { title: "Valid Accounts: Local Accounts", coverage: "not-static", limits: RUNTIME },
      "T1098": { title: "Account Manipulation", coverage: "not-static", limits: RUNTIME },
      "T1098.006": { title: "Account Manipulation: Additional Container Cluster Roles", coverage: "partial", limits: ENABLER },
      "T1110": { title: "Brute Force", coverage: "partial", limits: ENABLER },
      "T1110.001": { title: "Brute Force: Password Guessing", coverage: "not-static", limits: RUNTIME },
      "T1110.003": { title: "Brute Force: Password Spraying", coverage: "not-static", limits: RUNTIME },
      "T1110.004": { title: "Brute Force: Credential Stuffing", coverage: "not-static", limits: RUNTIME },
      "T1133": { title: "External Remote Services", coverage: "partial", limits: ENABLER },
      "T1136": { title: "Create Account", coverage: "not-static", limits: RUNTIME },
      "T1136.001": { title: "Create Account: Local Account", coverage: "not-static", limits: RUNTIME },
      "T1190": { title: "Exploit Public-Facing Application", coverage: "partial", limits: ENABLER },
      "T1204": { title: "User Execution", coverage: "not-static", limits: RUNTIME },
      "T1204.003": { title: "User Execution: Malicious Image", coverage: "partial", limits: ENABLER },
      "T1485": { title: "Data Destruction", coverage: "not-static", limits: RUNTIME },
      "T1490": { title: "Inhibit System Recovery", coverage: "not-static", limits: RUNTIME },
      "T1496": { title: "Resource Hijacking", coverage: "partial", limits: ENABLER },
      "T1496.001": { title: "Resource Hijacking: Compute Hijacking", coverage: "not-static", limits: RUNTIME },
      "T1498": { title: "Network Denial of Service", coverage: "not-static", limits: RUNTIME },
      "T1499": { title: "Endpoint Denial of Service", coverage: "not-static", limits: RUNTIME },
      "T1525": { title: "Implant Internal Image", coverage: "partial", limits: ENABLER },
      "T1528": { title: "Steal Application Access Token", coverage: "partial", limits: ENABLER },
      "T1543": { title: "Create or Modify System Process", coverage: "not-static", limits: RUNTIME },
      "T1543.005": { title: "Create or Modify System Process: Container Service", coverage: "not-static", limits: RUNTIME },
      "T1550": { title: "Use Alternate Authentication Material", coverage: "not-static", limits: RUNTIME },
      "T1550.001": { title: "Use Alternate Authentication Material: Application Access Token", coverage: "partial", limits: ENABLER },
      "T1552": { title: "Unsecured Credentials", coverage: "partial", limits: ENABLER },
      "T1552.001": { title: "Unsecured Credentials: Credentials In Files", coverage: "partial", limits: ENABLER },
      "T1552.007": { title: "Unsecured Credentials: Container API", coverage: "partial", limits: ENABLER },
      "T1562": { title: "Impair Defenses", coverage: "partial", limits: ENABLER },
      "T1562.001": { title: "Impair Defenses: Disable or Modify Tools", coverage: "partial", limits: ENABLER },
      "T1609": { title: "Container Administration Command", coverage: "partial", limits: ENABLER },
      "T1610": { title: "Deploy Container", coverage: "partial", limits: ENABLER },
      "T1611": { title: "Escape to Host", coverage: "partial", limits: ENABLER },
      "T1612": { title: "Build Image on Host", coverage: "partial", limits: ENABLER },
      "T1613": { title: "Container and Resource Discovery", coverage: "not-static", limits: RUNTIME },
      // Enterprise techniques outside the Containers matrix that the network and mesh rules still guard against.
      "T1021": { title: "Remote Services", coverage: "partial", limits: ENABLER },
      "T1040": { title: "Network Sniffing", coverage: "partial", limits: ENABLER },
      "T1210": { title: "Exploitation of Remote Services", coverage: "partial", limits: ENABLER },
      "T1557": { title: "Adversary-in-the-Middle", coverage: "partial", limits: ENABLER },
      "T1649": { title: "Steal or Forge Authentication Certificates", coverage: "partial", limits: ENABLER },
    },
  },
};
