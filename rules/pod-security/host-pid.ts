import { hostNamespaceRule } from "../templates/host-namespace.js";

export default hostNamespaceRule({
  field: "hostPID",
  namespace: "process",
  meta: {
    id: "host-pid",
    title: "Pod shares the node's process namespace",
    severity: "high",
    rationale:
      "With hostPID the containers see every process on the node, can read their environment and, given ptrace or " +
      "root, signal or inspect them. The Pod Security Standards baseline profile forbids it.",
    remediation: "Remove `spec.hostPID: true` (or set it to `false`); use `shareProcessNamespace` to share processes between the pod's own containers.",
    frameworks: [
      { framework: "PSS", control: "baseline/host-namespaces" },
      { framework: "CIS", control: "5.2.3" },
      { framework: "NSA-CISA", control: "pod-security/pod-security-enforcement" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "MITRE-ATT&CK", control: "T1611" },
    ],
    equivalents: { kubeLinter: ["host-pid"], polaris: ["hostPIDSet"], checkov: ["CKV_K8S_17"], trivy: ["KSV010"] },
  },
});
