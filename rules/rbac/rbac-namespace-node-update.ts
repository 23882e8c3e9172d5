import { grantRule } from "./grant-rule.js";

export default grantRule({
  meta: {
    id: "rbac-namespace-node-update",
    title: "Role can relabel namespaces or nodes",
    severity: "medium",
    rationale:
      "Pod Security Admission reads its level from the `pod-security.kubernetes.io/*` labels of a namespace, so whoever can `update` or `patch` " +
      "a namespace can set it to `privileged` and then run privileged pods there. A Role or RoleBinding grants this for its own namespace (the " +
      "API server authorizes a request on a namespace within that namespace), a ClusterRoleBinding for every namespace. Node labels and taints " +
      "decide where pods run: whoever can update a node can steer pods, other tenants' included, onto a node it controls by labels they select, " +
      "or remove the taints that keep workloads off control-plane nodes. Nodes are cluster-scoped, so only a ClusterRole held through a " +
      "ClusterRoleBinding grants that. `resourceNames` narrows either to the objects named. Severity is medium: each is one step of an attack " +
      "that needs further permissions (creating pods, or a node of one's own), not control by itself.",
    remediation:
      "Manage namespaces and node labels with the cluster's deployment pipeline; components that annotate nodes or namespaces should get " +
      "`patch` narrowed with `resourceNames` where they can, and a validating admission policy can refuse changes to the pod-security labels.",
    frameworks: [
      { framework: "NSA-CISA", control: "authn-authz/rbac" },
      { framework: "MITRE-ATT&CK", control: "T1562.001" },
      { framework: "PCI-DSS", control: "7.2" },
    ],
    equivalents: {},
    example: {
      bad: 'kind: Role\nrules:\n  - apiGroups: [""]\n    resources: ["namespaces"]\n    verbs: ["get", "patch"]',
      good: 'kind: Role\nrules:\n  - apiGroups: [""]\n    resources: ["namespaces"]\n    verbs: ["get"]',
    },
  },
  grants: [
    {
      id: "relabelsNodes",
      requests: [{ apiGroup: "", resource: "nodes", verbs: ["update", "patch"] }],
      does: "change the labels and taints of every node, and so where pods run,",
      doesNamed: "change the labels and taints of the nodes {{names}}, and so where pods run,",
      pointAt: "verb",
      clusterScoped: true,
    },
    {
      id: "relabelsNamespaces",
      requests: [{ apiGroup: "", resource: "namespaces", verbs: ["update", "patch"] }],
      does: "change namespace labels, and so switch off Pod Security Admission,",
      doesNamed: "change the labels of the namespaces {{names}}, and so switch off their Pod Security Admission,",
      pointAt: "verb",
    },
  ],
});
