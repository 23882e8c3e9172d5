import { expect, it } from "vitest";
import rule from "../../../rules/workload/resource-requests-missing.js";
import { lintWith, testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "requests set, a limit standing in for a request, and ephemeral containers not judged",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: setup
      image: a:1
      resources:
        requests: {cpu: 10m, memory: 16Mi}
  containers:
    - name: web
      image: a:1
      resources:
        requests:
          cpu: 100m
        limits:
          memory: 128Mi
  ephemeralContainers:
    - name: debug
      image: a:1
`,
    },
    {
      name: "pod-level requests cover every container",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      resources:
        requests: {cpu: "1", memory: 1Gi}
      containers:
        - name: a
          image: a:1
`,
    },
    {
      name: "an empty resources option disables the rule",
      options: { resources: [] },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: a:1
`,
    },
  ],
  invalid: [
    {
      name: "one finding per container, naming every missing resource",
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
          resources:
            requests:
              cpu: 100m
        - name: worker
          image: a:1
          resources: {}
`,
      errors: [
        {
          messageId: "missingResources",
          data: { container: 'init container "setup"', resources: "cpu or memory" },
          line: 8, column: 11, endLine: 8, endColumn: 22,
          message: 'init container "setup" sets no cpu or memory request.',
        },
        {
          messageId: "missingResources",
          data: { container: 'container "web"', resources: "memory" },
          line: 14, column: 13, endLine: 14, endColumn: 22,
          message: 'container "web" sets no memory request.',
        },
        {
          messageId: "missingResources",
          data: { container: 'container "worker"', resources: "cpu or memory" },
          line: 18, column: 11, endLine: 18, endColumn: 24,
          message: 'container "worker" sets no cpu or memory request.',
        },
      ],
    },
    {
      name: "extra resources from the option",
      options: { resources: ["cpu", "memory", "ephemeral-storage"] },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: web
      image: a:1
      resources:
        requests: {cpu: 100m, memory: 64Mi}
`,
      errors: [
        {
          messageId: "missingResources",
          data: { container: 'container "web"', resources: "ephemeral-storage" },
          line: 9, column: 9, endLine: 9, endColumn: 44,
          message: 'container "web" sets no ephemeral-storage request.',
        },
      ],
    },
  ],
});

it("resource-requests-missing reads wrongly typed resources as absent", () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: a:1
      resources: lots
`;
  const findings = lintWith(rule, yaml).filter((finding) => finding.ruleId === rule.meta.id);
  expect(findings.map((finding) => [finding.region.startLine, finding.message])).toEqual([[8, 'container "a" sets no cpu or memory request.']]);
});
