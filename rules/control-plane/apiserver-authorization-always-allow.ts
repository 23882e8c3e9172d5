import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "authorization-mode",
  requirement: { kind: "listExcludes", item: "AlwaysAllow", unset: "fails" },
  expected: "a list without AlwaysAllow",
  suggested: "Node,RBAC",
  skipWith: "authorization-config",
  meta: {
    id: "apiserver-authorization-always-allow",
    title: "The API server authorizes every request",
    severity: "critical",
    rationale:
      "`--authorization-mode` is a comma list of authorizers asked in order; AlwaysAllow allows every request that reaches it, so any authenticated (or anonymous) user can do anything. AlwaysAllow is also the default when the flag is absent. A `--authorization-config` file replaces the flag; the rule does not read that file and passes over an API server that sets it.",
    remediation:
      "Set `--authorization-mode=Node,RBAC` (kubeadm's default) and grant access with RBAC.",
    frameworks: [
      { framework: "CIS", control: "1.2.6" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "PCI-DSS", control: "7.3" },
      { framework: "NSA-CISA", control: "authn-authz/rbac" },
    ],
    equivalents: { checkov: ["CKV_K8S_74"], trivy: ["KCV0007"] },
  },
});
