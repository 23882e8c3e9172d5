import rule from "../../../rules/rbac/rbac-cross-namespace-subject.js";
import { renderedWithReleaseNamespace } from "../../helpers/helm-origin.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "ServiceAccounts of the binding's namespace, written or not; users and groups; a ClusterRoleBinding, which has no namespace",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: app, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: app}
subjects:
  - {kind: ServiceAccount, name: app}
  - {kind: ServiceAccount, name: worker, namespace: shop}
  - {kind: User, name: alice}
  - {kind: Group, name: team-b}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: operator}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: operator}
subjects: [{kind: ServiceAccount, name: operator, namespace: ops}]
`,
    },
    {
      name: "an aggregated API server reads the authentication ConfigMap in kube-system, as Kubernetes' documentation prescribes",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: metrics-server-auth-reader, namespace: kube-system}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: extension-apiserver-authentication-reader}
subjects: [{kind: ServiceAccount, name: metrics-server, namespace: monitoring}]
`,
    },
    {
      name: "a plain RoleBinding without a namespace goes where it is applied",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: app}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: app}
subjects: [{kind: ServiceAccount, name: app, namespace: shop}]
`,
    },
    {
      name: "a chart's binding and subject both written {{ .Release.Namespace }} render to the same name",
      originOf: renderedWithReleaseNamespace("app"),
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: app, namespace: default}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: app}
subjects: [{kind: ServiceAccount, name: app, namespace: default}]
`,
    },
    {
      name: "a chart's binding without a namespace is in the release namespace, which its Role shows",
      originOf: renderedWithReleaseNamespace("app-role"),
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: app-role, namespace: apps}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: app}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: app-role}
subjects: [{kind: ServiceAccount, name: app, namespace: apps}]
`,
    },
    {
      name: "a chart's binding without a namespace, and no object that shows the release namespace's name",
      originOf: renderedWithReleaseNamespace(),
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: app}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: app-role}
subjects: [{kind: ServiceAccount, name: app, namespace: default}]
`,
    },
  ],
  invalid: [
    {
      name: "a RoleBinding of prod grants its Role to a ServiceAccount of ci",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: deploy
  namespace: prod
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: deploy
subjects:
  - kind: ServiceAccount
    name: runner
    namespace: ci
`,
      errors: [
        {
          messageId: "crossNamespace",
          data: { binding: 'RoleBinding "deploy"', namespace: 'namespace "prod"', role: 'Role "deploy"', account: "runner", subjectNamespace: 'namespace "ci"' },
          line: 13,
          column: 5,
          endLine: 13,
          endColumn: 18,
          message: 'RoleBinding "deploy" in namespace "prod" grants Role "deploy" to ServiceAccount "runner" of namespace "ci": pods of namespace "ci" that run as it act in namespace "prod" too.',
        },
      ],
    },
    {
      name: "a chart's leader-election binding in kube-system for its ServiceAccount of the release namespace; a ClusterRole in another namespace",
      originOf: renderedWithReleaseNamespace("app"),
      yaml: `apiVersion: v1
kind: ServiceAccount
metadata: {name: app, namespace: default}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: app-leader-election, namespace: kube-system}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: app-leader-election}
subjects:
  - {kind: ServiceAccount, name: app, namespace: default}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: app-view, namespace: team-b}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects:
  - {kind: ServiceAccount, name: app, namespace: default}
`,
      errors: [
        {
          messageId: "crossNamespace",
          data: {
            binding: 'RoleBinding "app-leader-election"',
            namespace: 'namespace "kube-system"',
            role: 'Role "app-leader-election"',
            account: "app",
            subjectNamespace: "the release namespace",
          },
          line: 10,
          column: 39,
          endLine: 10,
          endColumn: 57,
          message:
            'RoleBinding "app-leader-election" in namespace "kube-system" grants Role "app-leader-election" to ServiceAccount "app" of the release namespace: pods of the release namespace that run as it act in namespace "kube-system" too.',
        },
        {
          messageId: "crossNamespace",
          data: { binding: 'RoleBinding "app-view"', namespace: 'namespace "team-b"', role: 'ClusterRole "view"', account: "app", subjectNamespace: "the release namespace" },
          line: 17,
          column: 39,
          endLine: 17,
          endColumn: 57,
        },
      ],
    },
    {
      name: "a chart's binding in the release namespace for a ServiceAccount written into another; one without a namespace too",
      originOf: renderedWithReleaseNamespace("app"),
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: app, namespace: default}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: app}
subjects: [{kind: ServiceAccount, name: prometheus, namespace: monitoring}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: app-unset}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: app}
subjects: [{kind: ServiceAccount, name: prometheus, namespace: monitoring}]
`,
      errors: [
        {
          messageId: "crossNamespace",
          data: { binding: 'RoleBinding "app"', namespace: "the release namespace", role: 'Role "app"', account: "prometheus", subjectNamespace: 'namespace "monitoring"' },
          line: 5,
          column: 53,
          endLine: 5,
          endColumn: 74,
        },
        {
          messageId: "crossNamespace",
          data: { binding: 'RoleBinding "app-unset"', namespace: "the release namespace", role: 'Role "app"', account: "prometheus", subjectNamespace: 'namespace "monitoring"' },
          line: 11,
          column: 53,
          endLine: 11,
          endColumn: 74,
        },
      ],
    },
    {
      name: "the authentication reader exemption is for that Role in kube-system only",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: auth-reader, namespace: kube-system}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: extension-apiserver-authentication-reader}
subjects: [{kind: ServiceAccount, name: adapter, namespace: monitoring}]
`,
      errors: [
        {
          messageId: "crossNamespace",
          data: {
            binding: 'RoleBinding "auth-reader"',
            namespace: 'namespace "kube-system"',
            role: 'ClusterRole "extension-apiserver-authentication-reader"',
            account: "adapter",
            subjectNamespace: 'namespace "monitoring"',
          },
          line: 5,
          column: 50,
          endLine: 5,
          endColumn: 71,
        },
      ],
    },
  ],
});
