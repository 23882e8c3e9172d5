import rule from "../../../rules/rbac/rbac-secret-read.js";
import { testRule } from "../../helpers/rule-tester.js";

/** A chart's object whose namespace came from `.Release.Namespace`. */
const renderedInReleaseNamespace = () => ({ chart: "charts/app", template: "templates/role.yaml", scope: "helm:charts/app:default", releaseNamespace: true });

testRule(rule, {
  valid: [
    {
      name: "Secrets may be created but not read; reading other core resources; `secrets` of another API group",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: r, namespace: shop}
rules:
  - apiGroups: [""]
    resources: [secrets]
    verbs: [create, update, delete]
  - apiGroups: [""]
    resources: [configmaps, pods]
    verbs: [get, list, watch]
  - apiGroups: [example.com]
    resources: [secrets, "*"]
    verbs: [get]
`,
    },
    {
      name: "an aggregated ClusterRole's rules are filled by the controller",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: view-all}
aggregationRule:
  clusterRoleSelectors:
    - matchLabels: {rbac.example.com/aggregate-to-view-all: "true"}
rules:
  - apiGroups: [""]
    resources: [secrets]
    verbs: [get]
`,
    },
    {
      name: "a rule granting everything is left to rbac-wildcard and rbac-cluster-admin-binding, one finding each",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: everything}
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
`,
    },
  ],
  invalid: [
    {
      name: "an unbound ClusterRole reads every Secret: once per rule, at its first reading verb, through `*` too",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: reader}
rules:
  - apiGroups: [""]
    resources: [configmaps, secrets]
    verbs: [create, list, watch]
  - apiGroups: ["*"]
    resources: ["*"]
    verbs:
      - get
`,
      errors: [
        {
          messageId: "readsSecrets",
          data: { role: 'ClusterRole "reader"', where: "in the cluster", who: "" },
          line: 7,
          column: 21,
          endLine: 7,
          endColumn: 25,
          message: 'ClusterRole "reader" can read every Secret in the cluster.',
          related: [],
        },
        { messageId: "readsSecrets", data: { role: 'ClusterRole "reader"', where: "in the cluster", who: "" }, line: 11, column: 9, endLine: 11, endColumn: 12 },
      ],
    },
    {
      name: "a Role reads Secrets in its namespace, all of them or those named",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: app
  namespace: shop
rules:
  - apiGroups: [""]
    resources: [secrets]
    verbs: [get]
  - apiGroups: [""]
    resources: [secrets]
    resourceNames: [app-tls, db-password]
    verbs: [watch]
`,
      errors: [
        { messageId: "readsSecrets", data: { role: 'Role "app"', where: 'in namespace "shop"', who: "" }, line: 9, column: 13, endLine: 9, endColumn: 16 },
        {
          messageId: "readsSecretsNamed",
          data: { role: 'Role "app"', names: '"app-tls", "db-password"', where: 'in namespace "shop"', who: "" },
          line: 13,
          column: 13,
          endLine: 13,
          endColumn: 18,
          message: 'Role "app" can read the Secrets "app-tls", "db-password" in namespace "shop".',
        },
      ],
    },
    {
      name: "a bound Role names its binding's subjects, and the binding is a related location",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: deploy, namespace: prod}
rules:
  - apiGroups: [""]
    resources: [secrets]
    verbs: [list]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: deploy, namespace: prod}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deploy}
subjects:
  - {kind: ServiceAccount, name: deployer, namespace: ci}
  - {kind: User, name: alice}
`,
      errors: [
        {
          messageId: "readsSecrets",
          data: { role: 'Role "deploy"', where: 'in namespace "prod"', who: '; RoleBinding "deploy" grants Role "deploy" to ServiceAccount "ci/deployer", User "alice"' },
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 17,
          message: 'Role "deploy" can read every Secret in namespace "prod"; RoleBinding "deploy" grants Role "deploy" to ServiceAccount "ci/deployer", User "alice".',
          related: [{ line: 12, column: 60, message: 'RoleBinding "deploy" grants Role "deploy" to ServiceAccount "ci/deployer", User "alice".' }],
        },
      ],
    },
    {
      name: "a ClusterRole bound only by RoleBindings reaches their namespaces; one bound through an aggregated ClusterRole says so",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: secret-reader
  labels: {example.com/aggregate-to-ops: "true"}
rules:
  - apiGroups: [""]
    resources: [secrets]
    verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: read-a, namespace: team-a}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secret-reader}
subjects: [{kind: Group, name: team-a}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: ops}
aggregationRule:
  clusterRoleSelectors:
    - matchLabels: {example.com/aggregate-to-ops: "true"}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ops, namespace: team-b}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ops}
subjects: [{kind: ServiceAccount, name: ops}]
`,
      errors: [
        {
          messageId: "readsSecrets",
          data: { role: 'ClusterRole "secret-reader"', where: 'in namespaces "team-a", "team-b"', who: "; 2 bindings grant it (related locations)" },
          line: 9,
          column: 13,
          endLine: 9,
          endColumn: 16,
          related: [
            { line: 14, column: 67, message: 'RoleBinding "read-a" grants ClusterRole "secret-reader" to Group "team-a".' },
            { line: 27, column: 67, message: 'RoleBinding "ops" grants ClusterRole "secret-reader" through aggregated ClusterRole "ops" to ServiceAccount "team-b/ops".' },
          ],
        },
      ],
    },
    {
      name: "a ClusterRole aggregated into the built-in view role reaches everyone who holds view",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: crd-view
  labels: {rbac.authorization.k8s.io/aggregate-to-view: "true"}
rules:
  - apiGroups: [""]
    resources: [secrets]
    verbs: [watch]
`,
      errors: [
        {
          messageId: "readsSecrets",
          data: { role: 'ClusterRole "crd-view"', where: "in the cluster", who: '; its aggregate-to-view label adds it to the built-in "view" ClusterRole' },
          line: 9,
          column: 13,
          endLine: 9,
          endColumn: 18,
        },
      ],
    },
    {
      name: "a Role without a namespace reads Secrets wherever it is applied",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: app}
rules:
  - apiGroups: [""]
    resources: [secrets]
    verbs: [list]
`,
      errors: [{ messageId: "readsSecrets", data: { role: 'Role "app"', where: "in the namespace it is applied to", who: "" }, line: 7, column: 13, endLine: 7, endColumn: 17 }],
    },
    {
      name: "a chart's Role in the release namespace: helm renders it into default, but the namespace is chosen at install",
      originOf: renderedInReleaseNamespace,
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: app, namespace: default}
rules:
  - apiGroups: [""]
    resources: [secrets]
    verbs: [get]
`,
      errors: [
        {
          messageId: "readsSecrets",
          data: { role: 'Role "app"', where: "in the release namespace", who: "" },
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 16,
          message: 'Role "app" can read every Secret in the release namespace.',
        },
      ],
    },
  ],
});
