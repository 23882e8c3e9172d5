import { expect, it } from "vitest";
import rule from "../../../rules/workload/service-account-token-automounted.js";
import type { K8sObject } from "../../../src/manifest/types.js";
import { lintWith, testRule, type OriginOf } from "../../helpers/rule-tester.js";

/** Objects of one chart rendering; those named in `fromRelease` got their namespace from `.Release.Namespace`. */
const renderedFrom = (...fromRelease: string[]): OriginOf => (object: K8sObject) => ({
  chart: "charts/web",
  scope: "helm:charts/web:default",
  releaseNamespace: fromRelease.includes(object.name) || undefined,
});

testRule(rule, {
  valid: [
    {
      name: "pod-level false wins over the ServiceAccount",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p, namespace: shop}
spec:
  serviceAccountName: api
  automountServiceAccountToken: false
  containers: [{name: a, image: a:1}]
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: api, namespace: shop}
automountServiceAccountToken: true
`,
    },
    {
      name: "unset on the pod, false on its ServiceAccount (named, and the implicit default)",
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
kind: ServiceAccount
metadata: {name: web, namespace: shop}
automountServiceAccountToken: false
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
          containers: [{name: a, image: a:1}]
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default}
automountServiceAccountToken: false
`,
    },
    {
      name: "in one chart rendering, no namespace and the release namespace are the same namespace",
      originOf: renderedFrom("web", "db"),
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: default}
spec:
  template:
    spec:
      serviceAccountName: web
      containers: [{name: a, image: a:1}]
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: web}
automountServiceAccountToken: false
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: cache}
spec:
  template:
    spec:
      serviceAccountName: db
      containers: [{name: a, image: a:1}]
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: db, namespace: default}
automountServiceAccountToken: false
`,
    },
  ],
  invalid: [
    {
      name: "in a chart, a ServiceAccount written into namespace default is not the release namespace's",
      originOf: renderedFrom("web"),
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: default}
spec:
  template:
    spec:
      serviceAccountName: api
      containers: [{name: a, image: a:1}]
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: api, namespace: default}
automountServiceAccountToken: false
`,
      errors: [{ line: 6, column: 5, message: 'Deployment "web" mounts the token of ServiceAccount "api": the pod does not set automountServiceAccountToken: false, and the ServiceAccount is not among the linted objects.' }],
    },
    {
      name: "pod-level true is a finding even when the ServiceAccount says false",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  automountServiceAccountToken: true
  containers: [{name: a, image: a:1}]
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default}
automountServiceAccountToken: false
`,
      errors: [{ line: 5, column: 3, message: 'Pod "p" sets automountServiceAccountToken: true, mounting the token of ServiceAccount "default".' }],
    },
    {
      name: "the ServiceAccount is in another namespace, does not disable it, or is not in the set",
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
kind: ServiceAccount
metadata: {name: web, namespace: other}
automountServiceAccountToken: false
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  template:
    spec:
      serviceAccount: db
      containers: [{name: a, image: a:1}]
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: db, namespace: shop}
`,
      errors: [
        {
          line: 6,
          column: 5,
          message: 'Deployment "web" mounts the token of ServiceAccount "web": the pod does not set automountServiceAccountToken: false, and the ServiceAccount is not among the linted objects.',
        },
        { line: 20, column: 5, message: 'StatefulSet "db" mounts the token of ServiceAccount "db": neither the pod nor the ServiceAccount sets' },
      ],
    },
  ],
});

it("service-account-token-automounted reads a wrongly typed setting as unset", () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  automountServiceAccountToken: "false"
  serviceAccountName: [api]
  containers: [{name: a, image: a:1}]
`;
  const findings = lintWith(rule, yaml).filter((finding) => finding.ruleId === rule.meta.id);
  expect(findings.map((finding) => [finding.region.startLine, finding.message])).toEqual([
    [
      5,
      'Pod "p" mounts the token of ServiceAccount "default": the pod does not set automountServiceAccountToken: false, and the ServiceAccount is not among the linted objects.',
    ],
  ]);
});
