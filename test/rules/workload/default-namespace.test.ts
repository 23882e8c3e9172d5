import { expect, it } from "vitest";
import rule from "../../../rules/workload/default-namespace.js";
import type { K8sObject } from "../../../src/core/types.js";
import { lintWith, testRule, type OriginOf } from "../../helpers/rule-tester.js";

const chart = { chart: "charts/web", template: "templates/all.yaml", scope: "helm:charts/web:default" };
/** Objects rendered from a chart; those named in `fromRelease` got their namespace from `.Release.Namespace`. */
const renderedFrom = (...fromRelease: string[]): OriginOf => (object: K8sObject) => ({ ...chart, releaseNamespace: fromRelease.includes(object.name) || undefined });

testRule(rule, {
  valid: [
    {
      name: "own namespaces, no namespace, and objects Kubernetes keeps in default",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      containers: [{name: a, image: a:1}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: default}
automountServiceAccountToken: false
---
apiVersion: v1
kind: Service
metadata: {name: kubernetes, namespace: default}
`,
    },
    {
      name: "flagMissing leaves cluster-scoped kinds alone, built-in and custom",
      options: { flagMissing: true },
      yaml: `apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: reader}
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata: {name: policy}
---
apiVersion: cert-manager.io/v1
kind: ClusterIssuer
metadata: {name: letsencrypt}
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: tenants.example.com}
spec:
  group: example.com
  scope: Cluster
  names: {kind: Tenant, plural: tenants}
---
apiVersion: example.com/v1
kind: Tenant
metadata: {name: acme}
`,
    },
    {
      name: "a chart's objects in the release namespace, spelled by .Release.Namespace or left to helm, even with flagMissing",
      options: { flagMissing: true },
      originOf: renderedFrom("web"),
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: default}
spec:
  template:
    spec:
      containers: [{name: a, image: a:1}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
`,
    },
    {
      name: "flagMissing: a file whose objects all set a namespace",
      options: { flagMissing: true },
      yaml: `apiVersion: v1
kind: ConfigMap
metadata: {name: a, namespace: shop}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: b, namespace: shop}
`,
    },
  ],
  invalid: [
    {
      name: "a chart's literal namespace: default (in a template or values), not the release namespace",
      originOf: renderedFrom("web"),
      yaml: `apiVersion: v1
kind: ConfigMap
metadata: {name: web, namespace: default}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: default
`,
      errors: [
        {
          messageId: "inDefaultNamespace",
          data: { kind: "ConfigMap", name: "settings" },
          line: 9, column: 3, endLine: 9, endColumn: 21,
          message: 'ConfigMap "settings" is in the default namespace.',
        },
      ],
    },
    {
      name: "namespace: default on any kind",
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: default
spec:
  containers: [{name: a, image: a:1}]
---
apiVersion: v1
kind: Secret
metadata: {name: token, namespace: default}
`,
      errors: [
        {
          messageId: "inDefaultNamespace",
          data: { kind: "Pod", name: "p" },
          line: 5, column: 3, endLine: 5, endColumn: 21,
          message: 'Pod "p" is in the default namespace.',
        },
        {
          messageId: "inDefaultNamespace",
          data: { kind: "Secret", name: "token" },
          line: 11, column: 25, endLine: 11, endColumn: 43,
          message: 'Secret "token" is in the default namespace.',
        },
      ],
    },
    {
      name: "flagMissing reports namespaced objects without a namespace",
      options: { flagMissing: true },
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers: [{name: a, image: a:1}]
---
apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: example.com/v1
kind: Widget
metadata: {name: w}
`,
      errors: [
        {
          messageId: "noNamespaceWithOthers",
          data: { kind: "Deployment", name: "web", others: "1 other object" },
          line: 3, column: 1, endLine: 3, endColumn: 10,
          message: `Deployment "web" and 1 other object in this file set no namespace, so they go wherever they are applied (kubectl's current namespace, often default).`,
        },
      ],
    },
    {
      name: "flagMissing reports a file once, at its first object that a CustomResourceDefinition does not make cluster-scoped",
      options: { flagMissing: true },
      yaml: `apiVersion: example.com/v1
kind: Tenant
metadata: {name: acme}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: a}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: b, namespace: shop}
---
apiVersion: v1
kind: Secret
metadata: {name: c}
---
apiVersion: v1
kind: Service
metadata: {name: d}
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: tenants.example.com}
spec:
  group: example.com
  scope: Cluster
  names: {kind: Tenant, plural: tenants}
`,
      errors: [
        {
          messageId: "noNamespaceWithOthers",
          data: { kind: "ConfigMap", name: "a", others: "2 other objects" },
          line: 7, column: 1, endLine: 7, endColumn: 20,
          message: 'ConfigMap "a" and 2 other objects in this file set no namespace',
        },
      ],
    },
    {
      name: "flagMissing: one object without a namespace",
      options: { flagMissing: true },
      yaml: `apiVersion: v1
kind: ConfigMap
metadata: {name: a}
`,
      errors: [
        {
          messageId: "noNamespace",
          data: { kind: "ConfigMap", name: "a" },
          line: 3, column: 1, endLine: 3, endColumn: 20,
          message: `ConfigMap "a" sets no namespace, so it goes wherever it is applied (kubectl's current namespace, often default).`,
        },
      ],
    },
  ],
});

it("default-namespace reads wrongly typed metadata as having no namespace", () => {
  const yaml = `apiVersion: v1
kind: ConfigMap
metadata: settings
`;
  expect(lintWith(rule, yaml).filter((finding) => finding.ruleId === rule.meta.id)).toEqual([]);
});
