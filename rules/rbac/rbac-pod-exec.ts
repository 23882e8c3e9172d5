import { grantRule } from "./grant-rule.js";

/** Verbs of the streaming subresources: an SPDY client sends POST (`create`), a WebSocket client GET (`get`). */
const STREAM_VERBS = ["create", "get"];

export default grantRule({
  meta: {
    id: "rbac-pod-exec",
    title: "Role can run commands in running pods",
    severity: "high",
    rationale:
      "`pods/exec` runs any command in a container of a running pod, `pods/attach` joins the standard input and output of its main process, " +
      "and `pods/portforward` connects to any of its ports through the API server and the kubelet, ports that no Service exposes included. " +
      "Each gives the holder what the container has: its service account token, mounted Secrets, files and network reach, so one subject that " +
      "can exec into a privileged or highly trusted pod holds its power. SPDY clients (kubectl before 1.30) open these streams with POST, " +
      "authorized as `create`; WebSocket clients (kubectl 1.30 and later, browsers) with GET, authorized as `get` unless the API server's " +
      "AuthorizePodWebsocketUpgradeCreatePermission feature asks for `create` too: either verb grants them. `pods/ephemeralcontainers` (`update` or `patch`) adds a container, with any image and settings, to a running " +
      "pod, which `kubectl debug` uses: it runs in the pod's namespaces with its volumes. A `*/exec` resource item grants exec on every resource " +
      "with such a subresource, as the Kubernetes RBAC authorizer matches; `resourceNames` narrows it to the pods named, which the message says.",
    remediation:
      "Keep exec, attach, port-forward and ephemeral containers for break-glass access of people, granted for a time in one namespace; " +
      "components seldom need them. Where a component must exec, narrow it with `resourceNames` to the pods it manages, and prefer an API of the " +
      "application over a shell.",
    frameworks: [
      { framework: "NSA-CISA", control: "authn-authz/rbac" },
      { framework: "MITRE-ATT&CK", control: "T1609" },
      { framework: "PCI-DSS", control: "7.2" },
    ],
    equivalents: {
      polaris: ["clusterrolePodExecAttach", "rolePodExecAttach"],
      checkov: ["CKV2_K8S_2"],
      trivy: ["KSV053", "KSV054"],
    },
    example: {
      bad: 'kind: Role\nrules:\n  - apiGroups: [""]\n    resources: ["pods", "pods/exec"]\n    verbs: ["get", "create"]',
      good: 'kind: Role\nrules:\n  - apiGroups: [""]\n    resources: ["pods", "pods/log"]\n    verbs: ["get", "list"]',
    },
  },
  grants: [
    {
      id: "execIntoPods",
      requests: [{ apiGroup: "", resource: "pods/exec", verbs: STREAM_VERBS }],
      does: "run commands in every pod",
      doesNamed: "run commands in the pods {{names}}",
      pointAt: "resource",
    },
    {
      id: "attachToPods",
      requests: [{ apiGroup: "", resource: "pods/attach", verbs: STREAM_VERBS }],
      does: "attach to the processes of every pod",
      doesNamed: "attach to the processes of the pods {{names}}",
      pointAt: "resource",
    },
    {
      id: "addEphemeralContainers",
      requests: [{ apiGroup: "", resource: "pods/ephemeralcontainers", verbs: ["update", "patch"] }],
      does: "add a container with any image and settings to every running pod",
      doesNamed: "add a container with any image and settings to the pods {{names}}",
      pointAt: "resource",
    },
    {
      id: "portForwardToPods",
      requests: [{ apiGroup: "", resource: "pods/portforward", verbs: STREAM_VERBS }],
      does: "connect to any port of every pod",
      doesNamed: "connect to any port of the pods {{names}}",
      pointAt: "resource",
    },
  ],
});
