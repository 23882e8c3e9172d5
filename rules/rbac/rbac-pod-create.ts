import { grantRule } from "./grant-rule.js";

export default grantRule({
  meta: {
    id: "rbac-pod-create",
    title: "Role can create pods",
    severity: "medium",
    rationale:
      "Whoever can create a pod in a namespace can run it as any ServiceAccount of that namespace and mount any of its Secrets and ConfigMaps, " +
      "so it holds every permission and credential there; with a permissive Pod Security level it can also run privileged containers and mount the " +
      "node's filesystem. The same holds for every controller that creates pods from a template: Deployments, ReplicaSets, StatefulSets, " +
      "DaemonSets (`apps`), Jobs and CronJobs (`batch`) and ReplicationControllers (core). `create` cannot be narrowed by `resourceNames`: the " +
      "Kubernetes RBAC authorizer knows no name when it authorizes a create, so a rule with names never allows one and is not reported. " +
      "Severity is medium, not high: deploying workloads is the everyday job of CI systems, operators and developers, and what the pods may do " +
      "is still bounded by Pod Security Admission; the finding says who holds the permission, to review.",
    remediation:
      "Let a deployment pipeline or GitOps controller create workloads, and give people and application components read access only. " +
      "Where a component must create pods, give it a namespace of its own whose ServiceAccounts and Secrets are no more than what its pods need, " +
      "and enforce the `restricted` Pod Security level there.",
    frameworks: [
      { framework: "CIS", control: "5.1.4" },
      { framework: "NSA-CISA", control: "authn-authz/rbac" },
      { framework: "MITRE-ATT&CK", control: "T1610" },
      { framework: "PCI-DSS", control: "7.2" },
      { framework: "MITRE-ATT&CK", control: "T1053.007" },
    ],
    equivalents: { kubeLinter: ["access-to-create-pods"], trivy: ["KSV048"] },
    example: {
      bad: 'kind: Role\nrules:\n  - apiGroups: ["apps"]\n    resources: ["deployments"]\n    verbs: ["get", "create"]',
      good: 'kind: Role\nrules:\n  - apiGroups: ["apps"]\n    resources: ["deployments"]\n    verbs: ["get", "list", "watch"]',
    },
  },
  grants: [
    {
      id: "createsPods",
      requests: [{ apiGroup: "", resource: "pods", verbs: ["create"] }],
      does: "create pods that run as any ServiceAccount and mount any Secret",
      pointAt: "verb",
    },
    {
      id: "createsWorkloads",
      requests: [
        ...["deployments", "replicasets", "statefulsets", "daemonsets"].map((resource) => ({ apiGroup: "apps", resource, verbs: ["create"] })),
        ...["jobs", "cronjobs"].map((resource) => ({ apiGroup: "batch", resource, verbs: ["create"] })),
        { apiGroup: "", resource: "replicationcontrollers", verbs: ["create"] },
      ],
      does: "create workloads whose pods run as any ServiceAccount and mount any Secret",
      pointAt: "verb",
    },
  ],
});
