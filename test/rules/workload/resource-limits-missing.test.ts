import { expect, it } from "vitest";
import rule from "../../../rules/workload/resource-limits-missing.js";
import requestsRule from "../../../rules/workload/resource-requests-missing.js";
import { parseConfig } from "../../../src/config/config.js";
import { activeRules, lintObjects } from "../../../src/engine/engine.js";
import { parseManifest } from "../../../src/manifest/parse.js";
import { lintWith, testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "limits on regular and init containers; ephemeral containers cannot set them",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: setup
      image: a:1
      resources:
        limits: {cpu: 100m, memory: 16Mi}
  containers:
    - name: web
      image: a:1
      resources:
        limits:
          cpu: 500m
          memory: 256Mi
  ephemeralContainers:
    - name: debug
      image: a:1
`,
    },
    {
      name: "pod-level limits bound every container",
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: d}
spec:
  template:
    spec:
      resources:
        limits: {cpu: "1", memory: 1Gi}
      containers:
        - name: agent
          image: a:1
`,
    },
    {
      name: "only the resources named in the option are required",
      options: { resources: ["memory"] },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: a:1
      resources:
        limits: {memory: 64Mi}
`,
    },
  ],
  invalid: [
    {
      name: "requests do not stand in for limits",
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
      resources:
        requests: {cpu: 100m, memory: 64Mi}
        limits:
          memory: ""
`,
      errors: [
        {
          messageId: "missingResources",
          data: { container: 'init container "setup"', resources: "cpu or memory" },
          line: 6, column: 7, endLine: 6, endColumn: 18,
          message: 'init container "setup" sets no cpu or memory limit.',
        },
        {
          messageId: "missingResources",
          data: { container: 'container "web"', resources: "cpu or memory" },
          line: 13, column: 9, endLine: 13, endColumn: 16,
          message: 'container "web" sets no cpu or memory limit.',
        },
      ],
    },
    {
      name: "Job template with a pod-level limit for memory only",
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  template:
    spec:
      restartPolicy: Never
      resources:
        limits: {memory: 1Gi}
      containers:
        - name: task
          image: a:1
`,
      errors: [
        {
          messageId: "missingResources",
          data: { container: 'container "task"', resources: "cpu" },
          line: 11, column: 11, endLine: 11, endColumn: 21,
          message: 'container "task" sets no cpu limit.',
        },
      ],
    },
  ],
});

it("resource-limits-missing reads wrongly typed limits as absent", () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  resources: unlimited
  containers:
    - name: a
      image: a:1
      resources: {limits: [cpu, memory]}
`;
  const findings = lintWith(rule, yaml).filter((finding) => finding.ruleId === rule.meta.id);
  expect(findings.map((finding) => [finding.region.startLine, finding.message])).toEqual([[9, 'container "a" sets no cpu or memory limit.']]);
});

it("a .kubeward.yaml can require memory limits without CPU limits while requests keep both, and an unconfigured rule asks for both", () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: tuned
      image: a:1
      resources:
        requests: {cpu: 100m}
        limits: {memory: 256Mi}
    - name: bare
      image: a:1
`;
  const lint = (configText: string): string[] => {
    const rules = [rule, requestsRule];
    const config = parseConfig(configText, ".kubeward.yaml", rules);
    return lintObjects(parseManifest("m.yaml", yaml).objects, activeRules(rules, config.rules)).map(
      (finding) => `${finding.ruleId} ${finding.region.startLine}:${finding.region.startColumn} ${finding.message}`,
    );
  };
  expect(lint("rules:\n  resource-limits-missing:\n    options: {resources: [memory]}\n")).toEqual([
    'resource-limits-missing 11:7 container "bare" sets no memory limit.',
    'resource-requests-missing 11:7 container "bare" sets no cpu or memory request.',
  ]);
  expect(lint("")).toEqual([
    'resource-limits-missing 10:9 container "tuned" sets no cpu limit.',
    'resource-limits-missing 11:7 container "bare" sets no cpu or memory limit.',
    'resource-requests-missing 11:7 container "bare" sets no cpu or memory request.',
  ]);
});
