import { expect, it } from "vitest";
import rule from "../../../rules/workload/service-account-token-automounted.js";
import type { K8sObject } from "../../../src/core/types.js";
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
      name: "a RoleBinding or ClusterRoleBinding gives the ServiceAccount permissions: the token is needed, so the finding drops to low and names the binding",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: controller, namespace: ops}
spec:
  template:
    spec:
      serviceAccountName: controller
      containers: [{name: a, image: a:1}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: controller, namespace: ops}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: controller}
subjects: [{kind: ServiceAccount, name: controller}]
---
apiVersion: v1
kind: Pod
metadata: {name: agent}
spec:
  serviceAccountName: agent
  automountServiceAccountToken: true
  containers: [{name: a, image: a:1}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: agent}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: agent}
subjects: [{kind: User, name: agent}, {kind: ServiceAccount, name: agent}]
`,
      errors: [
        {
          messageId: "automountNotDisabledUnknownAccountBound",
          data: { kind: "Deployment", name: "controller", account: "controller", bindings: 'RoleBinding "controller"' },
          line: 6, column: 5, endLine: 6, endColumn: 10,
          message:
            'Deployment "controller" mounts the token of ServiceAccount "controller": the pod does not set automountServiceAccountToken: false, and the ServiceAccount is not among the linted objects; RoleBinding "controller" grants it API access, so the token is needed: keep it, and keep the role narrow.',
          related: [{ line: 14, column: 12, message: 'RoleBinding "controller" grants Role "controller" to ServiceAccount "ops/controller".' }],
          severity: "low",
        },
        {
          messageId: "automountEnabledBound",
          data: { kind: "Pod", name: "agent", account: "agent", bindings: 'ClusterRoleBinding "agent"' },
          line: 21, column: 3, endLine: 21, endColumn: 37,
          message: 'Pod "agent" sets automountServiceAccountToken: true, mounting the token of ServiceAccount "agent"; ClusterRoleBinding "agent" grants it API access',
          related: [{ line: 28, column: 39, message: 'ClusterRoleBinding "agent" grants ClusterRole "agent" to ServiceAccount "agent".' }],
          severity: "low",
        },
      ],
    },
    {
      name: "the release namespace is chosen at install, so a binding for the account in any namespace may name it",
      originOf: renderedFrom("istiod"),
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: istiod, namespace: default}
spec:
  template:
    spec:
      serviceAccountName: istiod
      containers: [{name: a, image: a:1}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: istiod}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: istiod}
subjects: [{kind: ServiceAccount, name: istiod, namespace: istio-system}]
`,
      errors: [
        {
          messageId: "automountNotDisabledUnknownAccountBound",
          data: { kind: "Deployment", name: "istiod", account: "istiod", bindings: 'ClusterRoleBinding "istiod"' },
          line: 6, column: 5, endLine: 6, endColumn: 10,
          related: [{ line: 14, column: 12, message: 'ClusterRoleBinding "istiod" grants ClusterRole "istiod" to ServiceAccount "istio-system/istiod".' }],
          severity: "low",
        },
      ],
    },
    {
      name: "several bindings name the account: the first is named, each is a related location once, however often it lists the account or is written",
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  template:
    spec:
      serviceAccountName: db
      containers: [{name: a, image: a:1}]
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: db, namespace: shop}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: db-leader, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: leader-election}
subjects:
  - {kind: ServiceAccount, name: db}
  - {kind: ServiceAccount, name: db, namespace: shop}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: db-metrics}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: metrics-reader}
subjects:
  - kind: ServiceAccount
    name: db
    namespace: shop
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: db-metrics}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: metrics-reader}
subjects: [{kind: ServiceAccount, name: db, namespace: shop}]
`,
      errors: [
        {
          messageId: "automountNotDisabledBound",
          data: { kind: "StatefulSet", name: "db", account: "db", bindings: 'RoleBinding "db-leader" (and 1 other binding, related locations)' },
          line: 6, column: 5, endLine: 6, endColumn: 10,
          message:
            'StatefulSet "db" mounts the token of ServiceAccount "db": neither the pod nor the ServiceAccount sets automountServiceAccountToken: false; RoleBinding "db-leader" (and 1 other binding, related locations) grants it API access, so the token is needed: keep it, and keep the role narrow.',
          related: [
            { line: 19, column: 5, message: 'RoleBinding "db-leader" grants ClusterRole "leader-election" to ServiceAccount "shop/db".' },
            { line: 27, column: 5, message: 'ClusterRoleBinding "db-metrics" grants ClusterRole "metrics-reader" to ServiceAccount "shop/db".' },
          ],
          severity: "low",
        },
      ],
    },
    {
      name: "bindings for another namespace, another account, or from another API group give this account nothing",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      serviceAccountName: web
      automountServiceAccountToken: true
      containers: [{name: a, image: a:1}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: web}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: web}
subjects: [{kind: ServiceAccount, name: web, namespace: other}, {kind: ServiceAccount, name: api, namespace: shop}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: web, namespace: other}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: web}
subjects: [{kind: ServiceAccount, name: web}]
---
apiVersion: example.com/v1
kind: RoleBinding
metadata: {name: web, namespace: shop}
subjects: [{kind: ServiceAccount, name: web}]
`,
      errors: [
        {
          messageId: "automountEnabled",
          data: { kind: "Deployment", name: "web", account: "web" },
          line: 8, column: 7, endLine: 8, endColumn: 41,
          message: 'Deployment "web" sets automountServiceAccountToken: true, mounting the token of ServiceAccount "web"; no RoleBinding or ClusterRoleBinding among the linted objects grants it permissions.',
          related: [],
          severity: "medium",
        },
      ],
    },
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
      errors: [
        {
          messageId: "automountNotDisabledUnknownAccount",
          data: { kind: "Deployment", name: "web", account: "api" },
          line: 6, column: 5, endLine: 6, endColumn: 10,
          message: 'Deployment "web" mounts the token of ServiceAccount "api": the pod does not set automountServiceAccountToken: false, and the ServiceAccount is not among the linted objects; no RoleBinding or ClusterRoleBinding among the linted objects grants it permissions.',
        },
      ],
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
      errors: [
        {
          messageId: "automountEnabled",
          data: { kind: "Pod", name: "p", account: "default" },
          line: 5, column: 3, endLine: 5, endColumn: 37,
          message: 'Pod "p" sets automountServiceAccountToken: true, mounting the token of ServiceAccount "default"; no RoleBinding or ClusterRoleBinding among the linted objects grants it permissions.',
        },
      ],
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
          messageId: "automountNotDisabledUnknownAccount",
          data: { kind: "Deployment", name: "web", account: "web" },
          line: 6, column: 5, endLine: 6, endColumn: 10,
          message: 'Deployment "web" mounts the token of ServiceAccount "web": the pod does not set automountServiceAccountToken: false, and the ServiceAccount is not among the linted objects; no RoleBinding or ClusterRoleBinding among the linted objects grants it permissions.',
        },
        {
          messageId: "automountNotDisabled",
          data: { kind: "StatefulSet", name: "db", account: "db" },
          line: 20, column: 5, endLine: 20, endColumn: 10,
          message: 'StatefulSet "db" mounts the token of ServiceAccount "db": neither the pod nor the ServiceAccount sets',
        },
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
      'Pod "p" mounts the token of ServiceAccount "default": the pod does not set automountServiceAccountToken: false, and the ServiceAccount is not among the linted objects; no RoleBinding or ClusterRoleBinding among the linted objects grants it permissions.',
    ],
  ]);
});
