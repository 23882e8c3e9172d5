import rule from "../../../rules/rbac/rbac-pod-create.js";
import { bindingsOf, everythingAndAggregated, relatedOfBindings } from "../../helpers/manifests.js";
import { testRule } from "../../helpers/rule-tester.js";

const RUNNER = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: runner}
rules:
  - apiGroups: [batch]
    resources: [jobs]
    verbs: [create]
`;
const deployer = { role: 'Role "deployer"', where: 'in namespace "shop"', who: "" };

testRule(rule, {
  valid: [
    {
      name: "reading and changing pods and workloads without create; create of other resources; pods of another API group",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: operator, namespace: shop}
rules:
  - apiGroups: [""]
    resources: [pods, replicationcontrollers]
    verbs: [get, list, watch, delete]
  - apiGroups: [apps, batch]
    resources: [deployments, statefulsets, jobs, cronjobs]
    verbs: [get, update, patch]
  - apiGroups: [""]
    resources: [configmaps, services, pods/eviction]
    verbs: [create]
  - apiGroups: [example.com]
    resources: [pods, deployments]
    verbs: [create]
`,
    },
    {
      name: "resourceNames never narrows create: the authorizer knows no name for it, so the rule allows no create at all",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: named, namespace: shop}
rules:
  - apiGroups: [""]
    resources: [pods]
    resourceNames: [runner]
    verbs: [create, "*"]
  - apiGroups: [apps]
    resources: [deployments]
    resourceNames: [web]
    verbs: [create]
`,
    },
    {
      name: "a rule granting everything; an aggregated ClusterRole",
      yaml: everythingAndAggregated(`  - apiGroups: [""]
    resources: [pods]
    verbs: [create]
`),
    },
  ],
  invalid: [
    {
      name: "create on pods, on every pod controller, and through `*` resources and verbs, at the verb",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: deployer, namespace: shop}
rules:
  - apiGroups: [""]
    resources: [pods]
    verbs: [get, create]
  - apiGroups: [apps]
    resources: [deployments, replicasets, statefulsets, daemonsets]
    verbs: [create]
  - apiGroups: [batch]
    resources: [jobs, cronjobs]
    verbs: ["*"]
  - apiGroups: [""]
    resources: [replicationcontrollers]
    verbs: [create]
  - apiGroups: [""]
    resources: ["*"]
    verbs: [create]
`,
      errors: [
        {
          messageId: "createsPods",
          data: deployer,
          line: 7,
          column: 18,
          endLine: 7,
          endColumn: 24,
          message: 'Role "deployer" can create pods that run as any ServiceAccount and mount any Secret in namespace "shop".',
        },
        {
          messageId: "createsWorkloads",
          data: deployer,
          line: 10,
          column: 13,
          endLine: 10,
          endColumn: 19,
          message: 'Role "deployer" can create workloads whose pods run as any ServiceAccount and mount any Secret in namespace "shop".',
        },
        { messageId: "createsWorkloads", data: deployer, line: 13, column: 13, endLine: 13, endColumn: 16 },
        { messageId: "createsWorkloads", data: deployer, line: 16, column: 13, endLine: 16, endColumn: 19 },
        { messageId: "createsPods", data: deployer, line: 19, column: 13, endLine: 19, endColumn: 19 },
      ],
    },
    {
      name: "a ClusterRole held through a RoleBinding and a ClusterRoleBinding reaches the cluster; both bindings are related locations",
      yaml: RUNNER + bindingsOf("runner", "ci", true),
      errors: [
        {
          messageId: "createsWorkloads",
          data: { role: 'ClusterRole "runner"', where: "in the cluster", who: "; 2 bindings grant it (related locations)" },
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 19,
          related: relatedOfBindings("runner", "ci", 7),
        },
      ],
    },
  ],
});
