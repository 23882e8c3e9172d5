import { kubeletSettingRule } from "./kubelet-setting-rule.js";

export default kubeletSettingRule({
  setting: { field: ["authentication", "anonymous", "enabled"], flag: "anonymous-auth", type: "boolean" },
  // The v1beta1 defaulting turns anonymous requests off; the command line keeps its legacy default, on (applyLegacyDefaults).
  defaults: { config: false, flags: true },
  isBad: (value) => value === true,
  good: "false",
  risk: "requests without credentials reach the kubelet API as system:anonymous",
  meta: {
    id: "kubelet-anonymous-auth",
    title: "Kubelet accepts anonymous requests",
    severity: "high",
    category: "control-plane",
    rationale:
      "With anonymous authentication on, a request to the kubelet's port 10250 that no other authenticator claims is served as the user " +
      "`system:anonymous` in group `system:unauthenticated`; with `authorization.mode: AlwaysAllow` that is command execution in every " +
      "pod on the node, and with `Webhook` it is whatever RBAC grants those names. A KubeletConfiguration (kubelet.config.k8s.io/v1beta1) " +
      "defaults `authentication.anonymous.enabled` to false, but a kubelet started with flags and no `--config` keeps the legacy default " +
      "`--anonymous-auth=true` (cmd/kubelet/app/options: applyLegacyDefaults), so there a missing flag is a finding. kubeadm also defaults it to false. " +
      "With `--config` on the command line, a flag that is not given takes the file's value, which is checked where the file is.",
    remediation:
      "Set `authentication.anonymous.enabled: false` in the KubeletConfiguration, or pass `--anonymous-auth=false`. Health checks that " +
      "need the kubelet without credentials should use the healthz port (10248 on localhost) instead.",
    frameworks: [
      { framework: "CIS", control: "4.2.1" },
      { framework: "NSA-CISA", control: "authn-authz/authentication" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "PCI-DSS", control: "8.2" },
      { framework: "MITRE-ATT&CK", control: "T1133" },
      { framework: "MITRE-ATT&CK", control: "T1609" },
    ],
    equivalents: { checkov: ["CKV_K8S_138"], trivy: ["KCV0079"] },
    example: {
      bad: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nauthentication:\n  anonymous:\n    enabled: true",
      good: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nauthentication:\n  anonymous:\n    enabled: false",
    },
  },
});
