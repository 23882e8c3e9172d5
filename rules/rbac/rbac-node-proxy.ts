import { grantRule } from "./grant-rule.js";

export default grantRule({
  meta: {
    id: "rbac-node-proxy",
    title: "Role can reach the kubelet API through nodes/proxy",
    severity: "high",
    rationale:
      "`nodes/proxy` passes requests through the API server to a node's kubelet, and the kubelet authorizes its own API by the same subresource: " +
      "the verb follows the HTTP method (`get` for GET, `create` for POST, and so on). The kubelet API runs commands in every container on the node " +
      "(`/exec`, `/run`, also over a WebSocket opened with GET, so `get` alone is enough), reads their logs and lists their pods. Commands sent " +
      "this way skip the API server's admission control, and reaching the kubelet directly leaves no record in the API server's audit log. " +
      "Nodes are cluster-scoped, so only a ClusterRole held through a ClusterRoleBinding grants it; `resourceNames` narrows it to the nodes named.",
    remediation:
      "Grant the fine-grained kubelet subresources a component needs (`nodes/metrics`, `nodes/stats`, `nodes/log`, and from Kubernetes 1.36 " +
      "`nodes/healthz`, `nodes/pods`, `nodes/configz`) instead of `nodes/proxy`; monitoring agents rarely need more.",
    frameworks: [
      { framework: "CIS", control: "5.1.10" },
      { framework: "NSA-CISA", control: "authn-authz/rbac" },
      { framework: "MITRE-ATT&CK", control: "T1609" },
      { framework: "PCI-DSS", control: "7.2" },
    ],
    equivalents: { checkov: ["CKV2_K8S_2"], trivy: ["KSV047"] },
    example: {
      bad: 'kind: ClusterRole\nrules:\n  - apiGroups: [""]\n    resources: ["nodes/proxy"]\n    verbs: ["get"]',
      good: 'kind: ClusterRole\nrules:\n  - apiGroups: [""]\n    resources: ["nodes/metrics", "nodes/stats"]\n    verbs: ["get"]',
    },
  },
  grants: [
    {
      id: "proxyToKubelets",
      requests: [{ apiGroup: "", resource: "nodes/proxy", verbs: ["get", "create", "update", "patch", "delete"] }],
      does: "run commands in every pod of every node through the kubelet API, past admission and audit,",
      doesNamed: "run commands in every pod of the nodes {{names}} through the kubelet API, past admission and audit,",
      pointAt: "resource",
      clusterScoped: true,
    },
  ],
});
