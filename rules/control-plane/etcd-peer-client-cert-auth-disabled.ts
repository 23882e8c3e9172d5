import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "etcd",
  flag: "peer-client-cert-auth",
  boolean: true,
  requirement: { kind: "equals", value: "true", unset: "fails" },
  expected: "true",
  skipWith: "config-file",
  meta: {
    id: "etcd-peer-client-cert-auth-disabled",
    title: "etcd does not authenticate its peers",
    severity: "high",
    rationale:
      "etcd's `--peer-client-cert-auth` defaults to false: without it, anything that reaches the peer port can join the cluster's replication traffic. kubeadm sets it to true. etcd also reads the flag from the variable `ETCD_PEER_CLIENT_CERT_AUTH` when the command line does not set it, and so does the rule; with `--config-file` etcd ignores both, and the rule passes over it.",
    remediation:
      "Set `--peer-client-cert-auth=true` with `--peer-trusted-ca-file`, `--peer-cert-file` and `--peer-key-file`.",
    frameworks: [
      { framework: "CIS", control: "2.5" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "NSA-CISA", control: "network/control-plane-hardening/etcd" },
    ],
    equivalents: { checkov: ["CKV_K8S_121"], trivy: ["KCV0046"] },
  },
});
