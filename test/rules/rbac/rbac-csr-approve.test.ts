import rule from "../../../rules/rbac/rbac-csr-approve.js";
import { bindingsOf, everythingAndAggregated, grantedInNamespaceOnly, relatedOfBindings } from "../../helpers/manifests.js";
import { testRule } from "../../helpers/rule-tester.js";

const APPROVE_RULE = `  - apiGroups: [certificates.k8s.io]
    resources: [certificatesigningrequests/approval, signers]
    verbs: [update, approve]
`;
const APPROVER = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: approver}
rules:
${APPROVE_RULE}`;
const approver = { role: 'ClusterRole "approver"', where: "in the cluster", who: "" };

testRule(rule, {
  valid: [
    {
      name: "only one half: update on the approval subresource without approve on a signer",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: half-approval}
rules:
  - apiGroups: [certificates.k8s.io]
    resources: [certificatesigningrequests, certificatesigningrequests/approval]
    verbs: [get, list, update]
  - apiGroups: [certificates.k8s.io]
    resources: [signers]
    verbs: [sign]
`,
    },
    {
      name: "only the other half: approve on signers, with status and reads of the requests",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: half-signer}
rules:
  - apiGroups: [certificates.k8s.io]
    resources: [certificatesigningrequests, certificatesigningrequests/status]
    verbs: [get, update]
  - apiGroups: [certificates.k8s.io]
    resources: [signers]
    verbs: [approve]
`,
    },
    {
      name: "CSRs are cluster-scoped: a Role cannot approve, nor can a ClusterRole that only a RoleBinding grants",
      yaml: grantedInNamespaceOnly("approver", APPROVE_RULE),
    },
    { name: "a rule granting everything is left to rbac-wildcard; an aggregated ClusterRole", yaml: everythingAndAggregated(APPROVE_RULE) },
  ],
  invalid: [
    {
      name: "update on the approval subresource and approve on every signer in two rules: reported at the approval resource",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: approver}
rules:
  - apiGroups: [certificates.k8s.io]
    resources: [certificatesigningrequests, certificatesigningrequests/approval]
    verbs: [get, update]
  - apiGroups: [certificates.k8s.io]
    resources: [signers]
    verbs: [approve]
`,
      errors: [
        {
          messageId: "approvesCertificates",
          data: approver,
          line: 6,
          column: 45,
          endLine: 6,
          endColumn: 80,
          message:
            'ClusterRole "approver" can approve certificate signing requests of every signer, client certificates for any user and group included, in the cluster.',
          related: [],
        },
      ],
    },
    {
      name: "wildcards: `*/approval` with patch, and `*` verbs on signers through `*` resources; a rule granting everything supplies the signer half",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: approver}
rules:
  - apiGroups: [certificates.k8s.io]
    resources: ["*/approval"]
    verbs: [patch]
  - apiGroups: [certificates.k8s.io]
    resources: ["*"]
    verbs: ["*"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: admin-ish}
rules:
  - apiGroups: [certificates.k8s.io]
    resources: [certificatesigningrequests/approval]
    verbs: [update]
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
`,
      errors: [
        { messageId: "approvesCertificates", data: approver, line: 6, column: 17, endLine: 6, endColumn: 29 },
        { messageId: "approvesCertificates", data: approver, line: 9, column: 17, endLine: 9, endColumn: 20 },
        { messageId: "approvesCertificates", data: { ...approver, role: 'ClusterRole "admin-ish"' }, line: 17, column: 17, endLine: 17, endColumn: 52 },
      ],
    },
    {
      name: "resourceNames on the signers narrow it, the message names them; a ClusterRoleBinding is a related location",
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: kubelet-serving-approver}
rules:
  - apiGroups: [certificates.k8s.io]
    resources: [certificatesigningrequests/approval]
    verbs: [update]
  - apiGroups: [certificates.k8s.io]
    resources: [signers]
    resourceNames: [kubernetes.io/kubelet-serving]
    verbs: [approve]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: kubelet-serving-approver}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: kubelet-serving-approver}
subjects: [{kind: ServiceAccount, name: approver, namespace: kube-system}]
`,
      errors: [
        {
          messageId: "approvesCertificatesNamed",
          data: {
            role: 'ClusterRole "kubelet-serving-approver"',
            where: "in the cluster",
            who: '; ClusterRoleBinding "kubelet-serving-approver" grants ClusterRole "kubelet-serving-approver" to ServiceAccount "kube-system/approver"',
            names: '"kubernetes.io/kubelet-serving"',
          },
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 52,
          message: 'can approve certificate signing requests, narrowed to the requests or signers "kubernetes.io/kubelet-serving", in the cluster',
          related: [
            {
              line: 16,
              column: 67,
              message: 'ClusterRoleBinding "kubelet-serving-approver" grants ClusterRole "kubelet-serving-approver" to ServiceAccount "kube-system/approver".',
            },
          ],
        },
      ],
    },
    {
      name: "a ClusterRole held through a RoleBinding and a ClusterRoleBinding takes effect; both are related locations",
      yaml: APPROVER + bindingsOf("approver", "pki", true),
      errors: [
        {
          messageId: "approvesCertificates",
          data: { ...approver, who: "; 2 bindings grant it (related locations)" },
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 52,
          related: relatedOfBindings("approver", "pki", 7),
        },
      ],
    },
  ],
});
