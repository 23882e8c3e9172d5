import rule from "../../../rules/rbac/rbac-wildcard.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "named groups, resources and verbs; `*/scale` and a resourceName `*` are not wildcards",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: r, namespace: shop}
rules:
  - apiGroups: ["", apps]
    resources: [pods, deployments, "*/scale"]
    resourceNames: ["*"]
    verbs: [get, list, watch]
`,
    },
    {
      name: "an aggregated ClusterRole's rules are filled by the controller",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: monitoring}
aggregationRule:
  clusterRoleSelectors:
    - matchLabels: {rbac.example.com/aggregate-to-monitoring: "true"}
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
`,
    },
    {
      name: "a custom resource that reuses the Role kind",
      yaml: `apiVersion: example.com/v1
kind: Role
metadata: {name: r}
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
`,
    },
  ],
  invalid: [
    {
      name: "one finding per `*` item, at the item, in flow and block lists",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: ops}
rules:
  - apiGroups: ["*"]
    resources: ["pods", "*"]
    verbs: [get, "*"]
  - apiGroups: [apps]
    resources: [deployments]
    verbs:
      - get
      - '*'
`,
      errors: [
        { messageId: "anyApiGroup", data: { role: 'ClusterRole "ops"' }, line: 5, column: 17, endLine: 5, endColumn: 20, message: 'ClusterRole "ops" grants its rule\'s resources in every API group' },
        { messageId: "anyResource", data: { role: 'ClusterRole "ops"' }, line: 6, column: 25, endLine: 6, endColumn: 28 },
        { messageId: "anyVerb", data: { role: 'ClusterRole "ops"' }, line: 7, column: 18, endLine: 7, endColumn: 21 },
        { messageId: "anyVerb", data: { role: 'ClusterRole "ops"' }, line: 12, column: 9, endLine: 12, endColumn: 12, message: "every verb" },
      ],
    },
    {
      name: "a Role's wildcard verb",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: leader-election, namespace: kube-system}
rules:
  - apiGroups: [coordination.k8s.io]
    resources: [leases]
    verbs: ["*"]
`,
      errors: [{ messageId: "anyVerb", data: { role: 'Role "leader-election"' }, line: 7, column: 13, endLine: 7, endColumn: 16 }],
    },
    {
      name: "a wildcard verb on non-resource URLs",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: urls}
rules:
  - nonResourceURLs: [/metrics, /healthz]
    verbs: ["*"]
`,
      errors: [{ messageId: "anyVerb", data: { role: 'ClusterRole "urls"' }, line: 6, column: 13, endLine: 6, endColumn: 16, message: 'grants every verb ("*") in its rule' }],
    },
  ],
});
