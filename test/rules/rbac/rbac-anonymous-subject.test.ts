import rule from "../../../rules/rbac/rbac-anonymous-subject.js";
import { renderedInReleaseNamespace } from "../../helpers/helm-origin.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "Kubernetes' default bindings of the discovery roles, as an exported cluster holds them",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: system:public-info-viewer}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: system:public-info-viewer}
subjects:
  - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: system:authenticated}
  - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: system:unauthenticated}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: system:discovery}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: system:discovery}
subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: system:authenticated}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: system:basic-user}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: system:basic-user}
subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: system:authenticated}]
`,
    },
    {
      name: "look-alike subjects: a Group named system:anonymous, a User named system:authenticated, ServiceAccounts",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: view, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects:
  - {kind: Group, name: system:anonymous}
  - {kind: User, name: system:authenticated}
  - {kind: ServiceAccount, name: anonymous}
`,
    },
  ],
  invalid: [
    {
      name: "anonymous requests bound to a role among the objects: each rule it grants is a related location",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: status-reader}
rules:
  - apiGroups: [""]
    resources: [pods, services]
    verbs: [get, list]
  - nonResourceURLs: [/metrics]
    verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: public-status}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: status-reader}
subjects:
  - apiGroup: rbac.authorization.k8s.io
    kind: Group
    name: system:unauthenticated
  - {apiGroup: rbac.authorization.k8s.io, kind: User, name: system:anonymous}
`,
      errors: [
        {
          messageId: "anonymous",
          data: {
            binding: 'ClusterRoleBinding "public-status"',
            role: 'ClusterRole "status-reader"',
            subject: 'Group "system:unauthenticated"',
            where: "in the whole cluster",
            named: "",
          },
          line: 18,
          column: 5,
          endLine: 18,
          endColumn: 33,
          message:
            'ClusterRoleBinding "public-status" grants ClusterRole "status-reader" to Group "system:unauthenticated", that is to anyone who can reach the API server without credentials, in the whole cluster.',
          related: [
            { line: 5, column: 5, message: 'ClusterRole "status-reader" grants this rule to Group "system:unauthenticated".' },
            { line: 8, column: 5, message: 'ClusterRole "status-reader" grants this rule to Group "system:unauthenticated".' },
          ],
        },
        {
          messageId: "anonymous",
          data: {
            binding: 'ClusterRoleBinding "public-status"',
            role: 'ClusterRole "status-reader"',
            subject: 'User "system:anonymous"',
            where: "in the whole cluster",
            named: "",
          },
          line: 19,
          column: 55,
          endLine: 19,
          endColumn: 77,
        },
      ],
    },
    {
      name: "the discovery roles are not for anonymous requests any more; a role not among the objects has no related location",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: anonymous-discovery}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: system:discovery}
subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: system:unauthenticated}]
`,
      errors: [
        {
          messageId: "anonymous",
          data: {
            binding: 'ClusterRoleBinding "anonymous-discovery"',
            role: 'ClusterRole "system:discovery"',
            subject: 'Group "system:unauthenticated"',
            where: "in the whole cluster",
            named: "",
          },
          line: 5,
          column: 63,
          endLine: 5,
          endColumn: 91,
          related: [],
        },
      ],
    },
    {
      name: "every authenticated user bound to a Role of a namespace and to view; an aggregated role's rules come from the roles it selects",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: config, namespace: shop}
rules:
  - {apiGroups: [""], resources: [configmaps], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: everyone-config, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: config}
subjects: [{kind: Group, name: system:authenticated}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: readers}
aggregationRule:
  clusterRoleSelectors:
    - matchLabels: {example.com/readers: "true"}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: crd-reader
  labels: {example.com/readers: "true"}
rules:
  - {apiGroups: [example.com], resources: [widgets], verbs: [list]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: everyone-reads}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: readers}
subjects: [{kind: Group, name: system:authenticated}]
`,
      errors: [
        {
          messageId: "authenticated",
          data: { binding: 'RoleBinding "everyone-config"', role: 'Role "config"', subject: 'Group "system:authenticated"', where: 'in namespace "shop"', named: "" },
          line: 11,
          column: 26,
          endLine: 11,
          endColumn: 52,
          message:
            'RoleBinding "everyone-config" grants Role "config" to Group "system:authenticated", that is to every user and ServiceAccount that can sign in (on some managed clusters any account of the cloud provider), in namespace "shop".',
          related: [{ line: 5, column: 5, message: 'Role "config" grants this rule to Group "system:authenticated".' }],
        },
        {
          messageId: "authenticated",
          data: { binding: 'ClusterRoleBinding "everyone-reads"', role: 'ClusterRole "readers"', subject: 'Group "system:authenticated"', where: "in the whole cluster", named: "" },
          line: 32,
          column: 26,
          endLine: 32,
          endColumn: 52,
          related: [{ line: 26, column: 5, message: 'ClusterRole "crd-reader" (aggregated into ClusterRole "readers") grants this rule to Group "system:authenticated".' }],
        },
      ],
    },
    {
      name: "every authenticated user may reach one Service through the API server's proxy, as sealed-secrets lets kubeseal fetch its certificate: lowered to low",
      originOf: renderedInReleaseNamespace,
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: sealed-secrets-service-proxier, namespace: default}
rules:
  - apiGroups: [""]
    resourceNames: ["http:sealed-secrets:", "http:sealed-secrets:http", sealed-secrets]
    resources: [services/proxy]
    verbs: [create, get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: sealed-secrets-service-proxier, namespace: default}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: sealed-secrets-service-proxier}
subjects:
  - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: system:authenticated}
`,
      errors: [
        {
          messageId: "authenticated",
          data: {
            binding: 'RoleBinding "sealed-secrets-service-proxier"',
            role: 'Role "sealed-secrets-service-proxier"',
            subject: 'Group "system:authenticated"',
            where: "in the release namespace",
            named: ", though only on the objects its rules name (resourceNames)",
          },
          line: 15,
          column: 56,
          endLine: 15,
          endColumn: 82,
          message: "in the release namespace, though only on the objects its rules name (resourceNames).",
          related: [{ line: 5, column: 5, message: 'Role "sealed-secrets-service-proxier" grants this rule to Group "system:authenticated".' }],
          severity: "low",
        },
      ],
    },
    {
      name: "a chart's RoleBinding in the release namespace",
      originOf: renderedInReleaseNamespace,
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: app-view, namespace: default}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects: [{kind: User, name: system:anonymous}]
`,
      errors: [
        {
          messageId: "anonymous",
          data: { binding: 'RoleBinding "app-view"', role: 'ClusterRole "view"', subject: 'User "system:anonymous"', where: "in the release namespace", named: "" },
          line: 5,
          column: 25,
          endLine: 5,
          endColumn: 47,
        },
      ],
    },
  ],
});
