import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "etcd",
  flag: "client-cert-auth",
  boolean: true,
  requirement: { kind: "equals", value: "true", unset: "fails" },
  expected: "true",
  skipWith: "config-file",
  meta: {
    id: "etcd-client-cert-auth-disabled",
    title: "etcd does not authenticate its clients",
    severity: "critical",
    rationale:
      "etcd's `--client-cert-auth` defaults to false: without it, etcd serves any client that reaches its client port, and etcd holds every object of the cluster, Secrets included, in the clear unless encryption at rest is on. kubeadm sets it to true. etcd also reads the flag from the variable `ETCD_CLIENT_CERT_AUTH` when the command line does not set it, and so does the rule; with `--config-file` etcd ignores both, and the rule passes over it.",
    remediation:
      "Set `--client-cert-auth=true` with `--trusted-ca-file`, and give the API server a client certificate (`--etcd-certfile`, `--etcd-keyfile`).",
    frameworks: [
      { framework: "CIS", control: "2.2" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "NSA-CISA", control: "network/control-plane-hardening/etcd" },
    ],
    equivalents: { checkov: ["CKV_K8S_117"], trivy: ["KCV0043"] },
  },
});
