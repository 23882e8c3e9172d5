import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "service-account-issuer",
  requirement: { kind: "set" },
  expected: "the issuer of ServiceAccount tokens",
  suggested: "https://kubernetes.default.svc.cluster.local",
  sinceMinor: 20,
  meta: {
    id: "apiserver-service-account-issuer-missing",
    title: "The API server names no ServiceAccount token issuer",
    severity: "low",
    rationale:
      "Since Kubernetes 1.20 kube-apiserver needs `--service-account-issuer` to issue bound ServiceAccount tokens (the TokenRequest API that projected tokens use); without it, pods get no tokens, or the API server does not start. API servers older than 1.20 (by image tag or `kubernetesVersion`) are passed over.",
    remediation:
      "Set `--service-account-issuer` (kubeadm: `https://kubernetes.default.svc.cluster.local`) with `--service-account-signing-key-file`.",
    frameworks: [
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "PCI-DSS", control: "8.6" },
      { framework: "NSA-CISA", control: "authn-authz/authentication" },
    ],
    equivalents: {},
  },
});
