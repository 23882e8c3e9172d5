import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "tls-private-key-file",
  requirement: { kind: "set" },
  expected: "the key of the API server's serving certificate",
  suggested: "/etc/kubernetes/pki/apiserver.key",
  meta: {
    id: "apiserver-tls-private-key-file-missing",
    title: "The API server has no key for its serving certificate",
    severity: "medium",
    rationale:
      "`--tls-private-key-file` is the key of the certificate that `--tls-cert-file` names; without it kube-apiserver falls back to a generated self-signed certificate.",
    remediation:
      "Set `--tls-private-key-file` with `--tls-cert-file`.",
    frameworks: [
      { framework: "CIS", control: "1.2.24" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "NSA-CISA", control: "network/control-plane-hardening" },
    ],
    equivalents: { checkov: ["CKV_K8S_100"], trivy: ["KCV0027"] },
  },
});
