import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "service-account-key-file",
  requirement: { kind: "set" },
  expected: "the public key that verifies ServiceAccount tokens",
  suggested: "/etc/kubernetes/pki/sa.pub",
  meta: {
    id: "apiserver-service-account-key-file-missing",
    title: "The API server names no key to verify ServiceAccount tokens",
    severity: "medium",
    rationale:
      "`--service-account-key-file` gives the public keys kube-apiserver verifies ServiceAccount tokens with. Absent, it falls back to the key of its TLS serving certificate, which ties token signing to the serving certificate and makes rotating either break the other.",
    remediation:
      "Set `--service-account-key-file` to the public half of the key the controller manager and `--service-account-signing-key-file` sign tokens with (kubeadm: sa.pub).",
    frameworks: [
      { framework: "CIS", control: "1.2.22" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "PCI-DSS", control: "8.6" },
      { framework: "NSA-CISA", control: "authn-authz/authentication" },
    ],
    equivalents: { checkov: ["CKV_K8S_97"], trivy: ["KCV0025"] },
  },
});
