import rule from "../../../rules/rbac/rbac-escalate-bind.js";
import { bindingsOf, everythingAndAggregated, relatedOfBindings } from "../../helpers/manifests.js";
import { testRule } from "../../helpers/rule-tester.js";

const BIND_RULE = `  - apiGroups: [rbac.authorization.k8s.io]
    resources: [clusterroles]
    verbs: [bind]
`;
const BINDER = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: binder}
rules:
${BIND_RULE}`;
const admin = { role: 'Role "rbac-admin"', where: 'in namespace "shop"', who: "" };

testRule(rule, {
  valid: [
    {
      name: "managing roles and bindings without escalate or bind; escalate and bind on other resources or API groups",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: rbac-editor, namespace: shop}
rules:
  - apiGroups: [rbac.authorization.k8s.io]
    resources: [roles, rolebindings, clusterroles]
    verbs: [get, list, create, update, patch, delete]
  - apiGroups: [rbac.authorization.k8s.io]
    resources: [rolebindings, clusterrolebindings]
    verbs: [escalate, bind]
  - apiGroups: [example.com]
    resources: [roles, clusterroles]
    verbs: [escalate, bind]
`,
    },
    { name: "a rule granting everything; an aggregated ClusterRole", yaml: everythingAndAggregated(BIND_RULE) },
  ],
  invalid: [
    {
      name: "escalate and bind at the verb, in one rule (escalate first) and through `*` verbs and resources",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: rbac-admin, namespace: shop}
rules:
  - apiGroups: [rbac.authorization.k8s.io]
    resources: [roles]
    verbs: [update, bind, escalate]
  - apiGroups: [rbac.authorization.k8s.io]
    resources: [clusterroles]
    verbs: [bind]
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: [bind]
  - apiGroups: [rbac.authorization.k8s.io]
    resources: [roles]
    verbs: ["*"]
`,
      errors: [
        {
          messageId: "escalatesRoles",
          data: admin,
          line: 7,
          column: 27,
          endLine: 7,
          endColumn: 35,
          message: 'Role "rbac-admin" can write any permission into roles, more than it holds itself, in namespace "shop".',
        },
        {
          messageId: "bindsRoles",
          data: admin,
          line: 10,
          column: 13,
          endLine: 10,
          endColumn: 17,
          message: 'Role "rbac-admin" can bind any role, with permissions it does not hold itself, in namespace "shop".',
        },
        { messageId: "bindsRoles", data: admin, line: 13, column: 13, endLine: 13, endColumn: 17 },
        { messageId: "escalatesRoles", data: admin, line: 16, column: 13, endLine: 16, endColumn: 16 },
      ],
    },
    {
      name: "resourceNames narrows them to the roles named, as for delegating bind of chosen ClusterRoles",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: delegate}
rules:
  - apiGroups: [rbac.authorization.k8s.io]
    resources: [clusterroles]
    resourceNames: [view, edit]
    verbs: [bind]
  - apiGroups: [rbac.authorization.k8s.io]
    resources: [roles]
    resourceNames: [app]
    verbs: [escalate]
`,
      errors: [
        {
          messageId: "bindsRolesNamed",
          data: { role: 'ClusterRole "delegate"', where: "in the cluster", who: "", names: '"view", "edit"' },
          line: 8,
          column: 13,
          endLine: 8,
          endColumn: 17,
          message: 'ClusterRole "delegate" can bind the roles "view", "edit", with permissions it does not hold itself, in the cluster.',
        },
        { messageId: "escalatesRolesNamed", data: { role: 'ClusterRole "delegate"', where: "in the cluster", who: "", names: '"app"' }, line: 12, column: 13, endLine: 12, endColumn: 21 },
      ],
    },
    {
      name: "a ClusterRole held through a RoleBinding and a ClusterRoleBinding; both bindings are related locations",
      yaml: BINDER + bindingsOf("binder", "team-a", true),
      errors: [
        {
          messageId: "bindsRoles",
          data: { role: 'ClusterRole "binder"', where: "in the cluster", who: "; 2 bindings grant it (related locations)" },
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 17,
          related: relatedOfBindings("binder", "team-a", 7),
        },
      ],
    },
  ],
});
