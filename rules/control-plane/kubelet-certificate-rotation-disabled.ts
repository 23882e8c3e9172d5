import { kubeletSettingRule } from "./kubelet-setting-rule.js";

export default kubeletSettingRule({
  setting: { field: ["rotateCertificates"], flag: "rotate-certificates", type: "boolean" },
  // kubeadm sets rotateCertificates to true whatever is written (componentconfigs/kubelet.go: it cannot tell false from unset).
  defaults: { config: false, flags: false, kubeadm: { value: true, forced: true } },
  isBad: (value) => value !== true,
  good: "true",
  risk: "the kubelet does not renew its client certificate from the API server, so the node drops out of the cluster when it expires",
  meta: {
    id: "kubelet-certificate-rotation-disabled",
    title: "Kubelet does not rotate its client certificate",
    severity: "low",
    category: "control-plane",
    rationale:
      "With `rotateCertificates` (`--rotate-certificates`) the kubelet requests a new client certificate through the certificates.k8s.io " +
      "API as the old one nears expiry, so certificates can be short-lived and a leaked one stops working soon. The field is not " +
      "defaulted (false) in a KubeletConfiguration and the flag defaults to false, so leaving it out is reported; kubeadm sets it to true " +
      "in every KubeletConfiguration it reads, even over `false`, so one written in a file with kubeadm's configuration is not reported. " +
      "The CIS Benchmark only asks that it is not false; kubelets whose certificates come from another tool (Vault, cert-manager) " +
      "rotate them there and can turn this rule off.",
    remediation: "Set `rotateCertificates: true` (or `--rotate-certificates=true`) and make sure the kubelet's certificate signing requests are approved.",
    scope:
      "A KubeletConfiguration is looked at together with the kubeadm configurations (InitConfiguration, ClusterConfiguration, " +
      "JoinConfiguration of kubeadm.k8s.io) of the same file, whose defaults apply to it. Command lines are read on their own.",
    frameworks: [{ framework: "CIS", control: "4.2.10" }, { framework: "PCI-DSS", control: "2.2" }],
    equivalents: { checkov: ["CKV_K8S_149"], trivy: ["KCV0090"] },
    example: {
      bad: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nrotateCertificates: false",
      good: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nrotateCertificates: true",
    },
  },
});
