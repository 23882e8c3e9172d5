import rule from "../../../rules/rbac/rbac-token-create.js";
import { testRule } from "../../helpers/rule-tester.js";

const minter = { role: 'Role "minter"', where: 'in namespace "shop"', who: "" };

testRule(rule, {
  valid: [
    {
      name: "managing ServiceAccounts, reading tokens' subresource, token create in another API group, TokenReviews",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: sa-admin, namespace: shop}
rules:
  - apiGroups: [""]
    resources: [serviceaccounts]
    verbs: [get, create, update, delete]
  - apiGroups: [""]
    resources: [serviceaccounts/token]
    verbs: [get, list]
  - apiGroups: [example.com]
    resources: [serviceaccounts/token]
    verbs: [create]
  - apiGroups: [authentication.k8s.io]
    resources: [tokenreviews]
    verbs: [create]
`,
    },
    {
      name: "a rule granting everything; an aggregated ClusterRole",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: everything}
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: minters}
aggregationRule:
  clusterRoleSelectors:
    - matchLabels: {example.com/aggregate-to-minters: "true"}
rules:
  - apiGroups: [""]
    resources: [serviceaccounts/token]
    verbs: [create]
`,
    },
  ],
  invalid: [
    {
      name: "create on serviceaccounts/token, through `*/token` and `*` verbs too, at the resource",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: minter, namespace: shop}
rules:
  - apiGroups: [""]
    resources: [serviceaccounts, serviceaccounts/token]
    verbs: [create]
  - apiGroups: [""]
    resources: ["*/token"]
    verbs: ["*"]
`,
      errors: [
        {
          messageId: "mintsTokens",
          data: minter,
          line: 6,
          column: 34,
          endLine: 6,
          endColumn: 55,
          message: 'Role "minter" can mint a token for every ServiceAccount in namespace "shop".',
        },
        { messageId: "mintsTokens", data: minter, line: 9, column: 17, endLine: 9, endColumn: 26 },
      ],
    },
    {
      name: "resourceNames narrows it: the request's name is the ServiceAccount's",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: cloud-controller}
rules:
  - apiGroups: [""]
    resources: [serviceaccounts/token]
    resourceNames: [node-controller, route-controller]
    verbs: [create]
`,
      errors: [
        {
          messageId: "mintsTokensNamed",
          data: { role: 'ClusterRole "cloud-controller"', where: "in the cluster", who: "", names: '"node-controller", "route-controller"' },
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 38,
          message: 'ClusterRole "cloud-controller" can mint tokens for the ServiceAccounts "node-controller", "route-controller" in the cluster.',
        },
      ],
    },
    {
      name: "a ClusterRole held through a RoleBinding and a ClusterRoleBinding; both bindings are related locations",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: minter}
rules:
  - apiGroups: [""]
    resources: [serviceaccounts/token]
    verbs: [create]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: minter, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: minter}
subjects: [{kind: ServiceAccount, name: broker}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: minter}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: minter}
subjects: [{kind: User, name: ops}]
`,
      errors: [
        {
          messageId: "mintsTokens",
          data: { role: 'ClusterRole "minter"', where: "in the cluster", who: "; 2 bindings grant it (related locations)" },
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 38,
          related: [
            { line: 12, column: 67, message: 'RoleBinding "minter" grants ClusterRole "minter" to ServiceAccount "shop/broker".' },
            { line: 18, column: 67, message: 'ClusterRoleBinding "minter" grants ClusterRole "minter" to User "ops".' },
          ],
        },
      ],
    },
  ],
});
