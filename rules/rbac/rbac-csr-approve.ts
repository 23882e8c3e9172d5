import { grantRule } from "./grant-rule.js";

const CERTIFICATES_GROUP = "certificates.k8s.io";

export default grantRule({
  meta: {
    id: "rbac-csr-approve",
    title: "Role can approve certificate signing requests",
    severity: "high",
    rationale:
      "An approved CertificateSigningRequest is signed by its signer, and for the `kubernetes.io/kube-apiserver-client` signer the certificate " +
      "authenticates to the API server as whatever user and groups the request names, `system:masters` included, which bypasses RBAC and " +
      "cannot be revoked short of rotating the cluster CA. Approving takes two permissions: `update` (or `patch`) on " +
      "`certificatesigningrequests/approval` and `approve` on `signers` for the request's signer, which the CertificateApproval admission " +
      "plugin checks. A role is reported when it grants both, in any of its rules, at the approval resource; one that grants only one half " +
      "cannot approve on its own. Both are cluster-scoped, so only a ClusterRole held through a ClusterRoleBinding grants them. " +
      "`resourceNames` on either narrows it to the requests or signers named (`kubernetes.io/kubelet-serving`, `example.com/*`), which the " +
      "message says.",
    remediation:
      "Leave approval to the built-in approvers of kube-controller-manager and to people. An approver for a signer of its own should get " +
      "`approve` narrowed with `resourceNames` to that signer, never to a `kubernetes.io/kube-apiserver-client` one.",
    frameworks: [
      { framework: "CIS", control: "5.1.11" },
      { framework: "NSA-CISA", control: "authn-authz/rbac" },
      { framework: "MITRE-ATT&CK", control: "T1649" },
      { framework: "PCI-DSS", control: "7.2" },
    ],
    equivalents: { kubeLinter: ["approve-signers-without-resource-names"], checkov: ["CKV_K8S_156"] },
    example: {
      bad:
        'kind: ClusterRole\nrules:\n  - apiGroups: ["certificates.k8s.io"]\n    resources: ["certificatesigningrequests/approval"]\n    verbs: ["update"]\n' +
        '  - apiGroups: ["certificates.k8s.io"]\n    resources: ["signers"]\n    verbs: ["approve"]',
      good:
        'kind: ClusterRole\nrules:\n  - apiGroups: ["certificates.k8s.io"]\n    resources: ["certificatesigningrequests/approval"]\n    verbs: ["update"]\n' +
        '  - apiGroups: ["certificates.k8s.io"]\n    resources: ["signers"]\n    resourceNames: ["example.com/my-signer"]\n    verbs: ["approve"]',
    },
  },
  grants: [
    {
      id: "approvesCertificates",
      requests: [{ apiGroup: CERTIFICATES_GROUP, resource: "certificatesigningrequests/approval", verbs: ["update", "patch"] }],
      alsoNeeds: [{ apiGroup: CERTIFICATES_GROUP, resource: "signers", verbs: ["approve"] }],
      does: "approve certificate signing requests of every signer, client certificates for any user and group included,",
      doesNamed: "approve certificate signing requests, narrowed to the requests or signers {{names}},",
      pointAt: "resource",
      clusterScoped: true,
    },
  ],
});
