import { kubeletSettingRule } from "./kubelet-setting-rule.js";

export default kubeletSettingRule({
  setting: { field: ["readOnlyPort"], flag: "read-only-port", type: "integer" },
  // The field is not defaulted, so a KubeletConfiguration that omits it leaves the port off (0); the flag's legacy default is 10255.
  defaults: { config: 0, flags: 10255 },
  isBad: (value) => typeof value === "number" && value !== 0,
  good: "0",
  risk: "the kubelet serves pod specs, node status and metrics on that port over plain HTTP with no authentication or authorization",
  meta: {
    id: "kubelet-read-only-port",
    title: "Kubelet serves its read-only port",
    severity: "medium",
    category: "control-plane",
    rationale:
      "The read-only port (10255 by convention) answers `/pods`, `/spec` and `/metrics` without TLS, authentication or authorization: " +
      "anyone who reaches the node learns every pod's spec, including environment variables, image names and service account names. " +
      "0 turns it off. A KubeletConfiguration (kubelet.config.k8s.io/v1beta1) leaves `readOnlyPort` at 0 when it is not written, and " +
      "kubeadm warns about any other value; a kubelet started with flags and no `--config` keeps the legacy default " +
      "`--read-only-port=10255` (cmd/kubelet/app/options: applyLegacyDefaults), so there a missing flag is a finding.",
    remediation:
      "Set `readOnlyPort: 0` (or `--read-only-port=0`). Scrape metrics from the authenticated port 10250 with a service account allowed " +
      "`nodes/metrics`.",
    frameworks: [{ framework: "CIS", control: "4.2.4" }, { framework: "PCI-DSS", control: "2.2" }, { framework: "MITRE-ATT&CK", control: "T1133" }],
    equivalents: { checkov: ["CKV_K8S_141"], trivy: ["KCV0082"] },
    example: {
      bad: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nreadOnlyPort: 10255",
      good: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nreadOnlyPort: 0",
    },
  },
});
