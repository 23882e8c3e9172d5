import { expect, it } from "vitest";
import rule from "../../../rules/workload/writable-root-filesystem.js";
import { lintWith, testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "every container read-only",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: setup
      image: a:1
      securityContext: {readOnlyRootFilesystem: true}
  containers:
    - name: web
      image: a:1
      securityContext:
        readOnlyRootFilesystem: true
`,
    },
    {
      name: "Windows pods cannot set the field",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      os: {name: windows}
      containers:
        - name: iis
          image: mcr.microsoft.com/windows/servercore/iis:ltsc2022
`,
    },
  ],
  invalid: [
    {
      name: "false, unset, and a pod-level value that Kubernetes does not have",
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
        readOnlyRootFilesystem: false
    - name: sidecar
      image: a:1
      securityContext:
        runAsUser: 1000
  ephemeralContainers:
    - name: debug
      image: a:1
`,
      errors: [
        {
          messageId: "readOnlyUnset",
          data: { container: 'init container "setup"' },
          line: 8, column: 7, endLine: 8, endColumn: 18,
          message: 'init container "setup" does not set securityContext.readOnlyRootFilesystem: true.',
        },
        {
          messageId: "readOnlyNotTrue",
          data: { container: 'container "web"', value: "false" },
          line: 14, column: 9, endLine: 14, endColumn: 38,
          message: 'container "web" sets readOnlyRootFilesystem to false.',
        },
        {
          messageId: "readOnlyUnset",
          data: { container: 'container "sidecar"' },
          line: 17, column: 7, endLine: 17, endColumn: 23,
          message: 'container "sidecar"',
        },
        {
          messageId: "readOnlyUnset",
          data: { container: 'ephemeral container "debug"' },
          line: 20, column: 7, endLine: 20, endColumn: 18,
          message: 'ephemeral container "debug"',
        },
      ],
    },
    {
      name: "StatefulSet template",
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: s}
spec:
  template:
    spec:
      containers:
        - name: db
          image: postgres:16
`,
      errors: [{ messageId: "readOnlyUnset", data: { container: 'container "db"' }, line: 8, column: 11, endLine: 8, endColumn: 19 }],
    },
  ],
});

it("writable-root-filesystem treats a string \"true\" as not read-only, without crashing", () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: a:1
      securityContext: {readOnlyRootFilesystem: "true"}
    - name: b
      image: a:1
      securityContext: read-only
`;
  const findings = lintWith(rule, yaml).filter((finding) => finding.ruleId === rule.meta.id);
  expect(findings.map((finding) => [finding.region.startLine, finding.region.startColumn, finding.message])).toEqual([
    [8, 25, 'container "a" sets readOnlyRootFilesystem to "true".'],
    [11, 7, 'container "b" does not set securityContext.readOnlyRootFilesystem: true.'],
  ]);
});
