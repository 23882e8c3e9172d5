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
  ],
  invalid: [
    {
      name: "a ClusterRole reads every Secret: once per rule, at its first reading verb",
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
      - "*"
`,
      errors: [
        {
          messageId: "readsEverySecret",
          data: { role: 'ClusterRole "reader"', where: "in the cluster" },
          line: 7,
          column: 21,
          endLine: 7,
          endColumn: 25,
          message: 'ClusterRole "reader" can read every Secret in the cluster.',
        },
        { messageId: "readsEverySecret", data: { role: 'ClusterRole "reader"', where: "in the cluster" }, line: 11, column: 9, endLine: 11, endColumn: 12 },
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
        { messageId: "readsEverySecret", data: { role: 'Role "app"', where: 'in namespace "shop"' }, line: 9, column: 13, endLine: 9, endColumn: 16 },
        {
          messageId: "readsNamedSecrets",
          data: { role: 'Role "app"', names: "app-tls, db-password", where: 'in namespace "shop"' },
          line: 13,
          column: 13,
          endLine: 13,
          endColumn: 18,
          message: 'Role "app" can read Secrets app-tls, db-password in namespace "shop".',
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
      errors: [{ messageId: "readsEverySecret", data: { role: 'Role "app"', where: "in its namespace" }, line: 7, column: 13, endLine: 7, endColumn: 17 }],
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
          messageId: "readsEverySecret",
          data: { role: 'Role "app"', where: "in the release namespace" },
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
