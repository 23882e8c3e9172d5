import { kubeletSettingRule } from "./kubelet-setting-rule.js";

export default kubeletSettingRule({
  setting: { field: ["makeIPTablesUtilChains"], flag: "make-iptables-util-chains", type: "boolean" },
  defaults: { config: true, flags: true },
  isBad: (value) => value === false,
  good: "true",
  risk: "the kubelet leaves the iptables chains it manages to be kept in step by hand",
  meta: {
    id: "kubelet-iptables-chains-disabled",
    title: "Kubelet does not manage its iptables chains",
    severity: "low",
    category: "control-plane",
    rationale:
      "With `makeIPTablesUtilChains` (`--make-iptables-util-chains`) the kubelet creates and keeps the iptables utility chains that pod " +
      "networking relies on, so the node's rules stay in step with the pods it runs; turned off, they must be managed outside the " +
      "kubelet and drift unnoticed. The default is true in a KubeletConfiguration and on the command line, so only `false` is reported.",
    remediation: "Remove `makeIPTablesUtilChains: false` (or `--make-iptables-util-chains=false`), or set it to true.",
    frameworks: [{ framework: "CIS", control: "4.2.6" }, { framework: "PCI-DSS", control: "2.2" }],
    equivalents: { checkov: ["CKV_K8S_145"], trivy: ["KCV0084"] },
    example: {
      bad: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nmakeIPTablesUtilChains: false",
      good: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nmakeIPTablesUtilChains: true",
    },
  },
});
