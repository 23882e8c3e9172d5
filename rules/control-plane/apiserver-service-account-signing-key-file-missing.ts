import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "service-account-signing-key-file",
  requirement: { kind: "set" },
  expected: "the private key ServiceAccount tokens are signed with",
  suggested: "/etc/kubernetes/pki/sa.key",
  sinceMinor: 20,
  meta: {
    id: "apiserver-service-account-signing-key-file-missing",
    title: "The API server names no key to sign ServiceAccount tokens",
    severity: "low",
    rationale:
      "`--service-account-signing-key-file` is the private key kube-apiserver signs bound ServiceAccount tokens with; since Kubernetes 1.20 it is required with `--service-account-issuer`, and without it the TokenRequest API is off. API servers older than 1.20 (by image tag or `kubernetesVersion`) are passed over.",
    remediation:
      "Set `--service-account-signing-key-file` (kubeadm: sa.key) and put its public key in `--service-account-key-file`.",
    frameworks: [
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "PCI-DSS", control: "8.6" },
      { framework: "NSA-CISA", control: "authn-authz/authentication" },
    ],
    equivalents: {},
  },
});
