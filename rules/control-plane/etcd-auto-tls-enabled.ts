import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "etcd",
  flag: "auto-tls",
  boolean: true,
  requirement: { kind: "equals", value: "false", unset: "passes" },
  expected: "false (the default)",
  violating: "true",
  skipWith: "config-file",
  meta: {
    id: "etcd-auto-tls-enabled",
    title: "etcd serves clients with a self-signed certificate",
    severity: "high",
    rationale:
      "`--auto-tls=true` makes etcd generate a self-signed certificate for its client port, which clients cannot verify, so anyone on the path can pose as etcd. etcd also reads the flag from the variable `ETCD_AUTO_TLS` when the command line does not set it, and so does the rule; with `--config-file` etcd ignores both, and the rule passes over it.",
    remediation:
      "Remove `--auto-tls` and set `--cert-file` and `--key-file` to a certificate your etcd CA signed.",
    frameworks: [
      { framework: "CIS", control: "2.3" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "NSA-CISA", control: "network/control-plane-hardening/etcd" },
    ],
    equivalents: { checkov: ["CKV_K8S_118"], trivy: ["KCV0044"] },
  },
});
