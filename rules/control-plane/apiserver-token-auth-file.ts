import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "token-auth-file",
  requirement: { kind: "absent" },
  expected: "not set",
  suggested: "/etc/kubernetes/tokens.csv",
  meta: {
    id: "apiserver-token-auth-file",
    title: "The API server reads static tokens from a file",
    severity: "high",
    rationale:
      "`--token-auth-file` makes kube-apiserver accept the bearer tokens listed in a CSV file. The tokens never expire, and the file can only be changed by restarting the API server, so a leaked token stays valid until someone edits the file on every control-plane node.",
    remediation:
      "Remove `--token-auth-file` and authenticate people with OIDC or client certificates and workloads with ServiceAccount tokens.",
    frameworks: [
      { framework: "CIS", control: "1.2.2" },
      { framework: "MITRE-ATT&CK", control: "T1552" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "PCI-DSS", control: "8.3" },
      { framework: "NSA-CISA", control: "authn-authz/authentication" },
    ],
    equivalents: { checkov: ["CKV_K8S_70"], trivy: ["KCV0002"] },
  },
});
