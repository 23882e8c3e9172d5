import rule from "../../../rules/rbac/rbac-token-create.js";
import { bindingsOf, everythingAndAggregated, relatedOfBindings } from "../../helpers/manifests.js";
import { testRule } from "../../helpers/rule-tester.js";

const TOKEN_RULE = `  - apiGroups: [""]
    resources: [serviceaccounts/token]
    verbs: [create]
`;
const MINTER = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: minter}
rules:
${TOKEN_RULE}`;
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
    { name: "a rule granting everything; an aggregated ClusterRole", yaml: everythingAndAggregated(TOKEN_RULE) },
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
      yaml: MINTER + bindingsOf("minter", "shop", true),
      errors: [
        {
          messageId: "mintsTokens",
          data: { role: 'ClusterRole "minter"', where: "in the cluster", who: "; 2 bindings grant it (related locations)" },
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 38,
          related: relatedOfBindings("minter", "shop", 7),
        },
      ],
    },
  ],
});
