import { grantRule } from "./grant-rule.js";

/** Objects that decide admission for the whole cluster. */
const ADMISSION_RESOURCES = [
  "mutatingwebhookconfigurations",
  "validatingwebhookconfigurations",
  "mutatingadmissionpolicies",
  "mutatingadmissionpolicybindings",
  "validatingadmissionpolicies",
  "validatingadmissionpolicybindings",
];

export default grantRule({
  meta: {
    id: "rbac-webhook-config",
    title: "Role can change admission webhooks and policies",
    severity: "high",
    rationale:
      "MutatingWebhookConfigurations and ValidatingWebhookConfigurations name the webhooks the API server sends objects to before it stores " +
      "them, and admission policies (ValidatingAdmissionPolicy, MutatingAdmissionPolicy and their bindings) hold the rules it applies itself. " +
      "Whoever can create, change or delete them decides admission for every object in the cluster: a webhook of theirs receives every object " +
      "it asks for, Secrets included, and a mutating one can rewrite pods as they are created; editing or deleting the configurations and " +
      "policies that enforce security switches that enforcement off. They are cluster-scoped, so only a ClusterRole held through a " +
      "ClusterRoleBinding grants this; `resourceNames` narrows changes to the objects named (never `create`, which has no name to match).",
    remediation:
      "Install admission webhooks and policies with the cluster's deployment pipeline. A controller that keeps its own webhook's CA bundle " +
      "current needs only `update` or `patch` narrowed with `resourceNames` to its own configurations.",
    frameworks: [
      { framework: "CIS", control: "5.1.12" },
      { framework: "NSA-CISA", control: "authn-authz/rbac" },
      { framework: "MITRE-ATT&CK", control: "T1562.001" },
      { framework: "PCI-DSS", control: "7.2" },
    ],
    equivalents: { checkov: ["CKV_K8S_155"], trivy: ["KSV114"] },
    example: {
      bad: 'kind: ClusterRole\nrules:\n  - apiGroups: ["admissionregistration.k8s.io"]\n    resources: ["validatingwebhookconfigurations"]\n    verbs: ["get", "update"]',
      good:
        'kind: ClusterRole\nrules:\n  - apiGroups: ["admissionregistration.k8s.io"]\n    resources: ["validatingwebhookconfigurations"]\n' +
        '    resourceNames: ["my-operator-webhook"]\n    verbs: ["get", "update"]',
    },
  },
  grants: [
    {
      id: "controlsAdmission",
      requests: ADMISSION_RESOURCES.map((resource) => ({
        apiGroup: "admissionregistration.k8s.io",
        resource,
        verbs: ["create", "update", "patch", "delete", "deletecollection"],
      })),
      does: "create, change or remove the admission webhooks and policies that check every object",
      doesNamed: "change or remove the admission webhooks and policies {{names}}",
      pointAt: "verb",
      clusterScoped: true,
    },
  ],
});
