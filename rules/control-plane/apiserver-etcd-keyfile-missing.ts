import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "etcd-keyfile",
  requirement: { kind: "set" },
  expected: "the key of the API server's etcd client certificate",
  suggested: "/etc/kubernetes/pki/apiserver-etcd-client.key",
  meta: {
    id: "apiserver-etcd-keyfile-missing",
    title: "The API server has no client key for etcd",
    severity: "high",
    rationale:
      "`--etcd-keyfile` is the private key of the client certificate kube-apiserver presents to etcd; without it the certificate cannot be used and etcd cannot authenticate the API server.",
    remediation:
      "Set `--etcd-keyfile` with `--etcd-certfile`.",
    frameworks: [
      { framework: "CIS", control: "1.2.23" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "NSA-CISA", control: "network/control-plane-hardening" },
    ],
    equivalents: { checkov: ["CKV_K8S_99"], trivy: ["KCV0026"] },
  },
});
