import rule from "../../../rules/pod-security/run-as-user-below-minimum.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "UIDs at or above the minimum, a low pod-level UID every container overrides, and UID 0 (run-as-user-root's finding)",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext: {runAsUser: 1000}
  initContainers:
    - name: setup
      image: a:1
      securityContext: {runAsUser: 10000}
  containers:
    - name: a
      image: a:1
      securityContext: {runAsUser: 65532}
    - name: root
      image: a:1
      securityContext: {runAsUser: 0}
`,
    },
    {
      name: "a lower minimum from the option",
      options: { minimum: 1000 },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext: {runAsUser: 1000}
  containers: [{name: a, image: a:1}]
`,
    },
    {
      name: "user namespaces and Windows pods",
      yaml: `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: {name: userns}
    spec:
      hostUsers: false
      containers: [{name: a, image: a:1}]
  - apiVersion: v1
    kind: Pod
    metadata: {name: windows}
    spec:
      os: {name: windows}
      containers: [{name: a, image: a:1}]
`,
    },
  ],
  invalid: [
    {
      name: "a low pod-level UID inherited, a low container UID, and a container that sets none",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      securityContext:
        runAsUser: 1000
      containers:
        - name: inherits
          image: a:1
        - name: own
          image: a:1
          securityContext:
            runAsUser: 999
`,
      errors: [
        { messageId: "podBelowMinimum", data: { pod: "the pod template", uid: 1000, containers: "container \"inherits\"", minimum: 10000 }, line: 8, column: 9, endLine: 8, endColumn: 24, message: 'the pod template sets runAsUser: 1000 for container "inherits", below the minimum of 10000.' },
        { messageId: "containerBelowMinimum", data: { container: "container \"own\"", uid: 999, minimum: 10000 }, line: 15, column: 13, endLine: 15, endColumn: 27, message: 'container "own" sets runAsUser: 999, below the minimum of 10000.' },
      ],
    },
    {
      name: "no UID anywhere: once at the pod level; one container without: at that container",
      yaml: `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: {name: none}
    spec:
      containers:
        - {name: a, image: a:1}
        - {name: b, image: a:1}
  - apiVersion: v1
    kind: Pod
    metadata: {name: some}
    spec:
      containers:
        - name: a
          image: a:1
          securityContext: {runAsUser: 20000}
        - name: b
          image: a:1
`,
      errors: [
        { messageId: "missingEverywhere", data: { containers: "container \"a\" and container \"b\"", runs: "run", pod: "the pod", minimum: 10000 }, line: 7, column: 5, endLine: 7, endColumn: 10, message: 'container "a" and container "b" run as the image\'s user: neither the pod nor any container sets runAsUser, so a UID of at least 10000 is not ensured.' },
        { messageId: "missingForContainer", data: { container: "container \"b\"", pod: "the pod", minimum: 10000 }, line: 19, column: 11, endLine: 19, endColumn: 18, message: 'container "b" runs as the image\'s user: neither it nor the pod sets runAsUser, so a UID of at least 10000 is not ensured.' },
      ],
    },
    {
      name: "a higher minimum from the option",
      options: { minimum: 100000 },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: a:1
      securityContext: {runAsUser: 65532}
`,
      errors: [{ messageId: "containerBelowMinimum", data: { container: "container \"a\"", uid: 65532, minimum: 100000 }, line: 8, column: 25, endLine: 8, endColumn: 41, message: 'container "a" sets runAsUser: 65532, below the minimum of 100000.' }],
    },
  ],
});
