import { kubeletSettingRule } from "./kubelet-setting-rule.js";

export default kubeletSettingRule({
  setting: { field: ["protectKernelDefaults"], flag: "protect-kernel-defaults", type: "boolean" },
  defaults: { config: false, flags: false },
  isBad: (value) => value !== true,
  good: "true",
  risk: "the kubelet rewrites kernel parameters that differ from what it expects instead of refusing to start",
  meta: {
    id: "kubelet-protect-kernel-defaults",
    title: "Kubelet may change the node's kernel parameters",
    severity: "low",
    category: "control-plane",
    rationale:
      "Without `protectKernelDefaults` the kubelet sets the kernel tunables it needs (`vm.overcommit_memory`, `kernel.panic`, " +
      "`kernel.panic_on_oops`, ...) when they differ from its expectations, silently overriding how the node was hardened; with it, the " +
      "kubelet fails to start instead, so the difference is fixed where the node is built. The default is false in a KubeletConfiguration, " +
      "on the command line and under kubeadm, so leaving it out is reported. The CIS Kubernetes Benchmark asked for it as 4.2.6 in earlier " +
      "versions; v1.12 no longer lists it, while Checkov and Trivy still check it. Set the sysctls on the node before turning it on.",
    remediation:
      "Set the kernel parameters the kubelet expects on the node (e.g. in /etc/sysctl.d), then set `protectKernelDefaults: true` " +
      "(or `--protect-kernel-defaults=true`).",
    frameworks: [{ framework: "PCI-DSS", control: "2.2" }],
    equivalents: { checkov: ["CKV_K8S_144"], trivy: ["KCV0083"] },
    example: {
      bad: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nprotectKernelDefaults: false",
      good: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nprotectKernelDefaults: true",
    },
  },
});
