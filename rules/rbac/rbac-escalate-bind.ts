import { grantRule } from "./grant-rule.js";

const RBAC_GROUP = "rbac.authorization.k8s.io";

export default grantRule({
  meta: {
    id: "rbac-escalate-bind",
    title: "Role can escalate or bind roles",
    severity: "high",
    rationale:
      "The Kubernetes RBAC API refuses to let a subject write a role that allows more than it holds, or bind a role it does not hold itself, " +
      "so that permission to manage RBAC objects is not permission to everything. The `escalate` verb on `roles` or `clusterroles` lifts the first " +
      "check: its holder may write any permission, up to `*` on `*`, into roles it can update. The `bind` verb lifts the second: its holder may " +
      "create bindings to any role, `cluster-admin` included where it may create ClusterRoleBindings. Either turns a little RBAC access into all " +
      "of it. `resourceNames` narrows them to the roles named, as the Kubernetes documentation shows for delegating `bind` of chosen ClusterRoles.",
    remediation:
      "Remove `escalate` and `bind`; a controller that must grant roles should get `bind` narrowed with `resourceNames` to the roles it hands " +
      "out, and be the only holder. Grant RBAC changes to people through a reviewed pipeline instead.",
    frameworks: [
      { framework: "CIS", control: "5.1.8" },
      { framework: "NSA-CISA", control: "authn-authz/rbac" },
      { framework: "MITRE-ATT&CK", control: "T1098.006" },
      { framework: "PCI-DSS", control: "7.2" },
    ],
    equivalents: { kubeLinter: ["bind-verb-in-role", "escalate-verb-in-role"], checkov: ["CKV_K8S_157", "CKV_K8S_158"] },
    example: {
      bad: 'kind: ClusterRole\nrules:\n  - apiGroups: ["rbac.authorization.k8s.io"]\n    resources: ["clusterroles"]\n    verbs: ["bind"]',
      good: 'kind: ClusterRole\nrules:\n  - apiGroups: ["rbac.authorization.k8s.io"]\n    resources: ["clusterroles"]\n    resourceNames: ["view"]\n    verbs: ["bind"]',
    },
  },
  grants: [
    {
      id: "escalatesRoles",
      requests: ["roles", "clusterroles"].map((resource) => ({ apiGroup: RBAC_GROUP, resource, verbs: ["escalate"] })),
      does: "write any permission into roles, more than it holds itself,",
      doesNamed: "write any permission into the roles {{names}}, more than it holds itself,",
      pointAt: "verb",
    },
    {
      id: "bindsRoles",
      requests: ["clusterroles", "roles"].map((resource) => ({ apiGroup: RBAC_GROUP, resource, verbs: ["bind"] })),
      does: "bind any role, with permissions it does not hold itself,",
      doesNamed: "bind the roles {{names}}, with permissions it does not hold itself,",
      pointAt: "verb",
    },
  ],
});
