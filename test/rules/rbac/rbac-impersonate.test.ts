import rule from "../../../rules/rbac/rbac-impersonate.js";
import { everythingAndAggregated, grantedInNamespaceOnly } from "../../helpers/manifests.js";
import { testRule } from "../../helpers/rule-tester.js";

const USERS_RULE = `  - apiGroups: [""]
    resources: [users, groups]
    verbs: [impersonate]
`;
const proxy = { role: 'ClusterRole "proxy"', where: "in the cluster", who: "" };

testRule(rule, {
  valid: [
    {
      name: "reading identities, impersonating in another API group, uids and userextras that only go with an impersonated user",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: reader}
rules:
  - apiGroups: [""]
    resources: [serviceaccounts, users, groups]
    verbs: [get, list]
  - apiGroups: [example.com]
    resources: [users]
    verbs: [impersonate]
  - apiGroups: [authentication.k8s.io]
    resources: [uids, userextras/scopes]
    verbs: [impersonate]
`,
    },
    {
      name: "users and groups are cluster-scoped: a Role cannot grant them, nor can a ClusterRole that only a RoleBinding grants",
      yaml: grantedInNamespaceOnly("proxy", USERS_RULE),
    },
    { name: "a rule granting everything; an aggregated ClusterRole", yaml: everythingAndAggregated(USERS_RULE) },
  ],
  invalid: [
    {
      name: "an unbound ClusterRole impersonates users, groups (through `*` resources) and ServiceAccounts, at the verb",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: proxy}
rules:
  - apiGroups: [""]
    resources: [users]
    verbs: [impersonate]
  - apiGroups: [""]
    resources: ["*"]
    verbs: ["*"]
  - apiGroups: [""]
    resources: [serviceaccounts]
    verbs: [get, impersonate]
`,
      errors: [
        {
          messageId: "impersonatesUsers",
          data: proxy,
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 24,
          message: 'ClusterRole "proxy" can act as any user or group, system:masters included, in the cluster.',
        },
        { messageId: "impersonatesUsers", data: proxy, line: 10, column: 13, endLine: 10, endColumn: 16 },
        { messageId: "impersonatesServiceAccounts", data: proxy, line: 13, column: 18, endLine: 13, endColumn: 29, message: "can act as every ServiceAccount in the cluster" },
      ],
    },
    {
      name: "a Role impersonates the ServiceAccounts of its namespace, all or those named; users and groups in the same rule it cannot grant",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: sa-proxy, namespace: shop}
rules:
  - apiGroups: [""]
    resources: [users, groups, serviceaccounts]
    verbs: [impersonate]
  - apiGroups: [""]
    resources: [serviceaccounts]
    resourceNames: [builder]
    verbs: [impersonate]
`,
      errors: [
        { messageId: "impersonatesServiceAccounts", data: { role: 'Role "sa-proxy"', where: 'in namespace "shop"', who: "" }, line: 7, column: 13, endLine: 7, endColumn: 24 },
        {
          messageId: "impersonatesServiceAccountsNamed",
          data: { role: 'Role "sa-proxy"', where: 'in namespace "shop"', who: "", names: '"builder"' },
          line: 11,
          column: 13,
          endLine: 11,
          endColumn: 24,
          message: 'Role "sa-proxy" can act as the ServiceAccounts "builder" in namespace "shop".',
        },
      ],
    },
    {
      name: "a ClusterRole held only through a RoleBinding still impersonates the ServiceAccounts of its namespace; one held cluster-wide names users",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: sa-proxy}
rules:
  - apiGroups: [""]
    resources: [groups, serviceaccounts]
    verbs: [impersonate]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: sa-proxy, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: sa-proxy}
subjects: [{kind: ServiceAccount, name: gateway}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: user-proxy}
rules:
  - apiGroups: [""]
    resources: [users]
    resourceNames: [jane]
    verbs: [impersonate]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: user-proxy}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: user-proxy}
subjects: [{kind: ServiceAccount, name: gateway, namespace: shop}]
`,
      errors: [
        {
          messageId: "impersonatesServiceAccounts",
          data: { role: 'ClusterRole "sa-proxy"', where: 'in namespace "shop"', who: '; RoleBinding "sa-proxy" grants ClusterRole "sa-proxy" to ServiceAccount "shop/gateway"' },
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 24,
          related: [{ line: 12, column: 67, message: 'RoleBinding "sa-proxy" grants ClusterRole "sa-proxy" to ServiceAccount "shop/gateway".' }],
        },
        {
          messageId: "impersonatesUsersNamed",
          data: {
            role: 'ClusterRole "user-proxy"',
            where: "in the cluster",
            who: '; ClusterRoleBinding "user-proxy" grants ClusterRole "user-proxy" to ServiceAccount "shop/gateway"',
            names: '"jane"',
          },
          line: 22,
          column: 13,
          endLine: 22,
          endColumn: 24,
          message: 'ClusterRole "user-proxy" can act as the users or groups "jane" in the cluster',
          related: [{ line: 27, column: 67, message: 'ClusterRoleBinding "user-proxy" grants ClusterRole "user-proxy" to ServiceAccount "shop/gateway".' }],
        },
      ],
    },
  ],
});
