import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "etcd",
  flag: "peer-auto-tls",
  boolean: true,
  requirement: { kind: "equals", value: "false", unset: "passes" },
  expected: "false (the default)",
  violating: "true",
  skipWith: "config-file",
  meta: {
    id: "etcd-peer-auto-tls-enabled",
    title: "etcd talks to its peers with self-signed certificates",
    severity: "high",
    rationale:
      "`--peer-auto-tls=true` makes etcd generate self-signed certificates for peer traffic, which members cannot verify, so a host on the path can join or read replication. etcd also reads the flag from the variable `ETCD_PEER_AUTO_TLS` when the command line does not set it, and so does the rule; with `--config-file` etcd ignores both, and the rule passes over it.",
    remediation:
      "Remove `--peer-auto-tls` and set `--peer-cert-file` and `--peer-key-file` to certificates your etcd CA signed.",
    frameworks: [
      { framework: "CIS", control: "2.6" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "NSA-CISA", control: "network/control-plane-hardening/etcd" },
    ],
    equivalents: { trivy: ["KCV0047"] },
  },
});
