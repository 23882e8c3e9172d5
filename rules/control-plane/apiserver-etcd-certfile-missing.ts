import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "etcd-certfile",
  requirement: { kind: "set" },
  expected: "the client certificate the API server presents to etcd",
  suggested: "/etc/kubernetes/pki/apiserver-etcd-client.crt",
  meta: {
    id: "apiserver-etcd-certfile-missing",
    title: "The API server has no client certificate for etcd",
    severity: "high",
    rationale:
      "Without `--etcd-certfile` kube-apiserver connects to etcd without a client certificate, so etcd must accept unauthenticated clients, and anyone who reaches etcd's port reads and writes every object, Secrets included.",
    remediation:
      "Set `--etcd-certfile` and `--etcd-keyfile` to a client certificate etcd's `--trusted-ca-file` signed, and turn on etcd's `--client-cert-auth`.",
    frameworks: [
      { framework: "CIS", control: "1.2.23" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "NSA-CISA", control: "network/control-plane-hardening" },
    ],
    equivalents: { checkov: ["CKV_K8S_99"], trivy: ["KCV0026"] },
  },
});
