import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "etcd",
  flag: "key-file",
  requirement: { kind: "set" },
  expected: "the key of etcd's serving certificate",
  suggested: "/etc/kubernetes/pki/etcd/server.key",
  skipWith: "config-file",
  meta: {
    id: "etcd-key-file-missing",
    title: "etcd has no key for its serving certificate",
    severity: "critical",
    rationale:
      "`--key-file` is the key of the certificate `--cert-file` names; without it etcd cannot serve TLS on its client port. etcd also reads the flag from the variable `ETCD_KEY_FILE` when the command line does not set it, and so does the rule; with `--config-file` etcd ignores both, and the rule passes over it.",
    remediation:
      "Set `--key-file` with `--cert-file`.",
    frameworks: [
      { framework: "CIS", control: "2.1" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "NSA-CISA", control: "network/control-plane-hardening/etcd" },
    ],
    equivalents: { checkov: ["CKV_K8S_116"], trivy: ["KCV0042"] },
  },
});
