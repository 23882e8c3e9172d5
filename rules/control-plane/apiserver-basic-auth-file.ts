import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "basic-auth-file",
  requirement: { kind: "absent" },
  expected: "not set",
  suggested: "/etc/kubernetes/users.csv",
  meta: {
    id: "apiserver-basic-auth-file",
    title: "The API server reads passwords from a basic-auth file",
    severity: "high",
    rationale:
      "`--basic-auth-file` made kube-apiserver accept HTTP basic authentication against a CSV file of clear-text passwords. It was deprecated in Kubernetes 1.16 and removed in 1.19; a manifest that still sets it is a leftover that either keeps an old API server on static passwords or stops a new one from starting.",
    remediation:
      "Remove `--basic-auth-file`, and the file, and authenticate with OIDC or client certificates.",
    frameworks: [
      { framework: "MITRE-ATT&CK", control: "T1552" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "PCI-DSS", control: "8.3" },
      { framework: "NSA-CISA", control: "authn-authz/authentication" },
      { framework: "MITRE-ATT&CK", control: "T1110" },
    ],
    equivalents: { checkov: ["CKV_K8S_69"] },
  },
});
