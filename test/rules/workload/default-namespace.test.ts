import { expect, it } from "vitest";
import rule from "../../../rules/workload/default-namespace.js";
import { lintWith, testRule } from "../../helpers/rule-tester.js";

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
  ],
  invalid: [
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
        { line: 5, column: 3, message: 'Pod "p" is in the default namespace.' },
        { line: 11, column: 25, message: 'Secret "token" is in the default namespace.' },
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
        { line: 3, column: 1, message: 'Deployment "web" sets no namespace' },
        { line: 16, column: 1, message: 'Widget "w" sets no namespace' },
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
