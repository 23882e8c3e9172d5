import { expect, it } from "vitest";
import rule from "../../../rules/pod-security/unmasked-proc-mount.js";
import { lintWith, testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "procMount Default or unset",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - {name: a, image: a:1, securityContext: {procMount: Default}}
    - {name: b, image: a:1}
`,
    },
  ],
  invalid: [
    {
      name: "init and ephemeral containers",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: setup
      image: a:1
      securityContext:
        procMount: Unmasked
  containers:
    - {name: a, image: a:1}
  ephemeralContainers:
    - {name: debug, image: a:1, securityContext: {procMount: Unmasked}}
`,
      errors: [
        { messageId: "unmasked", data: { container: "init container \"setup\"", procMount: "Unmasked" }, line: 9, column: 9, endLine: 9, endColumn: 28, message: 'init container "setup" sets procMount Unmasked.' },
        { messageId: "unmasked", data: { container: "ephemeral container \"debug\"", procMount: "Unmasked" }, line: 13, column: 51, endLine: 13, endColumn: 70, message: 'ephemeral container "debug"' },
      ],
    },
    {
      name: "PodTemplate, Windows pods included",
      yaml: `apiVersion: v1
kind: PodTemplate
metadata: {name: t}
template:
  spec:
    os: {name: windows}
    containers:
      - name: app
        image: a:1
        securityContext:
          procMount: Unmasked
`,
      errors: [{ messageId: "unmasked", data: { container: "container \"app\"", procMount: "Unmasked" }, line: 11, column: 11, endLine: 11, endColumn: 30, message: 'container "app"' }],
    },
  ],
});

it("unmasked-proc-mount reads a wrongly typed procMount as absent", () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - {name: a, image: a:1, securityContext: {procMount: [Unmasked]}}
    - {name: b, image: a:1, securityContext: Unmasked}
`;
  expect(lintWith(rule, yaml).filter((finding) => finding.ruleId === rule.meta.id)).toEqual([]);
});
