import rule from "../../../rules/pod-security/may-run-as-root.js";
import { describe, expect, it } from "vitest";
import { testRule, ownFindings } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      // The false positive filed against several scanners: containers inherit the pod-level setting.
      name: "pod-level runAsNonRoot: true covers init, regular and ephemeral containers that do not set it",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    runAsNonRoot: true
  initContainers:
    - name: setup
      image: a:1
  containers:
    - name: web
      image: a:1
      securityContext:
        readOnlyRootFilesystem: true
  ephemeralContainers:
    - name: debug
      image: a:1
`,
    },
    {
      name: "every container sets runAsNonRoot: true and the pod is silent",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      initContainers:
        - name: setup
          image: a:1
          securityContext: {runAsNonRoot: true}
      containers:
        - name: web
          image: a:1
          securityContext:
            runAsNonRoot: true
`,
    },
    {
      name: "a container repeating the pod-level true is fine",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext: {runAsNonRoot: true}
  containers:
    - name: a
      image: a:1
      securityContext: {runAsNonRoot: true}
    - name: b
      image: a:1
`,
    },
    {
      name: "pods in a user namespace are exempt by default",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  hostUsers: false
  containers:
    - name: a
      image: a:1
`,
    },
  ],
  invalid: [
    {
      // runAsUser alone keeps the container off root; the message must not claim otherwise.
      name: "a non-zero runAsUser without runAsNonRoot: the UID is not root, but the restricted profile still requires runAsNonRoot",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: c
      image: a:1
      securityContext:
        runAsUser: 1000
`,
      errors: [
        { messageId: "nonRootUserMissingEverywhere", data: { containers: "container \"c\"", uids: "1000", is: "is", pod: "the pod" }, line: 4, column: 1, endLine: 4, endColumn: 6,
          message: 'container "c": runAsUser 1000 is not root, but the restricted profile still requires runAsNonRoot: true, which neither the pod nor any container sets.' },
      ],
    },
    {
      name: "a pod-level runAsUser covers containers; a container of UID 0, or without a UID, may run as root",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    runAsUser: 1000
  containers:
    - name: a
      image: a:1
      securityContext: {runAsNonRoot: true}
    - name: b
      image: a:1
    - name: c
      image: a:1
      securityContext: {runAsUser: 2000}
    - name: root
      image: a:1
      securityContext: {runAsUser: 0}
`,
      errors: [
        { messageId: "nonRootUserMissingForContainer", data: { container: "container \"b\"", uid: 1000, pod: "the pod" }, line: 11, column: 7, endLine: 11, endColumn: 14, message: 'container "b": runAsUser 1000 is not root, but the restricted profile still requires runAsNonRoot: true, which neither it nor the pod sets.' },
        { messageId: "nonRootUserMissingForContainer", data: { container: "container \"c\"", uid: 2000, pod: "the pod" }, line: 15, column: 7, endLine: 15, endColumn: 41, message: 'container "c": runAsUser 2000 is not root' },
        { messageId: "missingForContainer", data: { container: "container \"root\"", pod: "the pod" }, line: 18, column: 7, endLine: 18, endColumn: 38, message: 'container "root" may run as root: neither it nor the pod sets runAsNonRoot: true.' },
      ],
    },
    {
      name: "several containers of different non-root UIDs, set nowhere: one finding naming the UIDs",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext: {runAsUser: 1000}
  containers:
    - name: a
      image: a:1
    - name: b
      image: a:1
      securityContext: {runAsUser: 2000}
`,
      errors: [{ messageId: "nonRootUserMissingEverywhere", data: { containers: "container \"a\" and container \"b\"", uids: "1000 and 2000", is: "are", pod: "the pod" }, line: 5, column: 3, endLine: 5, endColumn: 37, message: 'container "a" and container "b": runAsUser 1000 and 2000 are not root, but the restricted profile still requires runAsNonRoot: true' }],
    },
    {
      name: "set nowhere: one finding at the pod level naming every container",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: web
      image: a:1
    - name: sidecar
      image: a:1
`,
      errors: [{ messageId: "missingEverywhere", data: { containers: "container \"web\" and container \"sidecar\"", pod: "the pod" }, line: 4, column: 1, endLine: 4, endColumn: 6, message: 'container "web" and container "sidecar" may run as root' }],
    },
    {
      name: "set nowhere with a pod securityContext: the finding points into it",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    fsGroup: 2000
  containers:
    - name: web
      image: a:1
`,
      errors: [{ messageId: "missingEverywhere", data: { containers: "container \"web\"", pod: "the pod" }, line: 5, column: 3, endLine: 5, endColumn: 19, message: "neither the pod nor any container" }],
    },
    {
      name: "only some containers set it: one finding per container that does not",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      initContainers:
        - name: setup
          image: a:1
      containers:
        - name: web
          image: a:1
          securityContext:
            runAsNonRoot: true
        - name: sidecar
          image: a:1
          securityContext:
            readOnlyRootFilesystem: true
`,
      errors: [
        { messageId: "missingForContainer", data: { container: "init container \"setup\"", pod: "the pod template" }, line: 8, column: 11, endLine: 8, endColumn: 22, message: 'init container "setup" may run as root: neither it nor the pod' },
        { messageId: "missingForContainer", data: { container: "container \"sidecar\"", pod: "the pod template" }, line: 17, column: 11, endLine: 17, endColumn: 27, message: 'container "sidecar"' },
      ],
    },
    {
      name: "a container's explicit false overrides the pod-level true",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    runAsNonRoot: true
  containers:
    - name: web
      image: a:1
    - name: legacy
      image: a:1
      securityContext:
        runAsNonRoot: false
`,
      errors: [{ messageId: "containerAllowsRoot", data: { container: "container \"legacy\"" }, line: 13, column: 9, endLine: 13, endColumn: 28, message: 'container "legacy" sets runAsNonRoot: false' }],
    },
    {
      name: "pod-level false is reported once, naming the containers that inherit it",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    runAsNonRoot: false
  containers:
    - name: a
      image: a:1
    - name: b
      image: a:1
      securityContext: {runAsNonRoot: true}
    - name: c
      image: a:1
`,
      errors: [{ messageId: "podAllowsRoot", data: { pod: "the pod", containers: "container \"a\" and container \"c\"" }, line: 6, column: 5, endLine: 6, endColumn: 24, message: 'the pod sets runAsNonRoot: false, so container "a" and container "c" may run as root.' }],
    },
    {
      name: "pod-level false is forbidden even when every container overrides it",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext: {runAsNonRoot: false}
  containers:
    - name: a
      image: a:1
      securityContext: {runAsNonRoot: true}
`,
      errors: [{ messageId: "podAllowsRootOverridden", data: { pod: "the pod" }, line: 5, column: 21, endLine: 5, endColumn: 40, message: "every container overrides it" }],
    },
    {
      name: "Windows pods are not exempt from this control",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  os: {name: windows}
  containers:
    - name: iis
      image: iis:1
`,
      errors: [{ messageId: "missingEverywhere", data: { containers: "container \"iis\"", pod: "the pod" }, line: 4, column: 1, endLine: 4, endColumn: 6, message: 'container "iis"' }],
    },
    {
      name: "the user-namespace exemption can be turned off",
      options: { userNamespacesExempt: false },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  hostUsers: false
  containers:
    - name: a
      image: a:1
`,
      errors: [{ messageId: "missingEverywhere", data: { containers: "container \"a\"", pod: "the pod" }, line: 4, column: 1, endLine: 4, endColumn: 6 }],
    },
    {
      name: "CronJob with nothing set",
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: job
              image: a:1
`,
      errors: [{ messageId: "missingEverywhere", data: { containers: "container \"job\"", pod: "the pod template" }, line: 9, column: 9, endLine: 9, endColumn: 14, message: 'container "job" may run as root' }],
    },
  ],
});

describe("may-run-as-root on wrongly typed input", () => {
  it("skips what is not a container or a mapping, without crashing", () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext: [runAsNonRoot]
  containers:
    - "not a container"
    - name: a
      image: a:1
      securityContext: {runAsNonRoot: true}
  initContainers: oops
`;
    expect(ownFindings(rule, yaml)).toEqual([]);
  });

  it("does not take the string \"true\" for the boolean true", () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: a:1
      securityContext:
        runAsNonRoot: "true"
`;
    expect(ownFindings(rule, yaml)).toEqual([[4, 1, 'container "a" may run as root: neither the pod nor any container sets runAsNonRoot: true.']]);
  });
});
