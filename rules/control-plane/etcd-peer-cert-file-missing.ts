import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "etcd",
  flag: "peer-cert-file",
  requirement: { kind: "set" },
  expected: "etcd's peer certificate",
  suggested: "/etc/kubernetes/pki/etcd/peer.crt",
  skipWith: "config-file",
  meta: {
    id: "etcd-peer-cert-file-missing",
    title: "etcd talks to its peers without TLS",
    severity: "high",
    rationale:
      "Without `--peer-cert-file` etcd's peer port speaks plain HTTP (unless `--peer-auto-tls` generates an unverifiable certificate), so replication traffic, every object of the cluster, crosses the network in the clear. etcd also reads the flag from the variable `ETCD_PEER_CERT_FILE` when the command line does not set it, and so does the rule; with `--config-file` etcd ignores both, and the rule passes over it.",
    remediation:
      "Set `--peer-cert-file` and `--peer-key-file` (kubeadm: etcd/peer.crt and .key) and use `https://` peer URLs.",
    frameworks: [
      { framework: "CIS", control: "2.4" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "NSA-CISA", control: "network/control-plane-hardening/etcd" },
    ],
    equivalents: { checkov: ["CKV_K8S_119"], trivy: ["KCV0045"] },
  },
});
