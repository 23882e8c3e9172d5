import { expect, it } from "vitest";
import rule from "../../../rules/workload/readiness-probe-missing.js";
import { lintWith, testRule } from "../../helpers/rule-tester.js";
import { ISTIO_INJECTED_GATEWAY } from "../../helpers/manifests.js";

testRule(rule, {
  valid: [
    {
      name: "Istio's injector gives an istio-proxy container with image: auto its readiness probe",
      yaml: ISTIO_INJECTED_GATEWAY,
    },
    {
      name: "regular containers probed; init, sidecar and ephemeral containers need none",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: setup
      image: a:1
    - name: proxy
      image: a:1
      restartPolicy: Always
  containers:
    - name: web
      image: a:1
      readinessProbe:
        httpGet: {path: /ready, port: 8080}
  ephemeralContainers:
    - name: debug
      image: a:1
`,
    },
    {
      name: "Jobs and CronJobs run to completion",
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  template:
    spec:
      restartPolicy: OnFailure
      containers: [{name: task, image: a:1}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: task, image: a:1}]
`,
    },
    {
      name: "a bare pod that is never restarted runs to completion",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: once}
spec:
  restartPolicy: Never
  containers: [{name: task, image: a:1}]
`,
    },
  ],
  invalid: [
    {
      name: "an istio-proxy container with its own image is not injected over",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: istio-proxy
      image: docker.io/istio/proxyv2:1.28.0
`,
      errors: [
        {
          messageId: "missingProbe",
          data: { container: 'container "istio-proxy"' },
          line: 6, column: 7, endLine: 6, endColumn: 24,
          message: 'container "istio-proxy" has no readinessProbe.',
        },
      ],
    },
    {
      name: "regular containers of a Deployment",
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
          livenessProbe:
            httpGet: {path: /healthz, port: 8080}
        - name: sidecar
          image: a:1
          readinessProbe:
            exec: {command: [true]}
`,
      errors: [
        {
          messageId: "missingProbe",
          data: { container: 'container "web"' },
          line: 11, column: 11, endLine: 11, endColumn: 20,
          message: 'container "web" has no readinessProbe.',
        },
      ],
    },
    {
      name: "a Pod with the default restart policy",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  restartPolicy: Always
  containers:
    - name: web
      image: a:1
`,
      errors: [{ messageId: "missingProbe", data: { container: 'container "web"' }, line: 7, column: 7, endLine: 7, endColumn: 16 }],
    },
  ],
});

it("readiness-probe-missing reads a wrongly typed probe as missing and wrongly typed containers as absent", () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: a:1
      readinessProbe: /healthz
---
apiVersion: v1
kind: Pod
metadata: {name: q}
spec:
  containers: web
`;
  const findings = lintWith(rule, yaml).filter((finding) => finding.ruleId === rule.meta.id);
  expect(findings.map((finding) => [finding.region.startLine, finding.region.startColumn])).toEqual([[8, 7]]);
});
