import { describe, expect, it } from "vitest";
import rule from "../../../rules/pod-security/privilege-escalation-allowed.js";
import { testRule, ownFindings } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "every kind of container sets allowPrivilegeEscalation: false",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: setup
      image: a:1
      securityContext: {allowPrivilegeEscalation: false}
  containers:
    - name: web
      image: a:1
      securityContext:
        allowPrivilegeEscalation: false
  ephemeralContainers:
    - name: debug
      image: a:1
      securityContext: {allowPrivilegeEscalation: false}
`,
    },
    {
      name: "Windows pods are exempt (the field is Linux-only)",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      os:
        name: windows
      containers:
        - name: iis
          image: iis:1
`,
    },
  ],
  invalid: [
    {
      name: "unset without a securityContext, unset with one, and true",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: setup
      image: a:1
  containers:
    - name: web
      image: a:1
      securityContext:
        runAsNonRoot: true
  ephemeralContainers:
    - name: debug
      image: a:1
      securityContext: {allowPrivilegeEscalation: true}
`,
      errors: [
        { messageId: "allowedByDefault", data: { container: "init container \"setup\"" }, line: 6, column: 7, endLine: 6, endColumn: 18, message: 'init container "setup" does not set allowPrivilegeEscalation: false' },
        { messageId: "allowedByDefault", data: { container: "container \"web\"" }, line: 11, column: 7, endLine: 11, endColumn: 23, message: 'container "web" does not set allowPrivilegeEscalation: false' },
        { messageId: "allowedExplicitly", data: { container: "ephemeral container \"debug\"" }, line: 16, column: 25, endLine: 16, endColumn: 55, message: 'ephemeral container "debug" sets allowPrivilegeEscalation: true.' },
      ],
    },
    {
      name: "a privileged container or one adding SYS_ADMIN always allows escalation",
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: ds}
spec:
  template:
    spec:
      containers:
        - name: agent
          image: a:1
          securityContext:
            privileged: true
        - name: mounter
          image: a:1
          securityContext:
            capabilities:
              add: [SYS_ADMIN]
`,
      errors: [
        { messageId: "allowedAsPrivileged", data: { container: "container \"agent\"" }, line: 10, column: 11, endLine: 10, endColumn: 27, message: 'container "agent" allows privilege escalation: it is privileged' },
        { messageId: "allowedBySysAdmin", data: { container: "container \"mounter\"", capability: "SYS_ADMIN" }, line: 14, column: 11, endLine: 14, endColumn: 27, message: 'container "mounter" allows privilege escalation: it adds SYS_ADMIN' },
      ],
    },
    {
      name: "Linux pods are not exempt",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  os: {name: linux}
  containers:
    - name: a
      image: a:1
      securityContext:
        allowPrivilegeEscalation: true
`,
      errors: [{ messageId: "allowedExplicitly", data: { container: "container \"a\"" }, line: 10, column: 9, endLine: 10, endColumn: 39 }],
    },
  ],
});

describe("privilege-escalation-allowed on wrongly typed input", () => {
  it('does not take the string "false" for false, and skips non-containers', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - just a string
    - name: a
      image: a:1
      securityContext:
        allowPrivilegeEscalation: "false"
        capabilities: {add: SYS_ADMIN}
`;
    expect(ownFindings(rule, yaml)).toEqual([
      [10, 9, 'container "a" does not set allowPrivilegeEscalation: false, so escalation is allowed by default.'],
    ]);
  });
});
