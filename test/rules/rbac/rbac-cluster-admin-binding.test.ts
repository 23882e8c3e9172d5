import rule from "../../../rules/rbac/rbac-cluster-admin-binding.js";
import { renderedInReleaseNamespace } from "../../helpers/helm-origin.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "Kubernetes' own cluster-admin binding of system:masters, as an exported cluster holds it",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: cluster-admin}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects:
  - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: system:masters}
`,
    },
    {
      name: "admin and edit in a namespace, view cluster-wide, a ClusterRole that is not among the objects, a binding without subjects",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: team-admin, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin}
subjects: [{kind: Group, name: shop-admins}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: team-edit, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
subjects: [{kind: ServiceAccount, name: deployer}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: auditors}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects: [{kind: Group, name: auditors}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: operator}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: operator}
subjects: [{kind: ServiceAccount, name: operator, namespace: ops}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: nobody}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
`,
    },
    {
      name: "roles among the objects that grant much but not everything: wildcards on some fields, or everything narrowed by resourceNames",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: pods-all}
rules:
  - apiGroups: [""]
    resources: ["*"]
    verbs: ["*"]
  - apiGroups: ["*"]
    resources: ["*"]
    resourceNames: [one]
    verbs: ["*"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: pods-all}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pods-all}
subjects: [{kind: ServiceAccount, name: operator, namespace: ops}]
`,
    },
    {
      name: "a ClusterRoleBinding of a Role, which the API server refuses",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: all}
rules:
  - {apiGroups: ["*"], resources: ["*"], verbs: ["*"]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: all}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: all}
subjects: [{kind: User, name: alice}]
`,
    },
  ],
  invalid: [
    {
      name: "a ClusterRoleBinding to cluster-admin makes its subject a cluster administrator",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: ci}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - {kind: ServiceAccount, name: deployer, namespace: ci}
`,
      errors: [
        {
          messageId: "clusterAdmin",
          data: {
            binding: 'ClusterRoleBinding "ci"',
            subjects: 'ServiceAccount "ci/deployer"',
            administrator: "a cluster administrator",
            role: 'ClusterRole "cluster-admin"',
            grant: "every verb on every resource",
          },
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 22,
          message:
            'ClusterRoleBinding "ci" makes ServiceAccount "ci/deployer" a cluster administrator: it grants ClusterRole "cluster-admin" (every verb on every resource) in the whole cluster.',
          related: [],
          severity: "critical",
        },
      ],
    },
    {
      name: "a cluster-admin binding named like Kubernetes' own but with another subject than system:masters",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: cluster-admin}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects:
  - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: system:masters}
  - {apiGroup: rbac.authorization.k8s.io, kind: User, name: alice}
`,
      errors: [
        {
          messageId: "clusterAdmin",
          data: {
            binding: 'ClusterRoleBinding "cluster-admin"',
            subjects: 'Group "system:masters", User "alice"',
            administrator: "cluster administrators",
            role: 'ClusterRole "cluster-admin"',
            grant: "every verb on every resource",
          },
          line: 4,
          column: 67,
          endLine: 4,
          endColumn: 86,
        },
      ],
    },
    {
      name: "a RoleBinding to cluster-admin makes its subjects administrators of the namespace, lowered to high",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: shop-admin, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects:
  - {kind: ServiceAccount, name: app}
  - {kind: User, name: bob}
`,
      errors: [
        {
          messageId: "namespaceAdmin",
          data: {
            binding: 'RoleBinding "shop-admin"',
            subjects: 'ServiceAccount "shop/app", User "bob"',
            administrator: "administrators",
            namespace: 'namespace "shop"',
            role: 'ClusterRole "cluster-admin"',
            grant: "every verb on every resource",
          },
          line: 4,
          column: 67,
          endLine: 4,
          endColumn: 86,
          message:
            'RoleBinding "shop-admin" makes ServiceAccount "shop/app", User "bob" administrators of namespace "shop": it grants ClusterRole "cluster-admin" (every verb on every resource) there, its Secrets and RoleBindings included.',
          severity: "high",
        },
      ],
    },
    {
      name: "a ClusterRole among the objects that grants everything is cluster-admin under another name; its rule is the related location",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: root}
rules:
  - apiGroups: [""]
    resources: [pods]
    verbs: [get]
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: root}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: root}
subjects: [{kind: ServiceAccount, name: operator, namespace: ops}]
`,
      errors: [
        {
          messageId: "clusterAdmin",
          data: {
            binding: 'ClusterRoleBinding "root"',
            subjects: 'ServiceAccount "ops/operator"',
            administrator: "a cluster administrator",
            role: 'ClusterRole "root"',
            grant: "every verb on every resource, by its rules[1]",
          },
          line: 15,
          column: 67,
          endLine: 15,
          endColumn: 77,
          related: [{ line: 8, column: 5, message: 'ClusterRole "root" grants every verb on every resource in every API group here.' }],
        },
      ],
    },
    {
      name: "an aggregated ClusterRole that selects a ClusterRole granting everything: the related location is in the selected role",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: platform}
aggregationRule:
  clusterRoleSelectors:
    - matchLabels: {example.com/aggregate-to-platform: "true"}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: platform-everything
  labels: {example.com/aggregate-to-platform: "true"}
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: platform}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: platform}
subjects: [{kind: Group, name: platform-team}]
`,
      errors: [
        {
          messageId: "clusterAdmin",
          data: {
            binding: 'ClusterRoleBinding "platform"',
            subjects: 'Group "platform-team"',
            administrator: "a cluster administrator",
            role: 'ClusterRole "platform"',
            grant: 'every verb on every resource, by rules[0] of ClusterRole "platform-everything", which it aggregates',
          },
          line: 21,
          column: 67,
          endLine: 21,
          endColumn: 81,
          related: [
            {
              line: 14,
              column: 5,
              message: 'ClusterRole "platform-everything", which ClusterRole "platform" aggregates, grants every verb on every resource in every API group here.',
            },
          ],
        },
      ],
    },
    {
      name: "a chart's RoleBinding to its own Role that grants everything, both in the release namespace",
      originOf: renderedInReleaseNamespace,
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: app-all, namespace: default}
rules:
  - {apiGroups: ["*"], resources: ["*"], verbs: ["*"]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: app-all, namespace: default}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: app-all}
subjects: [{kind: ServiceAccount, name: app, namespace: default}]
`,
      errors: [
        {
          messageId: "namespaceAdmin",
          data: {
            binding: 'RoleBinding "app-all"',
            subjects: 'ServiceAccount "default/app"',
            administrator: "an administrator",
            namespace: "the release namespace",
            role: 'Role "app-all"',
            grant: "every verb on every resource, by its rules[0]",
          },
          line: 10,
          column: 60,
          endLine: 10,
          endColumn: 73,
          related: [{ line: 5, column: 5, message: 'Role "app-all" grants every verb on every resource in every API group here.' }],
          severity: "high",
        },
      ],
    },
    {
      name: "ClusterRoleBindings of the built-in admin and edit roles reach every namespace",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: devs}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
subjects: [{kind: Group, name: developers}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: leads}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin}
subjects: [{kind: User, name: carol}]
`,
      errors: [
        {
          messageId: "clusterWideWriter",
          data: {
            binding: 'ClusterRoleBinding "devs"',
            subjects: 'Group "developers"',
            role: 'ClusterRole "edit"',
            power: "change every namespace's workloads, read every Secret and run pods as any ServiceAccount (kube-system's too)",
          },
          line: 4,
          column: 67,
          endLine: 4,
          endColumn: 77,
          message:
            'ClusterRoleBinding "devs" grants Group "developers" the built-in ClusterRole "edit" in every namespace: its holders can change every namespace\'s workloads, read every Secret and run pods as any ServiceAccount (kube-system\'s too).',
          severity: "high",
        },
        {
          messageId: "clusterWideWriter",
          data: {
            binding: 'ClusterRoleBinding "leads"',
            subjects: 'User "carol"',
            role: 'ClusterRole "admin"',
            power: "change every namespace's workloads, read every Secret, run pods as any ServiceAccount (kube-system's too) and grant roles in every namespace",
          },
          line: 10,
          column: 67,
          endLine: 10,
          endColumn: 78,
        },
      ],
    },
  ],
});
