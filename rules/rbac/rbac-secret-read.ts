import { grantRule } from "./grant-rule.js";

export default grantRule({
  meta: {
    id: "rbac-secret-read",
    title: "Role can read Secrets",
    severity: "high",
    rationale:
      "Secrets hold passwords, API keys, TLS keys and service account tokens; a subject that can read them can act as whatever they unlock. " +
      "`get` reads one Secret, and `list` and `watch` return every Secret's contents too, not just their names. A rule grants this when " +
      'its `apiGroups` has `""` (the core group) or `*`, its `resources` has `secrets` or `*`, and its `verbs` have `get`, `list`, ' +
      "`watch` or `*`. `resourceNames` narrows it to the Secrets named, which the message says.",
    remediation:
      "Grant Secret access only to the components that need it, in their own namespace (a Role, or a RoleBinding to the ClusterRole), " +
      "narrowed with `resourceNames` to the Secrets they use; prefer mounting a Secret into the pod over reading it through the API.",
    frameworks: [
      { framework: "CIS", control: "5.1.2" },
      { framework: "NSA-CISA", control: "authn-authz/rbac" },
      { framework: "MITRE-ATT&CK", control: "T1552.007" },
      { framework: "PCI-DSS", control: "7.2" },
    ],
    equivalents: { kubeLinter: ["access-to-secrets"], trivy: ["KSV041"] },
    example: {
      bad: 'kind: Role\nrules:\n  - apiGroups: [""]\n    resources: ["secrets"]\n    verbs: ["get", "list"]',
      good: 'kind: Role\nrules:\n  - apiGroups: [""]\n    resources: ["secrets"]\n    resourceNames: ["app-tls"]\n    verbs: ["get"]',
    },
  },
  grants: [
    {
      id: "readsSecrets",
      requests: [{ apiGroup: "", resource: "secrets", verbs: ["get", "list", "watch"] }],
      does: "read every Secret",
      doesNamed: "read the Secrets {{names}}",
      pointAt: "verb",
    },
  ],
});
