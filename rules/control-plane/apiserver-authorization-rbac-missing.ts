import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "authorization-mode",
  requirement: { kind: "listIncludes", item: "RBAC" },
  expected: "a list that includes RBAC",
  skipWith: "authorization-config",
  meta: {
    id: "apiserver-authorization-rbac-missing",
    title: "The API server does not use RBAC",
    severity: "high",
    rationale:
      "Without RBAC in `--authorization-mode`, Roles and ClusterRoles have no effect: access is decided by the other authorizers (ABAC files, webhooks, or AlwaysAllow), and least-privilege grants written as RBAC objects are silently ignored. A `--authorization-config` file replaces the flag; the rule does not read that file and passes over an API server that sets it.",
    remediation:
      "Add RBAC to `--authorization-mode`: `--authorization-mode=Node,RBAC`.",
    frameworks: [
      { framework: "CIS", control: "1.2.8" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "PCI-DSS", control: "7.3" },
      { framework: "NSA-CISA", control: "authn-authz/rbac" },
    ],
    equivalents: { checkov: ["CKV_K8S_77"], trivy: ["KCV0009"] },
  },
});
