import { hostNamespaceRule } from "../templates/host-namespace.js";

export default hostNamespaceRule({
  field: "hostNetwork",
  namespace: "network",
  meta: {
    id: "host-network",
    title: "Pod shares the node's network namespace",
    severity: "high",
    rationale:
      "With hostNetwork the pod sees every interface of the node, can bind any of its ports and reach services that " +
      "listen only on localhost, and bypasses network policies. The Pod Security Standards baseline profile forbids it.",
    remediation: "Remove `spec.hostNetwork: true` (or set it to `false`) and expose the workload through a Service.",
    frameworks: [
      { framework: "PSS", control: "baseline/host-namespaces" },
      { framework: "CIS", control: "5.2.5" },
      { framework: "NSA-CISA", control: "pod-security/pod-security-enforcement" },
      { framework: "PCI-DSS", control: "2.2" },
    ],
    equivalents: { kubeLinter: ["host-network"], polaris: ["hostNetworkSet"], checkov: ["CKV_K8S_19"], trivy: ["KSV009"] },
  },
});
