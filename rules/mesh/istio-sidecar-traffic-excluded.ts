import { defineRule, POD_SPEC_OBJECTS, podAnnotations, podSpecOf } from "../../src/engine/api.js";
import { describeObject, IN_TRANSIT_FRAMEWORKS } from "./istio.js";

/** The annotations that take traffic away from the sidecar, with what the message says bypasses it. */
const EXCLUSIONS: ReadonlyArray<readonly [annotation: string, what: string]> = [
  ["traffic.sidecar.istio.io/excludeInboundPorts", "inbound connections to ports {value}"],
  ["traffic.sidecar.istio.io/excludeOutboundPorts", "outbound connections to ports {value}"],
  ["traffic.sidecar.istio.io/excludeOutboundIPRanges", "outbound connections to {value}"],
];

/** The include annotations, whose empty value turns redirection off altogether ("An empty list will disable all … redirection"). */
const INCLUSIONS: ReadonlyArray<readonly [annotation: string, direction: string]> = [
  ["traffic.sidecar.istio.io/includeInboundPorts", "inbound"],
  ["traffic.sidecar.istio.io/includeOutboundIPRanges", "outbound"],
];

export default defineRule({
  meta: {
    id: "istio-sidecar-traffic-excluded",
    title: "Pod annotation lets traffic bypass the Istio sidecar",
    severity: "medium",
    category: "mesh",
    rationale:
      "Istio redirects a pod's traffic through its sidecar with iptables rules that pod annotations shape (Istio's resource annotations): " +
      "`traffic.sidecar.istio.io/excludeInboundPorts` (\"inbound ports to be excluded from redirection to Envoy\"), `excludeOutboundPorts` " +
      "and `excludeOutboundIPRanges` (\"IP ranges in CIDR form to be excluded from redirection\"). Traffic they exclude never reaches the " +
      "proxy: inbound connections to those ports skip mTLS and every AuthorizationPolicy, and outbound connections leave without mTLS " +
      "or egress control. `includeInboundPorts` or `includeOutboundIPRanges` set to the empty string \"will disable all\" redirection of " +
      "that direction. Such exclusions are sometimes needed (a webhook port the API server calls, a node-local metadata endpoint); each " +
      "should be narrow and explained. The finding points at the annotation.",
    remediation:
      "Remove the exclusion, or narrow it to the one port or address range that must bypass the proxy and say why in a comment; protect " +
      "an excluded inbound port with a NetworkPolicy instead.",
    frameworks: IN_TRANSIT_FRAMEWORKS,
    equivalents: {},
    example: {
      bad: 'kind: Deployment\nspec:\n  template:\n    metadata:\n      annotations:\n        traffic.sidecar.istio.io/excludeInboundPorts: "8080"',
      good: "kind: Deployment\nspec:\n  template:\n    metadata:\n      annotations: {}",
    },
    messages: {
      excluded: "{{workload}} sets {{annotation}}: {{what}} bypass the Istio sidecar, without mTLS or authorization policies.",
      redirectionOff: '{{workload}} sets {{annotation}} to "": all {{direction}} traffic bypasses the Istio sidecar, without mTLS or authorization policies.',
    },
  },
  appliesTo: POD_SPEC_OBJECTS,
  *check(object) {
    const pod = podSpecOf(object);
    if (!pod) return;
    const annotations = podAnnotations(pod);
    const workload = describeObject(object);
    const at = (annotation: string) => [...pod.metadataPath, "annotations", annotation];
    for (const [annotation, what] of EXCLUSIONS) {
      const value = annotations[annotation];
      if (typeof value !== "string" || value.trim() === "") continue;
      yield { path: at(annotation), messageId: "excluded", data: { workload, annotation, what: what.replace("{value}", value.trim()) } };
    }
    for (const [annotation, direction] of INCLUSIONS) {
      if (annotations[annotation] === "") yield { path: at(annotation), messageId: "redirectionOff", data: { workload, annotation, direction } };
    }
  },
});
