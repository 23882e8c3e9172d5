import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "kubelet-certificate-authority",
  requirement: { kind: "set" },
  expected: "the CA bundle that signs the kubelets' serving certificates",
  suggested: "/etc/kubernetes/pki/ca.crt",
  meta: {
    id: "apiserver-kubelet-certificate-authority-missing",
    title: "The API server does not verify kubelets' certificates",
    severity: "medium",
    rationale:
      "Without `--kubelet-certificate-authority` kube-apiserver does not verify the serving certificate of the kubelet it connects to, so anyone who can answer on a node's address can receive the API server's exec and log streams and its client credentials. kubeadm does not set it, because kubelets serve self-signed certificates unless `serverTLSBootstrap` is on.",
    remediation:
      "Have kubelets request serving certificates from the cluster CA (`serverTLSBootstrap: true` and approve their CSRs), then set `--kubelet-certificate-authority` to that CA.",
    frameworks: [
      { framework: "CIS", control: "1.2.5" },
      { framework: "MITRE-ATT&CK", control: "T1557" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "NSA-CISA", control: "network/control-plane-hardening" },
    ],
    equivalents: { checkov: ["CKV_K8S_73"], trivy: ["KCV0006"] },
  },
});
