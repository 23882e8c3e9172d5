import { grantRule } from "./grant-rule.js";

export default grantRule({
  meta: {
    id: "rbac-token-create",
    title: "Role can create ServiceAccount tokens",
    severity: "high",
    rationale:
      "`create` on `serviceaccounts/token` is the TokenRequest API (`kubectl create token`): it mints a fresh token for a ServiceAccount, with an " +
      "audience and lifetime the caller picks, and the holder can then act as that ServiceAccount with all its permissions. Without " +
      "`resourceNames` that is every ServiceAccount in reach, controllers' and operators' included. The name of the request is the " +
      "ServiceAccount's, so `resourceNames` narrows it to the ServiceAccounts named, which the message says.",
    remediation:
      "Let pods get their own tokens through projected volumes instead of minting them. A component that must mint tokens (a cloud controller " +
      "manager, a token broker) should be narrowed with `resourceNames` to its own ServiceAccounts.",
    frameworks: [
      { framework: "CIS", control: "5.1.13" },
      { framework: "NSA-CISA", control: "authn-authz/rbac" },
      { framework: "MITRE-ATT&CK", control: "T1528" },
      { framework: "PCI-DSS", control: "7.2" },
    ],
    equivalents: {},
    example: {
      bad: 'kind: Role\nrules:\n  - apiGroups: [""]\n    resources: ["serviceaccounts/token"]\n    verbs: ["create"]',
      good: 'kind: Role\nrules:\n  - apiGroups: [""]\n    resources: ["serviceaccounts/token"]\n    resourceNames: ["node-controller"]\n    verbs: ["create"]',
    },
  },
  grants: [
    {
      id: "mintsTokens",
      requests: [{ apiGroup: "", resource: "serviceaccounts/token", verbs: ["create"] }],
      does: "mint a token for every ServiceAccount",
      doesNamed: "mint tokens for the ServiceAccounts {{names}}",
      pointAt: "resource",
    },
  ],
});
