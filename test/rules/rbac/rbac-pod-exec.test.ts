import rule from "../../../rules/rbac/rbac-pod-exec.js";
import { bindingsOf, everythingAndAggregated, relatedOfBindings } from "../../helpers/manifests.js";
import { testRule } from "../../helpers/rule-tester.js";

const EXEC_RULE = `  - apiGroups: [""]
    resources: [pods/exec]
    verbs: [create]
`;
const DEBUGGER = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: debugger}
rules:
${EXEC_RULE}`;
const role = 'Role "debug"';
const inShop = { role, where: 'in namespace "shop"', who: "" };

testRule(rule, {
  valid: [
    {
      name: "reading pods and their logs, streaming verbs other than create and get, the subresources of another API group",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: viewer, namespace: shop}
rules:
  - apiGroups: [""]
    resources: [pods, pods/log, pods/status, pods/ephemeralcontainers]
    verbs: [get, list, watch]
  - apiGroups: [""]
    resources: [pods/exec, pods/attach, pods/portforward]
    verbs: [list, watch, delete]
  - apiGroups: [example.com]
    resources: [pods/exec, "*"]
    verbs: [create, get]
  - apiGroups: [""]
    resources: ["*/log", "*/status"]
    verbs: ["*"]
`,
    },
    { name: "a rule granting everything; an aggregated ClusterRole", yaml: everythingAndAggregated(EXEC_RULE) },
  ],
  invalid: [
    {
      name: "a Role that execs (an SPDY client's create), attaches (a WebSocket client's get), adds ephemeral containers and port-forwards: one grant each",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: debug, namespace: shop}
rules:
  - apiGroups: [""]
    resources: [pods, pods/exec]
    verbs: [get, create]
  - apiGroups: [""]
    resources: [pods/attach]
    verbs: [get]
  - apiGroups: [""]
    resources: [pods/ephemeralcontainers]
    verbs: [patch]
  - apiGroups: [""]
    resources: [pods/portforward]
    verbs: [create]
`,
      errors: [
        {
          messageId: "execIntoPods",
          data: inShop,
          line: 6,
          column: 23,
          endLine: 6,
          endColumn: 32,
          message: 'Role "debug" can run commands in every pod in namespace "shop".',
          related: [],
        },
        { messageId: "attachToPods", data: inShop, line: 9, column: 17, endLine: 9, endColumn: 28, message: "can attach to the processes of every pod" },
        {
          messageId: "addEphemeralContainers",
          data: inShop,
          line: 12,
          column: 17,
          endLine: 12,
          endColumn: 41,
          message: "can add a container with any image and settings to every running pod",
        },
        { messageId: "portForwardToPods", data: inShop, line: 15, column: 17, endLine: 15, endColumn: 33, message: "can connect to any port of every pod" },
      ],
    },
    {
      name: "wildcards: `*/exec` covers pods/exec, `*` resources and `*` verbs in the core group cover it too; the first grant only, once per rule",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: ops}
rules:
  - apiGroups: [""]
    resources: ["*/exec"]
    verbs: [get]
  - apiGroups: [""]
    resources: ["*"]
    verbs: ["*"]
`,
      errors: [
        { messageId: "execIntoPods", data: { role: 'ClusterRole "ops"', where: "in the cluster", who: "" }, line: 6, column: 17, endLine: 6, endColumn: 25 },
        { messageId: "execIntoPods", data: { role: 'ClusterRole "ops"', where: "in the cluster", who: "" }, line: 9, column: 17, endLine: 9, endColumn: 20 },
      ],
    },
    {
      name: "resourceNames narrows each grant to the pods named",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: debug, namespace: shop}
rules:
  - apiGroups: [""]
    resources: [pods/exec]
    resourceNames: [db-0]
    verbs: [create]
  - apiGroups: [""]
    resources: [pods/attach]
    resourceNames: [db-0, db-1]
    verbs: [create]
  - apiGroups: [""]
    resources: [pods/ephemeralcontainers]
    resourceNames: [db-0]
    verbs: [update]
  - apiGroups: [""]
    resources: [pods/portforward]
    resourceNames: [db-0]
    verbs: [get]
`,
      errors: [
        {
          messageId: "execIntoPodsNamed",
          data: { ...inShop, names: '"db-0"' },
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 26,
          message: 'Role "debug" can run commands in the pods "db-0" in namespace "shop".',
        },
        { messageId: "attachToPodsNamed", data: { ...inShop, names: '"db-0", "db-1"' }, line: 10, column: 17, endLine: 10, endColumn: 28 },
        { messageId: "addEphemeralContainersNamed", data: { ...inShop, names: '"db-0"' }, line: 14, column: 17, endLine: 14, endColumn: 41 },
        { messageId: "portForwardToPodsNamed", data: { ...inShop, names: '"db-0"' }, line: 18, column: 17, endLine: 18, endColumn: 33 },
      ],
    },
    {
      name: "a ClusterRole held through a RoleBinding and a ClusterRoleBinding reaches the cluster; both bindings are related locations",
      yaml: DEBUGGER + bindingsOf("debugger", "shop", true),
      errors: [
        {
          messageId: "execIntoPods",
          data: { role: 'ClusterRole "debugger"', where: "in the cluster", who: "; 2 bindings grant it (related locations)" },
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 26,
          related: relatedOfBindings("debugger", "shop", 7),
        },
      ],
    },
  ],
});
