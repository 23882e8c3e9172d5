import { grantRule } from "./grant-rule.js";

export default grantRule({
  meta: {
    id: "rbac-impersonate",
    title: "Role can impersonate users, groups or ServiceAccounts",
    severity: "high",
    rationale:
      "The `impersonate` verb lets its holder send requests as another identity (`kubectl --as`, `--as-group`): on `users` as any user, on " +
      "`groups` with any group, `system:masters` included, which bypasses RBAC altogether, and on `serviceaccounts` as any ServiceAccount of the " +
      "namespace. The request then has the impersonated identity's permissions, not the holder's. Users and groups are cluster-scoped, so only a " +
      "ClusterRole held through a ClusterRoleBinding grants them; ServiceAccounts are impersonated within a namespace. `resourceNames` narrows it " +
      "to the identities named. `uids` and `userextras` (authentication.k8s.io) are not reported: they are honoured only together with a user " +
      "the holder may impersonate.",
    remediation:
      "Remove `impersonate`; for people, prefer their own bindings over impersonation. A proxy that authenticates users and forwards their " +
      "requests may need it: narrow it with `resourceNames`, never to privileged groups, and audit its use.",
    frameworks: [
      { framework: "CIS", control: "5.1.8" },
      { framework: "NSA-CISA", control: "authn-authz/rbac" },
      { framework: "MITRE-ATT&CK", control: "T1078" },
      { framework: "PCI-DSS", control: "7.2" },
    ],
    equivalents: { kubeLinter: ["impersonate-without-resource-names"], checkov: ["CKV2_K8S_3"], trivy: ["KSV043"] },
    example: {
      bad: 'kind: ClusterRole\nrules:\n  - apiGroups: [""]\n    resources: ["users", "groups"]\n    verbs: ["impersonate"]',
      good: 'kind: ClusterRole\nrules:\n  - apiGroups: [""]\n    resources: ["users"]\n    resourceNames: ["jane@example.com"]\n    verbs: ["impersonate"]',
    },
  },
  grants: [
    {
      id: "impersonatesUsers",
      requests: ["users", "groups"].map((resource) => ({ apiGroup: "", resource, verbs: ["impersonate"] })),
      does: "act as any user or group, system:masters included,",
      doesNamed: "act as the users or groups {{names}}",
      pointAt: "verb",
      clusterScoped: true,
    },
    {
      id: "impersonatesServiceAccounts",
      requests: [{ apiGroup: "", resource: "serviceaccounts", verbs: ["impersonate"] }],
      does: "act as every ServiceAccount",
      doesNamed: "act as the ServiceAccounts {{names}}",
      pointAt: "verb",
    },
  ],
});
