import rule from "../../../rules/rbac/rbac-node-proxy.js";
import { bindingsOf, everythingAndAggregated, grantedInNamespaceOnly, relatedOfBindings } from "../../helpers/manifests.js";
import { testRule } from "../../helpers/rule-tester.js";

const PROXY_RULE = `  - apiGroups: [""]
    resources: [nodes/proxy]
    verbs: [get]
`;
const AGENT = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: agent}
rules:
${PROXY_RULE}`;
const agent = { role: 'ClusterRole "agent"', where: "in the cluster", who: "" };

testRule(rule, {
  valid: [
    {
      name: "the fine-grained kubelet subresources, the proxy of other resources, nodes/proxy of another API group",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: monitoring}
rules:
  - apiGroups: [""]
    resources: [nodes, nodes/metrics, nodes/stats, nodes/log, services/proxy, pods/proxy]
    verbs: [get, list, watch]
  - apiGroups: [example.com]
    resources: [nodes/proxy]
    verbs: [get]
`,
    },
    {
      name: "nodes are cluster-scoped: a Role cannot grant nodes/proxy, nor can a ClusterRole that only a RoleBinding grants",
      yaml: grantedInNamespaceOnly("agent", PROXY_RULE),
    },
    { name: "a rule granting everything; an aggregated ClusterRole", yaml: everythingAndAggregated(PROXY_RULE) },
  ],
  invalid: [
    {
      name: "get (a WebSocket exec), create, `*` verbs and the `*/proxy` wildcard all reach the kubelet",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: agent}
rules:
  - apiGroups: [""]
    resources: [nodes, nodes/proxy]
    verbs: [get]
  - apiGroups: [""]
    resources: [nodes/proxy]
    verbs: ["*"]
  - apiGroups: ["*"]
    resources: ["*/proxy"]
    verbs: [create]
`,
      errors: [
        {
          messageId: "proxyToKubelets",
          data: agent,
          line: 6,
          column: 24,
          endLine: 6,
          endColumn: 35,
          message: 'ClusterRole "agent" can run commands in every pod of every node through the kubelet API, past admission and audit, in the cluster.',
        },
        { messageId: "proxyToKubelets", data: agent, line: 9, column: 17, endLine: 9, endColumn: 28 },
        { messageId: "proxyToKubelets", data: agent, line: 12, column: 17, endLine: 12, endColumn: 26 },
      ],
    },
    {
      name: "resourceNames narrows it to the nodes named",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: agent}
rules:
  - apiGroups: [""]
    resources: [nodes/proxy]
    resourceNames: [node-1]
    verbs: [get]
`,
      errors: [{ messageId: "proxyToKubeletsNamed", data: { ...agent, names: '"node-1"' }, line: 6, column: 17, endLine: 6, endColumn: 28, message: 'of the nodes "node-1"' }],
    },
    {
      name: "a ClusterRoleBinding makes it take effect even beside a RoleBinding; both bindings are related locations",
      yaml: AGENT + bindingsOf("agent", "monitoring", true),
      errors: [
        {
          messageId: "proxyToKubelets",
          data: { ...agent, who: "; 2 bindings grant it (related locations)" },
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 28,
          related: relatedOfBindings("agent", "monitoring", 7),
        },
      ],
    },
  ],
});
