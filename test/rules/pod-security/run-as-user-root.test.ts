import { describe, expect, it } from "vitest";
import rule from "../../../rules/pod-security/run-as-user-root.js";
import { testRule, ownFindings } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "non-zero UIDs at both levels, and unset",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    runAsUser: 1000
  containers:
    - name: a
      image: a:1
      securityContext: {runAsUser: 2000}
    - name: b
      image: a:1
---
apiVersion: v1
kind: Pod
metadata: {name: q}
spec:
  containers:
    - name: a
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
  securityContext: {runAsUser: 0}
  containers:
    - name: a
      image: a:1
`,
    },
  ],
  invalid: [
    {
      name: "pod-level 0 is reported once, naming only the containers that inherit it",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    runAsUser: 0
  containers:
    - name: a
      image: a:1
    - name: b
      image: a:1
      securityContext: {runAsUser: 1000}
    - name: c
      image: a:1
`,
      errors: [{ messageId: "podRoot", data: { pod: "the pod", containers: "container \"a\" and container \"c\"", runs: "run" }, line: 6, column: 5, endLine: 6, endColumn: 17, message: 'the pod sets runAsUser: 0, so container "a" and container "c" run as root.' }],
    },
    {
      name: "pod-level 0 is forbidden even when every container overrides it",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext: {runAsUser: 0}
  containers:
    - name: a
      image: a:1
      securityContext: {runAsUser: 1000}
`,
      errors: [{ messageId: "podRootOverridden", data: { pod: "the pod" }, line: 5, column: 21, endLine: 5, endColumn: 33, message: "every container overrides it" }],
    },
    {
      name: "container-level 0 in a Job's init and ephemeral containers, overriding a non-root pod",
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  template:
    spec:
      securityContext:
        runAsUser: 1000
      initContainers:
        - name: chown
          image: a:1
          securityContext:
            runAsUser: 0
      containers:
        - name: job
          image: a:1
      ephemeralContainers:
        - name: debug
          image: a:1
          securityContext: {runAsUser: 0}
`,
      errors: [
        { messageId: "containerRoot", data: { container: "init container \"chown\"" }, line: 13, column: 13, endLine: 13, endColumn: 25, message: 'init container "chown" sets runAsUser: 0' },
        { messageId: "containerRoot", data: { container: "ephemeral container \"debug\"" }, line: 20, column: 29, endLine: 20, endColumn: 41, message: 'ephemeral container "debug" sets runAsUser: 0' },
      ],
    },
    {
      name: "Windows pods are not exempt",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  os: {name: windows}
  containers:
    - name: a
      image: a:1
      securityContext:
        runAsUser: 0
`,
      errors: [{ messageId: "containerRoot", data: { container: "container \"a\"" }, line: 10, column: 9, endLine: 10, endColumn: 21 }],
    },
    {
      name: "the user-namespace exemption can be turned off",
      options: { userNamespacesExempt: false },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  hostUsers: false
  securityContext: {runAsUser: 0}
  containers:
    - name: a
      image: a:1
`,
      errors: [{ messageId: "podRoot", data: { pod: "the pod", containers: "container \"a\"", runs: "runs" }, line: 6, column: 21, endLine: 6, endColumn: 33, message: 'container "a" runs as root' }],
    },
  ],
});

describe("run-as-user-root on wrongly typed input", () => {
  it('ignores a string "0" and a securityContext that is not a mapping', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext: "runAsUser: 0"
  containers:
    - name: a
      image: a:1
      securityContext:
        runAsUser: "0"
`;
    expect(ownFindings(rule, yaml)).toEqual([]);
  });
});
