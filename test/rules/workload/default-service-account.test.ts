import { expect, it } from "vitest";
import rule from "../../../rules/workload/default-service-account.js";
import { parseConfig } from "../../../src/config/config.js";
import { activeRules, lintObjects } from "../../../src/engine/engine.js";
import { runVerdict } from "../../../src/engine/severity.js";
import { parseManifest } from "../../../src/manifest/parse.js";
import { DEFAULT_FAIL_ON } from "../../../src/options.js";
import { testRule } from "../../helpers/rule-tester.js";

const BARE_POD = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: a, image: a:1}]
`;

testRule(rule, {
  valid: [
    {
      name: "a ServiceAccount of its own, by either field",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      serviceAccountName: web
      containers: [{name: a, image: a:1}]
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  serviceAccount: legacy
  containers: [{name: a, image: a:1}]
`,
    },
    {
      name: "no token of the account reaches the pod; not a workload",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  automountServiceAccountToken: false
  volumes:
    - name: config
      projected:
        sources:
          - configMap: {name: config}
  containers: [{name: a, image: a:1}]
---
apiVersion: v1
kind: Service
metadata: {name: default}
spec:
  ports: [{port: 80}]
`,
    },
  ],
  invalid: [
    {
      name: "by omission (at the pod spec), named default in either field, or with the token asked for in a projected volume",
      yaml: `${BARE_POD}---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      serviceAccountName: default
      containers: [{name: a, image: a:1}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          serviceAccount: default
          automountServiceAccountToken: false
          volumes:
            - name: token
              projected:
                sources:
                  - serviceAccountToken: {path: token}
          containers: [{name: a, image: a:1}]
`,
      errors: [
        {
          messageId: "defaultByOmission",
          data: { kind: "Pod", name: "p" },
          line: 4, column: 1, endLine: 4, endColumn: 6,
          message:
            'Pod "p" names no ServiceAccount, so it runs as the namespace\'s default one, which every pod of the namespace that names no ServiceAccount shares: whatever a binding grants it, all of them hold.',
        },
        {
          messageId: "defaultNamed",
          data: { kind: "Deployment", name: "web", field: "serviceAccountName" },
          line: 13, column: 7, endLine: 13, endColumn: 34,
          message: 'Deployment "web" runs as the namespace\'s default ServiceAccount (serviceAccountName: default), which every pod',
        },
        { messageId: "defaultNamed", data: { kind: "CronJob", name: "report", field: "serviceAccount" }, line: 25, column: 11, endLine: 25, endColumn: 34 },
      ],
    },
  ],
});

it("default-service-account is low unless .kubeward.yaml raises it, which makes it fail a run at the default fail level", () => {
  const run = (configText: string) => {
    const config = parseConfig(configText, ".kubeward.yaml", [rule]);
    const findings = lintObjects(parseManifest("m.yaml", BARE_POD).objects, activeRules([rule], config.rules));
    return { severities: findings.map((finding) => `${finding.ruleId} ${finding.severity}`), fails: runVerdict(findings, DEFAULT_FAIL_ON).fails };
  };
  expect(run("")).toEqual({ severities: ["default-service-account low"], fails: false });
  expect(run("rules:\n  default-service-account: high\n")).toEqual({ severities: ["default-service-account high"], fails: true });
  expect(run("rules:\n  default-service-account: {severity: critical}\n")).toEqual({ severities: ["default-service-account critical"], fails: true });
});
