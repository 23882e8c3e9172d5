import { arrayOf, defineRule, recordOf } from "../../src/engine/api.js";
import { describeObject, isService, specOf } from "./exposure.js";

export default defineRule({
  meta: {
    id: "service-node-port",
    title: "Service opens a port on every node (type NodePort)",
    severity: "medium",
    category: "network",
    rationale:
      "A Service of `type: NodePort` is reachable on a port from the node port range (30000-32767 by default) of every node in the " +
      "cluster, on every address of the node (Kubernetes documentation, Service type NodePort; kube-proxy's `--nodeport-addresses` " +
      "narrows the addresses for the whole cluster). Whoever can reach any node reaches the Service's pods directly, past the Ingress " +
      "or Gateway that would terminate TLS and authenticate, and with `externalTrafficPolicy: Cluster` the pods see a node's address " +
      "instead of the client's, so NetworkPolicies cannot tell callers apart. LoadBalancer Services allocate node ports too, as their " +
      "load balancer's backends; service-load-balancer-unrestricted reports those.",
    remediation:
      "Use `type: ClusterIP` and expose the application through an Ingress or a Gateway; `kubectl port-forward` serves a person's own " +
      "access. Where nodes must be reached directly (bare metal, a load balancer you run in front of the nodes), keep the node port " +
      "behind node firewall rules and suppress the finding with that reason.",
    frameworks: [
      { framework: "NSA-CISA", control: "network/network-policies" },
      { framework: "MITRE-ATT&CK", control: "T1190" },
      { framework: "PCI-DSS", control: "1.4" },
    ],
    equivalents: { kubeLinter: ["exposed-services"], kubeScore: ["service-type"] },
    messages: {
      nodePort: "{{service}} has type NodePort: every node of the cluster accepts traffic for it on {{ports}}.",
    },
    example: {
      bad: "kind: Service\nspec:\n  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 30080",
      good: "kind: Service\nspec:\n  type: ClusterIP\n  ports:\n    - port: 80",
    },
  },
  appliesTo: { kinds: ["Service"] },
  *check(object) {
    if (!isService(object)) return;
    const spec = specOf(object);
    if (spec.type !== "NodePort") return;
    const entries = arrayOf(spec.ports);
    const nodePorts = entries.flatMap((port) => {
      const { nodePort } = recordOf(port);
      return typeof nodePort === "number" ? [nodePort] : [];
    });
    const allocated = Math.max(entries.length, 1) - nodePorts.length;
    const fixed = nodePorts.length === 0 ? [] : [`${nodePorts.length === 1 ? "node port" : "node ports"} ${nodePorts.join(", ")}`];
    const fromRange = allocated === 0 ? [] : [allocated === 1 ? "a port allocated from the node port range" : `${allocated} ports allocated from the node port range`];
    const ports = [...fixed, ...fromRange].join(" and ");
    yield { path: ["spec", "type"], messageId: "nodePort", data: { service: describeObject(object), ports } };
  },
});
