import { arrayOf, defineRule } from "../../src/engine/api.js";
import { describeObject, isService, specOf } from "./exposure.js";

export default defineRule({
  meta: {
    id: "service-external-ips",
    title: "Service sets externalIPs (CVE-2020-8554)",
    severity: "medium",
    category: "network",
    rationale:
      "`spec.externalIPs` makes every node's kube-proxy capture traffic to those addresses and send it to the Service's pods, on any " +
      "node and from any pod. Kubernetes does not check that the addresses belong to the cluster or to whoever creates the Service: " +
      "CVE-2020-8554 (kubernetes/kubernetes#97076) is exactly that, a person who may create Services intercepting cluster traffic to " +
      "any IP, a DNS server or a database outside the cluster among them. The fix Kubernetes offers is to forbid the field, with the " +
      "`DenyServiceExternalIPs` admission plugin (1.21+) or a policy; a manifest that sets it needs a cluster that allows it, and a " +
      "reviewer should check that the addresses are the cluster's own.",
    remediation:
      "Remove `spec.externalIPs`. Expose the Service with `type: LoadBalancer` (MetalLB or the cloud's controller hands out addresses " +
      "it owns) or through an Ingress or Gateway. If the addresses are really assigned to the nodes by you (bare metal), keep them, " +
      "make sure admission restricts externalIPs to that list for everyone else, and suppress the finding with that reason.",
    frameworks: [
      { framework: "NSA-CISA", control: "network/network-policies" },
      { framework: "MITRE-ATT&CK", control: "T1557" },
      { framework: "PCI-DSS", control: "1.4" },
    ],
    equivalents: { trivy: ["KSV108"] },
    messages: {
      externalIps: "{{service}} sets externalIPs {{addresses}}: every node captures traffic to them for this Service, whoever owns the addresses (CVE-2020-8554).",
    },
    example: {
      bad: "kind: Service\nspec:\n  selector: {app: web}\n  externalIPs:\n    - 198.51.100.7\n  ports:\n    - port: 80",
      good: "kind: Service\nspec:\n  type: LoadBalancer\n  selector: {app: web}\n  ports:\n    - port: 80",
    },
  },
  appliesTo: { kinds: ["Service"] },
  *check(object) {
    if (!isService(object)) return;
    const addresses = arrayOf(specOf(object).externalIPs).filter((address): address is string => typeof address === "string" && address !== "");
    if (addresses.length === 0) return;
    yield { path: ["spec", "externalIPs"], messageId: "externalIps", data: { service: describeObject(object), addresses: addresses.join(", ") } };
  },
});
