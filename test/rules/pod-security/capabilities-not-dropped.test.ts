import { describe, expect, it } from "vitest";
import rule from "../../../rules/pod-security/capabilities-not-dropped.js";
import { testRule, ownFindings } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "every kind of container drops ALL",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: setup
      image: a:1
      securityContext: {capabilities: {drop: [ALL]}}
  containers:
    - name: web
      image: a:1
      securityContext:
        capabilities:
          drop: [NET_RAW, ALL]
          add: [NET_BIND_SERVICE]
  ephemeralContainers:
    - name: debug
      image: a:1
      securityContext:
        capabilities:
          drop:
            - ALL
`,
    },
    {
      name: "Windows pods are exempt (capabilities are Linux-only)",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  os: {name: windows}
  containers:
    - name: iis
      image: iis:1
`,
    },
  ],
  invalid: [
    {
      name: "no securityContext, no capabilities, a partial drop list, and a lower-case all",
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
    - name: sidecar
      image: a:1
      securityContext:
        capabilities:
          drop: [NET_RAW]
  ephemeralContainers:
    - name: debug
      image: a:1
      securityContext:
        capabilities:
          drop: [all]
`,
      errors: [
        { messageId: "doesNotDropAll", data: { container: "init container \"setup\"" }, line: 6, column: 7, endLine: 6, endColumn: 18, message: 'init container "setup" does not drop ALL capabilities.' },
        { messageId: "doesNotDropAll", data: { container: "container \"web\"" }, line: 11, column: 7, endLine: 11, endColumn: 23, message: 'container "web" does not drop ALL capabilities.' },
        { messageId: "doesNotDropAll", data: { container: "container \"sidecar\"" }, line: 17, column: 11, endLine: 17, endColumn: 26, message: 'container "sidecar" does not drop ALL capabilities.' },
        { messageId: "dropsOtherCase", data: { container: "ephemeral container \"debug\"", written: "all" }, line: 23, column: 11, endLine: 23, endColumn: 22, message: 'ephemeral container "debug" drops "all"; the restricted profile only recognises ALL in upper case.' },
      ],
    },
    {
      name: "a Deployment whose container adds NET_BIND_SERVICE without dropping ALL",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      containers:
        - name: web
          image: a:1
          securityContext:
            capabilities:
              add: [NET_BIND_SERVICE]
`,
      errors: [{ messageId: "doesNotDropAll", data: { container: "container \"web\"" }, line: 11, column: 13, endLine: 11, endColumn: 26, message: 'container "web"' }],
    },
  ],
});

describe("capabilities-not-dropped on wrongly typed input", () => {
  it("a drop that is not a list, or capabilities that are not a mapping, drop nothing", () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: a:1
      securityContext:
        capabilities:
          drop: ALL
    - name: b
      image: a:1
      securityContext:
        capabilities: ALL
`;
    expect(ownFindings(rule, yaml)).toEqual([
      [10, 11, 'container "a" does not drop ALL capabilities.'],
      [14, 9, 'container "b" does not drop ALL capabilities.'],
    ]);
  });
});
