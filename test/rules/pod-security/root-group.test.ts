import rule from "../../../rules/pod-security/root-group.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "non-zero groups, an unset runAsGroup, and a pod-level 0 that every container overrides",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    runAsGroup: 0
    fsGroup: 10001
    supplementalGroups: [10001, 10002]
  containers:
    - name: a
      image: a:1
      securityContext: {runAsGroup: 10001}
    - name: b
      image: a:1
      securityContext: {runAsGroup: 10002}
`,
    },
    {
      name: "a user namespace maps group 0 away from the node's",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  hostUsers: false
  securityContext: {runAsGroup: 0, fsGroup: 0}
  containers: [{name: a, image: a:1}]
`,
    },
    {
      name: "Windows pods",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  os: {name: windows}
  securityContext: {fsGroup: 0}
  containers: [{name: a, image: a:1}]
`,
    },
  ],
  invalid: [
    {
      name: "pod-level runAsGroup inherited, a container's own 0, fsGroup 0 and a supplemental group 0",
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: s}
spec:
  template:
    spec:
      securityContext:
        runAsUser: 10001
        runAsGroup: 0
        fsGroup: 0
        supplementalGroups: [10001, 0]
      initContainers:
        - name: setup
          image: a:1
          securityContext:
            runAsGroup: 10001
      containers:
        - name: db
          image: a:1
        - name: sidecar
          image: a:1
          securityContext:
            runAsGroup: 0
`,
      errors: [
        { messageId: "podRootGroup", data: { pod: "the pod template", containers: "container \"db\"", runs: "runs" }, line: 9, column: 9, endLine: 9, endColumn: 22, message: 'the pod template sets runAsGroup: 0, so container "db" runs with root as primary group.' },
        { messageId: "fsGroupRoot", data: { pod: "the pod template" }, line: 10, column: 9, endLine: 10, endColumn: 19,
          message: "the pod template sets fsGroup: 0, so every container runs with root as a supplementary group and the pod's volumes belong to group 0." },
        { messageId: "supplementalGroupRoot", data: { pod: "the pod template" }, line: 11, column: 37, endLine: 11, endColumn: 38, message: "the pod template lists group 0 in supplementalGroups, so every container runs with root as a supplementary group." },
        { messageId: "containerRootGroup", data: { container: "container \"sidecar\"" }, line: 23, column: 13, endLine: 23, endColumn: 26, message: 'container "sidecar" sets runAsGroup: 0, so it runs with root as primary group.' },
      ],
    },
  ],
});
