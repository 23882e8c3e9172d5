import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "tls-cert-file",
  requirement: { kind: "set" },
  expected: "the API server's serving certificate",
  suggested: "/etc/kubernetes/pki/apiserver.crt",
  meta: {
    id: "apiserver-tls-cert-file-missing",
    title: "The API server serves a self-signed certificate",
    severity: "medium",
    rationale:
      "Without `--tls-cert-file` kube-apiserver generates a self-signed serving certificate at start, which clients cannot verify against the cluster CA, so they either fail or are told to skip verification.",
    remediation:
      "Set `--tls-cert-file` and `--tls-private-key-file` to a certificate the cluster CA signed (kubeadm: apiserver.crt and apiserver.key).",
    frameworks: [
      { framework: "CIS", control: "1.2.24" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "NSA-CISA", control: "network/control-plane-hardening" },
    ],
    equivalents: { checkov: ["CKV_K8S_100"], trivy: ["KCV0027"] },
  },
});
