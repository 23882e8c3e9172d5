import { expect, it } from "vitest";
import rule from "../../../rules/pod-security/host-network.js";
import { lintWith, testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "hostNetwork false or unset",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  hostNetwork: false
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
  hostNetwork: true
  containers: [{name: a, image: a:1}]
`,
      errors: [{ messageId: "sharesHostNamespace", data: { pod: "the pod" }, line: 5, column: 3, endLine: 5, endColumn: 20, message: "the pod shares the node's network namespace" }],
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
      hostNetwork: true
      containers: [{name: a, image: a:1}]
`,
      errors: [{ messageId: "sharesHostNamespace", data: { pod: "the pod template" }, line: 8, column: 7, endLine: 8, endColumn: 24, message: "the pod template" }],
    },
  ],
});

it("host-network reads a wrongly typed hostNetwork as absent", () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  hostNetwork: "true"
  containers: [{name: a, image: a:1}]
`;
  expect(lintWith(rule, yaml).filter((finding) => finding.ruleId === rule.meta.id)).toEqual([]);
});
