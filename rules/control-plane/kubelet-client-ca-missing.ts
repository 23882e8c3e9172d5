import { kubeletSettingRule } from "./kubelet-setting-rule.js";

export default kubeletSettingRule({
  setting: { field: ["authentication", "x509", "clientCAFile"], flag: "client-ca-file", type: "string" },
  // kubeadm fills an empty clientCAFile with <certificatesDir>/ca.crt, the cluster CA (componentconfigs/kubelet.go).
  defaults: { config: undefined, flags: undefined, kubeadm: { value: "/etc/kubernetes/pki/ca.crt", forced: false } },
  isBad: (value) => value === undefined || value === "",
  good: "/etc/kubernetes/pki/ca.crt",
  risk: "the kubelet accepts no client certificate, so the API server cannot prove who it is when it calls the kubelet",
  meta: {
    id: "kubelet-client-ca-missing",
    title: "Kubelet has no client CA to verify certificates",
    severity: "medium",
    category: "control-plane",
    rationale:
      "`authentication.x509.clientCAFile` (`--client-ca-file`) is the CA bundle the kubelet verifies client certificates against; without " +
      "it, x509 authentication is off and the API server's own calls to the kubelet (`--kubelet-client-certificate`) are not authenticated " +
      "by certificate, leaving only bearer tokens or anonymous access. Neither the KubeletConfiguration defaulting nor the command line " +
      "sets a CA. kubeadm does: for a KubeletConfiguration written in the same file as an InitConfiguration, ClusterConfiguration or " +
      "JoinConfiguration (the documents `kubeadm init --config` reads) an empty field becomes `/etc/kubernetes/pki/ca.crt` (under the " +
      "cluster's `certificatesDir`), so such a file is not reported for leaving it out.",
    remediation:
      "Set `authentication.x509.clientCAFile` to the cluster CA the API server's kubelet client certificate is signed by (kubeadm: " +
      "`/etc/kubernetes/pki/ca.crt`), or pass `--client-ca-file`.",
    scope:
      "A KubeletConfiguration is looked at together with the kubeadm configurations (InitConfiguration, ClusterConfiguration, " +
      "JoinConfiguration of kubeadm.k8s.io) of the same file, whose defaults apply to it. Command lines are read on their own.",
    frameworks: [
      { framework: "CIS", control: "4.2.3" },
      { framework: "NSA-CISA", control: "authn-authz/authentication" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "PCI-DSS", control: "8.3" },
    ],
    equivalents: { checkov: ["CKV_K8S_140"], trivy: ["KCV0081"] },
    example: {
      bad: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nauthentication:\n  webhook:\n    enabled: true",
      good: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nauthentication:\n  x509:\n    clientCAFile: /etc/kubernetes/pki/ca.crt",
    },
  },
});
