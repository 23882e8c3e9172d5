import { expect, it } from "vitest";
import rule from "../../../rules/pod-security/host-ipc.js";
import { lintWith, testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "hostIPC false or unset",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  hostIPC: false
  containers: [{name: a, image: a:1}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      containers: [{name: a, image: a:1}]
`,
    },
  ],
  invalid: [
    {
      name: "Pod",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  hostIPC: true
  containers: [{name: a, image: a:1}]
`,
      errors: [{ messageId: "sharesHostNamespace", data: { pod: "the pod" }, line: 5, column: 3, endLine: 5, endColumn: 16, message: "the pod shares the node's IPC namespace" }],
    },
    {
      name: "DaemonSet template, Windows pods included",
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: ds}
spec:
  template:
    spec:
      os: {name: windows}
      hostIPC: true
      containers: [{name: a, image: a:1}]
`,
      errors: [{ messageId: "sharesHostNamespace", data: { pod: "the pod template" }, line: 8, column: 7, endLine: 8, endColumn: 20, message: "the pod template" }],
    },
  ],
});

it("host-ipc reads a wrongly typed hostIPC as absent", () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  hostIPC: "true"
  containers: [{name: a, image: a:1}]
`;
  expect(lintWith(rule, yaml).filter((finding) => finding.ruleId === rule.meta.id)).toEqual([]);
});
