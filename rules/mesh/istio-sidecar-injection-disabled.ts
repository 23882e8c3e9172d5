import { defineRule, podLabels, podSpecOf } from "../../src/engine/api.js";
import { describeObject, IN_TRANSIT_FRAMEWORKS } from "./istio.js";
import { injectionOptOut } from "./injection.js";

const DATAPLANE_MODE = "istio.io/dataplane-mode";

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
      "mTLS the same way. Some opt-outs are deliberate (a Job that would never finish with a sidecar, the mesh's own control plane); " +
      "suppress those with a comment saying why.",
    remediation:
      "Remove the opt-out so the pod joins the mesh; for a Job, use native sidecars (Kubernetes 1.28+, Istio's `ENABLE_NATIVE_SIDECARS`) " +
      "so the proxy does not keep it running.",
    frameworks: IN_TRANSIT_FRAMEWORKS,
    equivalents: {},
    example: {
      bad: 'kind: Deployment\nspec:\n  template:\n    metadata:\n      labels:\n        sidecar.istio.io/inject: "false"',
      good: 'kind: Deployment\nspec:\n  template:\n    metadata:\n      labels:\n        app: web',
    },
    messages: {
      injectionOff: '{{workload}} sets the {{via}} sidecar.istio.io/inject: "{{value}}": its pods run without the Istio sidecar, outside the mesh\'s mTLS and authorization policies.',
      ambientOff: '{{workload}} sets the label istio.io/dataplane-mode: none: its pods are left out of the ambient mesh, outside its mTLS and authorization policies.',
    },
  },
  *check(object) {
    const pod = podSpecOf(object);
    if (!pod || pod.spec.hostNetwork === true) return;
    const workload = describeObject(object);
    const optOut = injectionOptOut(pod);
    if (optOut) yield { path: optOut.path, messageId: "injectionOff", data: { workload, via: optOut.via, value: optOut.value } };
    if (podLabels(pod)[DATAPLANE_MODE] === "none") yield { path: [...pod.metadataPath, "labels", DATAPLANE_MODE], messageId: "ambientOff", data: { workload } };
  },
});
