import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "etcd",
  flag: "cert-file",
  requirement: { kind: "set" },
  expected: "etcd's serving certificate",
  suggested: "/etc/kubernetes/pki/etcd/server.crt",
  skipWith: "config-file",
  meta: {
    id: "etcd-cert-file-missing",
    title: "etcd serves clients without TLS",
    severity: "critical",
    rationale:
      "Without `--cert-file` etcd serves its client port over plain HTTP (unless `--auto-tls` generates an unverifiable certificate), so the API server's reads and writes, Secrets included, cross the network in the clear. etcd also reads the flag from the variable `ETCD_CERT_FILE` when the command line does not set it, and so does the rule; with `--config-file` etcd ignores both, and the rule passes over it.",
    remediation:
      "Set `--cert-file` and `--key-file` to a certificate your etcd CA signed (kubeadm: etcd/server.crt and .key) and serve `https://` client URLs.",
    frameworks: [
      { framework: "CIS", control: "2.1" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "NSA-CISA", control: "network/control-plane-hardening/etcd" },
    ],
    equivalents: { checkov: ["CKV_K8S_116"], trivy: ["KCV0042"] },
  },
});
