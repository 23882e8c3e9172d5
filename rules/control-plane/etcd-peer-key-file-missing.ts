import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "etcd",
  flag: "peer-key-file",
  requirement: { kind: "set" },
  expected: "the key of etcd's peer certificate",
  suggested: "/etc/kubernetes/pki/etcd/peer.key",
  skipWith: "config-file",
  meta: {
    id: "etcd-peer-key-file-missing",
    title: "etcd has no key for its peer certificate",
    severity: "high",
    rationale:
      "`--peer-key-file` is the key of the certificate `--peer-cert-file` names; without it etcd cannot use TLS with its peers. etcd also reads the flag from the variable `ETCD_PEER_KEY_FILE` when the command line does not set it, and so does the rule; with `--config-file` etcd ignores both, and the rule passes over it.",
    remediation:
      "Set `--peer-key-file` with `--peer-cert-file`.",
    frameworks: [
      { framework: "CIS", control: "2.4" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "NSA-CISA", control: "network/control-plane-hardening/etcd" },
    ],
    equivalents: { checkov: ["CKV_K8S_119"], trivy: ["KCV0045"] },
  },
});
