import { arrayOf, defineRule, type K8sObject, type Path } from "../../src/engine/api.js";
import { annotationsOf, describeObject, isService, specOf } from "./exposure.js";

/** The annotation Kubernetes reads for source ranges when `spec.loadBalancerSourceRanges` is empty. */
const SOURCE_RANGES_ANNOTATION = "service.beta.kubernetes.io/load-balancer-source-ranges";

/** Annotations by which cloud controllers make a load balancer internal (reachable from the private network only), and the values that do. */
const INTERNAL_LOAD_BALANCER: ReadonlyMap<string, RegExp> = new Map([
  ["service.beta.kubernetes.io/aws-load-balancer-internal", /^(true|0\.0\.0\.0\/0)$/i],
  ["service.beta.kubernetes.io/aws-load-balancer-scheme", /^internal$/i],
  ["service.beta.kubernetes.io/azure-load-balancer-internal", /^true$/i],
  ["networking.gke.io/load-balancer-type", /^internal$/i],
  ["cloud.google.com/load-balancer-type", /^internal$/i],
  ["service.beta.kubernetes.io/openstack-internal-load-balancer", /^true$/i],
  ["service.beta.kubernetes.io/oci-load-balancer-internal", /^true$/i],
  ["service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type", /^private$/i],
  ["service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type", /^intranet$/i],
]);

/** A CIDR with prefix length 0 (`0.0.0.0/0`, `::/0`) admits every address of its family. */
function isOpenRange(range: string): boolean {
  return /\/0+$/.test(range.trim());
}

/** One source range as written, and where. */
interface SourceRange {
  range: string;
  path: Path;
}

/** The source ranges Kubernetes applies: the spec's list, or else the annotation's comma-separated list. */
function sourceRanges(object: K8sObject): SourceRange[] {
  const written = arrayOf(specOf(object).loadBalancerSourceRanges).flatMap((range, index) =>
    typeof range === "string" && range.trim() !== "" ? [{ range, path: ["spec", "loadBalancerSourceRanges", index] }] : [],
  );
  if (written.length > 0) return written;
  const annotation = annotationsOf(object).find(([key]) => key === SOURCE_RANGES_ANNOTATION)?.[1] ?? "";
  const path = ["metadata", "annotations", SOURCE_RANGES_ANNOTATION];
  return annotation.split(",").flatMap((range) => (range.trim() === "" ? [] : [{ range: range.trim(), path }]));
}

export default defineRule({
  meta: {
    id: "service-load-balancer-unrestricted",
    title: "LoadBalancer Service accepts traffic from any address",
    severity: "medium",
    category: "network",
    rationale:
      "A Service of `type: LoadBalancer` asks the cloud controller for a load balancer with an address of its own, usually a public one. " +
      "Who may connect is `spec.loadBalancerSourceRanges`, or, when that list is empty, the comma-separated annotation " +
      "`service.beta.kubernetes.io/load-balancer-source-ranges`; with neither, Kubernetes applies `0.0.0.0/0` " +
      "(`GetLoadBalancerSourceRanges` in Kubernetes' pkg/api/v1/service/util.go), and a range of prefix length 0 (`0.0.0.0/0`, `::/0`) " +
      "means the same. Such a Service is open to the internet, and its pods with it. Ingress controllers (ingress-nginx's chart " +
      "defaults its controller Service to LoadBalancer) are public on purpose: for them the finding asks whether the whole internet " +
      "is meant, and stays, since it is an exposure decision a reviewer should see. A load balancer made internal by its cloud's " +
      "annotation (`service.beta.kubernetes.io/aws-load-balancer-scheme: internal`, `networking.gke.io/load-balancer-type: Internal`, " +
      "`service.beta.kubernetes.io/azure-load-balancer-internal: \"true\"` and their equivalents on OpenStack, OCI, IBM Cloud and " +
      "Alibaba Cloud) is reachable from the private network only and is not reported.",
    remediation:
      "List the networks that need the service in `spec.loadBalancerSourceRanges` (office, VPN or partner ranges), or make the load " +
      "balancer internal with the cloud's annotation. For a public entry point meant for everyone (a website's ingress controller), " +
      "suppress the finding with that reason, and keep authentication and TLS in front of every backend behind it.",
    frameworks: [
      { framework: "NSA-CISA", control: "network/network-policies" },
      { framework: "MITRE-ATT&CK", control: "T1190" },
      { framework: "PCI-DSS", control: "1.4" },
    ],
    equivalents: { kubeLinter: ["exposed-services"] },
    messages: {
      noSourceRanges: "{{service}} has type LoadBalancer and no source ranges, so its load balancer accepts connections from any address.",
      openSourceRange: '{{service}} has type LoadBalancer and allows source range "{{range}}", which is every address.',
    },
    example: {
      bad: "kind: Service\nspec:\n  type: LoadBalancer\n  ports:\n    - port: 443",
      good: "kind: Service\nspec:\n  type: LoadBalancer\n  loadBalancerSourceRanges:\n    - 203.0.113.0/24\n  ports:\n    - port: 443",
    },
  },
  appliesTo: { kinds: ["Service"] },
  *check(object) {
    if (!isService(object) || specOf(object).type !== "LoadBalancer") return;
    if (annotationsOf(object).some(([key, value]) => INTERNAL_LOAD_BALANCER.get(key)?.test(value.trim()))) return;
    const service = describeObject(object);
    const ranges = sourceRanges(object);
    if (ranges.length === 0) {
      yield { path: ["spec", "type"], messageId: "noSourceRanges", data: { service } };
      return;
    }
    for (const { range, path } of ranges) {
      if (isOpenRange(range)) yield { path, messageId: "openSourceRange", data: { service, range: range.trim() } };
    }
  },
});
