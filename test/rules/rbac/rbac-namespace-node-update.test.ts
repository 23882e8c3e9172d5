import rule from "../../../rules/rbac/rbac-namespace-node-update.js";
import { bindingsOf, everythingAndAggregated, grantedInNamespaceOnly, relatedOfBindings } from "../../helpers/manifests.js";
import { testRule } from "../../helpers/rule-tester.js";

const NODES_RULE = `  - apiGroups: [""]
    resources: [nodes]
    verbs: [patch]
`;
/** A ClusterRole whose one rule relabels nodes and namespaces. */
const LABELER = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: labeler}
rules:
  - apiGroups: [""]
    resources: [nodes, namespaces]
    verbs: [patch]
`;
const labeler = { role: 'ClusterRole "labeler"', where: "in the cluster", who: "" };

testRule(rule, {
  valid: [
    {
      name: "reading namespaces and nodes, their status subresources, create and delete, the same names in another API group",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: reader}
rules:
  - apiGroups: [""]
    resources: [namespaces, nodes]
    verbs: [get, list, watch, create, delete]
  - apiGroups: [""]
    resources: [namespaces/status, nodes/status, namespaces/finalize]
    verbs: [update, patch]
  - apiGroups: [example.com]
    resources: [namespaces, nodes]
    verbs: [update, patch]
`,
    },
    {
      name: "nodes are cluster-scoped: a Role cannot grant them, nor can a ClusterRole that only a RoleBinding grants",
      yaml: grantedInNamespaceOnly("labeler", NODES_RULE),
    },
    { name: "a rule granting everything; an aggregated ClusterRole", yaml: everythingAndAggregated(NODES_RULE) },
  ],
  invalid: [
    {
      name: "an unbound ClusterRole relabels nodes and namespaces, through `*` resources and verbs too; one grant per rule, nodes first",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: labeler}
rules:
  - apiGroups: [""]
    resources: [nodes]
    verbs: [get, patch]
  - apiGroups: [""]
    resources: [namespaces]
    verbs: [update]
  - apiGroups: [""]
    resources: ["*"]
    verbs: ["*"]
`,
      errors: [
        {
          messageId: "relabelsNodes",
          data: labeler,
          line: 7,
          column: 18,
          endLine: 7,
          endColumn: 23,
          message: 'ClusterRole "labeler" can change the labels and taints of every node, and so where pods run, in the cluster.',
        },
        {
          messageId: "relabelsNamespaces",
          data: labeler,
          line: 10,
          column: 13,
          endLine: 10,
          endColumn: 19,
          message: 'ClusterRole "labeler" can change namespace labels, and so switch off Pod Security Admission, in the cluster.',
        },
        { messageId: "relabelsNodes", data: labeler, line: 13, column: 13, endLine: 13, endColumn: 16 },
      ],
    },
    {
      name: "a Role can relabel its own namespace (the API server authorizes it within that namespace), but not nodes",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: tenant, namespace: shop}
rules:
  - apiGroups: [""]
    resources: [nodes, namespaces]
    verbs: [patch]
`,
      errors: [{ messageId: "relabelsNamespaces", data: { role: 'Role "tenant"', where: 'in namespace "shop"', who: "" }, line: 7, column: 13, endLine: 7, endColumn: 18 }],
    },
    {
      name: "resourceNames narrows each to the objects named",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: labeler}
rules:
  - apiGroups: [""]
    resources: [nodes]
    resourceNames: [gpu-1]
    verbs: [patch]
  - apiGroups: [""]
    resources: [namespaces]
    resourceNames: [shop]
    verbs: [update]
`,
      errors: [
        { messageId: "relabelsNodesNamed", data: { ...labeler, names: '"gpu-1"' }, line: 8, column: 13, endLine: 8, endColumn: 18, message: 'of the nodes "gpu-1"' },
        {
          messageId: "relabelsNamespacesNamed",
          data: { ...labeler, names: '"shop"' },
          line: 12,
          column: 13,
          endLine: 12,
          endColumn: 19,
          message: 'can change the labels of the namespaces "shop", and so switch off their Pod Security Admission, in the cluster',
        },
      ],
    },
    {
      name: "a ClusterRole held only through a RoleBinding: namespaces in the same rule as nodes are still reported, for the binding's namespace",
      yaml: LABELER + bindingsOf("labeler", "shop", false),
      errors: [
        {
          messageId: "relabelsNamespaces",
          data: { ...labeler, where: 'in namespace "shop"', who: '; RoleBinding "labeler" grants ClusterRole "labeler" to ServiceAccount "shop/labeler"' },
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 18,
          related: [relatedOfBindings("labeler", "shop", 7)[0]],
        },
      ],
    },
    {
      name: "held through a ClusterRoleBinding as well, the same rule is reported for nodes, once; both bindings are related locations",
      yaml: LABELER + bindingsOf("labeler", "shop", true),
      errors: [
        {
          messageId: "relabelsNodes",
          data: { ...labeler, who: "; 2 bindings grant it (related locations)" },
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 18,
          related: relatedOfBindings("labeler", "shop", 7),
        },
      ],
    },
  ],
});
