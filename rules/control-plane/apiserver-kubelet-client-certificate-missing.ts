import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "kubelet-client-certificate",
  requirement: { kind: "set" },
  expected: "the client certificate the API server presents to kubelets",
  suggested: "/etc/kubernetes/pki/apiserver-kubelet-client.crt",
  meta: {
    id: "apiserver-kubelet-client-certificate-missing",
    title: "The API server has no client certificate for kubelets",
    severity: "high",
    rationale:
      "Without `--kubelet-client-certificate` kube-apiserver calls the kubelets (logs, exec, port-forward) without a client certificate, so the kubelets cannot authenticate it and must either allow anonymous requests or refuse the API server.",
    remediation:
      "Set `--kubelet-client-certificate` and `--kubelet-client-key` to a certificate the kubelets' client CA signed (kubeadm writes apiserver-kubelet-client.crt and .key).",
    frameworks: [
      { framework: "CIS", control: "1.2.4" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "NSA-CISA", control: "network/control-plane-hardening" },
    ],
    equivalents: { checkov: ["CKV_K8S_72"], trivy: ["KCV0005"] },
  },
});
