import rule from "../../../rules/rbac/rbac-binding-role-missing.js";
import { renderedWithReleaseNamespace } from "../../helpers/helm-origin.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "bindings to roles among the objects: a Role of the namespace, a ClusterRole by name from a RoleBinding and a ClusterRoleBinding, an aggregated one",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: app, namespace: shop}
rules: []
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: reader}
aggregationRule: {clusterRoleSelectors: [{matchLabels: {example.com/reader: "true"}}]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: app, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: app}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: reader, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: reader}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}
`,
    },
    {
      name: "built-in ClusterRoles, and roles of a scope that defines none of that kind or namespace",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: mine}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: app, namespace: shop}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: builtins}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: system:auth-delegator}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: edit, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: auth-reader, namespace: kube-system}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: extension-apiserver-authentication-reader}
`,
    },
    {
      name: "Roles kube-apiserver creates in kube-system, though the objects hold another Role there",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: app-leader-election, namespace: kube-system}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: auth-reader, namespace: kube-system}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: extension-apiserver-authentication-reader}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: leader-locking, namespace: kube-system}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: "system::leader-locking-kube-scheduler"}
`,
    },
    {
      name: "a lone binding: the scope defines no roles",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: operator}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: operator}
`,
    },
    {
      name: "a chart's RoleBinding without a namespace finds its Role written in the release namespace",
      originOf: renderedWithReleaseNamespace("app"),
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: app, namespace: default}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: app-binding}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: app}
`,
    },
  ],
  invalid: [
    {
      name: "a RoleBinding names a Role its namespace does not have, though it has others",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: app-reader, namespace: shop}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: app-raeder, namespace: other}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: app, namespace: shop}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: app-raeder
`,
      errors: [
        {
          messageId: "missingRole",
          data: { binding: 'RoleBinding "app"', role: 'Role "app-raeder"', namespace: 'namespace "shop"' },
          line: 15,
          column: 3,
          endLine: 15,
          endColumn: 19,
          message:
            'RoleBinding "app" grants Role "app-raeder", which is not among the linted objects though other Roles of namespace "shop" are: it grants nothing until a Role of that name is created there, and then whatever that Role allows.',
          severity: "low",
        },
      ],
    },
    {
      name: "ClusterRoles named by a ClusterRoleBinding and a RoleBinding that are not among the objects, though another is",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: app-operator}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: app-operator}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: release-app-operator}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: app-view, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: app-viewer}
`,
      errors: [
        {
          messageId: "missingClusterRole",
          data: { binding: 'ClusterRoleBinding "app-operator"', role: 'ClusterRole "release-app-operator"' },
          line: 8,
          column: 67,
          endLine: 8,
          endColumn: 93,
          message:
            'ClusterRoleBinding "app-operator" grants ClusterRole "release-app-operator", which is not among the linted objects though other ClusterRoles are: it grants nothing until a ClusterRole of that name is created, and then whatever that ClusterRole allows.',
        },
        {
          messageId: "missingClusterRole",
          data: { binding: 'RoleBinding "app-view"', role: 'ClusterRole "app-viewer"' },
          line: 13,
          column: 67,
          endLine: 13,
          endColumn: 83,
        },
      ],
    },
    {
      name: "a chart's RoleBinding in the release namespace whose Role the chart did not render",
      originOf: renderedWithReleaseNamespace("app", "app-binding"),
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: app, namespace: default}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: app-binding, namespace: default}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: app-leader}
`,
      errors: [
        {
          messageId: "missingRole",
          data: { binding: 'RoleBinding "app-binding"', role: 'Role "app-leader"', namespace: "the release namespace" },
          line: 8,
          column: 60,
          endLine: 8,
          endColumn: 76,
        },
      ],
    },
  ],
});
