import { defineRule, lookupNamespace, POD_SPEC_OBJECTS, podLabels, podSpecOf } from "../../src/engine/api.js";
import { describeObject, IN_TRANSIT_FRAMEWORKS, ROOT_NAMESPACE_OPTION } from "./istio.js";
import { injectionOptIn, injectionOptOut } from "./injection.js";

const DATAPLANE_MODE = "istio.io/dataplane-mode";
/** The label Istio's charts put on the mesh's own components (Pilot, gateways, CNI, ztunnel). */
const ISTIO_COMPONENT = "operator.istio.io/component";

export default defineRule({
  meta: {
    id: "istio-sidecar-injection-disabled",
    title: "Pod opts out of the Istio mesh",
    severity: "medium",
    category: "mesh",
    rationale:
      "A pod whose template sets `sidecar.istio.io/inject` to false (\"Specifies whether or not an Envoy sidecar should be automatically " +
      "injected into the workload\", Istio's resource annotations) runs without a sidecar: its traffic is neither encrypted nor " +
      "authenticated by mTLS, no AuthorizationPolicy guards it, and under a STRICT PeerAuthentication it cannot even reach the mesh, " +
      "which tempts people to relax the mesh for it. Istio's injector (pkg/kube/inject/webhook.go) prefers the label to the annotation " +
      "when both are set, and so does the rule; `hostNetwork` pods, which Istio never injects, are left out. In ambient mode the pod " +
      "label `istio.io/dataplane-mode: none` (Istio's resource labels: possible values ambient, none) takes the pod out of ztunnel's " +
      "mTLS the same way, unless the pod has a sidecar or is a gateway's proxy (\"The sidecar takes precedence over ztunnel for pods that " +
      "have both\", Istio's ambient migration guide). The mesh's own pods are left out: those of the root namespace (`meshRootNamespace`), " +
      "where Istio runs its control plane and add-ons without sidecars, and those Istio's charts label `operator.istio.io/component` " +
      "(istiod, gateways, CNI, ztunnel). Other opt-outs may be deliberate (a Job that would never finish with a sidecar); suppress those " +
      "with a comment saying why.",
    remediation:
      "Remove the opt-out so the pod joins the mesh; for a Job, use native sidecars (Kubernetes 1.28+, Istio's `ENABLE_NATIVE_SIDECARS`) " +
      "so the proxy does not keep it running.",
    frameworks: IN_TRANSIT_FRAMEWORKS,
    equivalents: {},
    options: ROOT_NAMESPACE_OPTION,
    example: {
      bad: 'kind: Deployment\nspec:\n  template:\n    metadata:\n      labels:\n        sidecar.istio.io/inject: "false"',
      good: 'kind: Deployment\nspec:\n  template:\n    metadata:\n      labels:\n        app: web',
    },
    messages: {
      injectionOff: '{{workload}} sets the {{via}} sidecar.istio.io/inject: "{{value}}": its pods run without the Istio sidecar, outside the mesh\'s mTLS and authorization policies.',
      ambientOff: '{{workload}} sets the label istio.io/dataplane-mode: none: its pods are left out of the ambient mesh, outside its mTLS and authorization policies.',
    },
  },
  appliesTo: POD_SPEC_OBJECTS,
  *check(object, { options }) {
    const pod = podSpecOf(object);
    if (!pod || pod.spec.hostNetwork === true) return;
    if (lookupNamespace(object) === options.meshRootNamespace || Object.hasOwn(podLabels(pod), ISTIO_COMPONENT)) return;
    const workload = describeObject(object);
    const optOut = injectionOptOut(pod);
    if (optOut) yield { path: optOut.path, messageId: "injectionOff", data: { workload, via: optOut.via, value: optOut.value } };
    // A pod with a sidecar (or a gateway's proxy) is in the mesh whatever ztunnel does: the sidecar takes precedence.
    if (podLabels(pod)[DATAPLANE_MODE] === "none" && !injectionOptIn(pod)) yield { path: [...pod.metadataPath, "labels", DATAPLANE_MODE], messageId: "ambientOff", data: { workload } };
  },
});
