import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "kubelet-client-key",
  requirement: { kind: "set" },
  expected: "the key of the API server's kubelet client certificate",
  suggested: "/etc/kubernetes/pki/apiserver-kubelet-client.key",
  meta: {
    id: "apiserver-kubelet-client-key-missing",
    title: "The API server has no client key for kubelets",
    severity: "high",
    rationale:
      "`--kubelet-client-key` is the private key of the certificate kube-apiserver presents to kubelets; without it the certificate cannot be used, and the kubelets cannot authenticate the API server's calls.",
    remediation:
      "Set `--kubelet-client-key` with `--kubelet-client-certificate` (kubeadm writes apiserver-kubelet-client.key).",
    frameworks: [
      { framework: "CIS", control: "1.2.4" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "NSA-CISA", control: "network/control-plane-hardening" },
    ],
    equivalents: { checkov: ["CKV_K8S_72"], trivy: ["KCV0005"] },
  },
});
