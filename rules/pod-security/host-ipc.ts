import { hostNamespaceRule } from "../templates/host-namespace.js";

export default hostNamespaceRule({
  field: "hostIPC",
  namespace: "IPC",
  meta: {
    id: "host-ipc",
    title: "Pod shares the node's IPC namespace",
    severity: "high",
    rationale:
      "With hostIPC the containers can read and write the shared memory segments and message queues of every process " +
      "on the node. The Pod Security Standards baseline profile forbids it.",
    remediation: "Remove `spec.hostIPC: true` (or set it to `false`); share memory between the pod's own containers through an `emptyDir` with `medium: Memory`.",
    frameworks: [
      { framework: "PSS", control: "baseline/host-namespaces" },
      { framework: "CIS", control: "5.2.4" },
      { framework: "NSA-CISA", control: "pod-security/pod-security-enforcement" },
      { framework: "PCI-DSS", control: "2.2" },
    ],
    equivalents: { kubeLinter: ["host-ipc"], polaris: ["hostIPCSet"], checkov: ["CKV_K8S_18"], trivy: ["KSV008"] },
  },
});
