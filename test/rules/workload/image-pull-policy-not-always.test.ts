import { expect, it } from "vitest";
import rule from "../../../rules/workload/image-pull-policy-not-always.js";
import { lintWith, testRule } from "../../helpers/rule-tester.js";

const DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

testRule(rule, {
  valid: [
    {
      name: "Always, the default for latest and untagged images, and digests",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: explicit
      image: nginx:1.27
      imagePullPolicy: Always
    - name: latest-default
      image: nginx:latest
    - name: untagged-default
      image: registry:5000/app
    - name: pinned
      image: app:1.0@${DIGEST}
      imagePullPolicy: IfNotPresent
`,
    },
  ],
  invalid: [
    {
      name: "explicit IfNotPresent/Never and the IfNotPresent default of a tagged image",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      initContainers:
        - name: setup
          image: busybox:1.36
      containers:
        - name: web
          image: ghcr.io/acme/web:2.1
          imagePullPolicy: IfNotPresent
        - name: local
          image: nginx
          imagePullPolicy: Never
`,
      errors: [
        { line: 8, column: 11, message: 'init container "setup" pulls image "busybox:1.36" with imagePullPolicy IfNotPresent (the default' },
        { line: 13, column: 11, message: 'container "web" pulls image "ghcr.io/acme/web:2.1" with imagePullPolicy IfNotPresent.' },
        { line: 16, column: 11, message: "imagePullPolicy Never" },
      ],
    },
    {
      name: "a tagged image on a registry port in a Pod",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: app
      image: localhost:5000/team/app:1.2
`,
      errors: [{ line: 6, column: 7 }],
    },
  ],
});

it("image-pull-policy-not-always reads a wrongly typed policy as unset", () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: nginx:latest
      imagePullPolicy: [Never]
    - name: b
      image: {name: nginx}
`;
  expect(lintWith(rule, yaml).filter((finding) => finding.ruleId === rule.meta.id)).toEqual([]);
});
