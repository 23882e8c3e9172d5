import { kubeletSettingRule } from "./kubelet-setting-rule.js";

export default kubeletSettingRule({
  setting: { field: ["authorization", "mode"], flag: "authorization-mode", type: "string" },
  // The v1beta1 defaulting picks Webhook; the command line keeps its legacy default, AlwaysAllow (applyLegacyDefaults).
  defaults: { config: "Webhook", flags: "AlwaysAllow" },
  isBad: (value) => value === "AlwaysAllow",
  good: "Webhook",
  risk: "every client the kubelet authenticates may read pod logs, run commands in pods and port-forward on this node",
  meta: {
    id: "kubelet-authorization-always-allow",
    title: "Kubelet authorizes every request",
    severity: "critical",
    category: "control-plane",
    rationale:
      "The kubelet API on port 10250 runs commands in containers (`/exec`, `/run`), streams logs and forwards ports. `AlwaysAllow` " +
      "serves every authenticated request without asking anyone; together with anonymous authentication that is remote code execution " +
      "in every pod of the node for anyone who reaches the port. `Webhook` sends each request to the API server as a SubjectAccessReview, " +
      "so RBAC decides (`nodes/proxy`, `nodes/log`, ...). A KubeletConfiguration (kubelet.config.k8s.io/v1beta1) defaults " +
      "`authorization.mode` to Webhook, and kubeadm does too; a kubelet started with flags and no `--config` keeps the legacy default " +
      "`--authorization-mode=AlwaysAllow` (cmd/kubelet/app/options: applyLegacyDefaults), so there a missing flag is a finding.",
    remediation:
      "Set `authorization.mode: Webhook` in the KubeletConfiguration (or pass `--authorization-mode=Webhook`), and grant the API server's " +
      "kubelet client the `system:kubelet-api-admin` ClusterRole so `kubectl exec` and `logs` keep working.",
    frameworks: [
      { framework: "CIS", control: "4.2.2" },
      { framework: "NSA-CISA", control: "authn-authz/rbac" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "PCI-DSS", control: "7.3" },
      { framework: "MITRE-ATT&CK", control: "T1609" },
    ],
    equivalents: { checkov: ["CKV_K8S_139"], trivy: ["KCV0080"] },
    example: {
      bad: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nauthorization:\n  mode: AlwaysAllow",
      good: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nauthorization:\n  mode: Webhook",
    },
  },
});
