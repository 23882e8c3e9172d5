import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "service-account-lookup",
  boolean: true,
  requirement: { kind: "equals", value: "true", unset: "passes" },
  expected: "true (the default)",
  violating: "false",
  meta: {
    id: "apiserver-service-account-lookup-disabled",
    title: "The API server accepts tokens of deleted ServiceAccounts",
    severity: "medium",
    rationale:
      "With `--service-account-lookup=false` kube-apiserver checks only a ServiceAccount token's signature, not that the ServiceAccount (and, for bound tokens, the pod or Secret) still exists, so a token keeps working after its ServiceAccount is deleted.",
    remediation:
      "Remove `--service-account-lookup=false`; the default is true.",
    frameworks: [
      { framework: "CIS", control: "1.2.21" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "PCI-DSS", control: "8.6" },
      { framework: "NSA-CISA", control: "authn-authz/authentication" },
    ],
    equivalents: { checkov: ["CKV_K8S_96"], trivy: ["KCV0024"] },
  },
});
