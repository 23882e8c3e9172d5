import { defineRule, recordOf, type K8sObject, type ObjectIndex, type RelatedPlace } from "../../src/engine/api.js";
import { describeObject, IN_TRANSIT_FRAMEWORKS, isIstioConfig, ISTIO_KINDS, ROOT_NAMESPACE_OPTION } from "./istio.js";

/** Namespace labels that take a namespace's pods out of the mesh, and the value that does it. */
const OPT_OUTS = [
  { label: "istio-injection", value: "disabled", effect: "its new pods get no sidecar" },
  { label: "istio.io/dataplane-mode", value: "none", effect: "its pods are left out of the ambient mesh" },
] as const;

/** Namespaces the mesh leaves alone on purpose: Kubernetes' own. The root namespace is the option's. */
const SYSTEM_NAMESPACES = new Set(["kube-system", "kube-public", "kube-node-lease"]);

const labelsOf = (object: K8sObject) => recordOf(recordOf(object.body.metadata).labels);

/** A Namespace labelled into the mesh: sidecar injection, a revision, or ambient. */
function joinsMesh(namespace: K8sObject): string | undefined {
  const labels = labelsOf(namespace);
  if (labels["istio-injection"] === "enabled") return "istio-injection: enabled";
  if (typeof labels["istio.io/rev"] === "string") return `istio.io/rev: ${labels["istio.io/rev"]}`;
  if (labels["istio.io/dataplane-mode"] === "ambient") return "istio.io/dataplane-mode: ambient";
  return undefined;
}

/** What shows a scope uses the mesh: an Istio object, or a Namespace labelled into it; the first found, once per index. */
const evidence = new WeakMap<ObjectIndex, RelatedPlace | null>();

function meshInUse(index: ObjectIndex): RelatedPlace | undefined {
  const known = evidence.get(index);
  if (known !== undefined) return known ?? undefined;
  let found: RelatedPlace | null = null;
  for (const kind of ISTIO_KINDS) {
    const object = index.ofKind(kind).find(isIstioConfig);
    if (object) {
      found = { object, path: ["kind"], message: `${describeObject(object)} is linted with it: the mesh is in use.` };
      break;
    }
  }
  if (!found) {
    const labelled = index.ofKind("Namespace").map((namespace) => ({ namespace, label: joinsMesh(namespace) })).find(({ label }) => label !== undefined);
    if (labelled) found = { object: labelled.namespace, path: ["metadata", "labels"], message: `Namespace "${labelled.namespace.name}" joins the mesh (${labelled.label}).` };
  }
  evidence.set(index, found);
  return found ?? undefined;
}

export default defineRule({
  meta: {
    id: "istio-namespace-mesh-opt-out",
    title: "Namespace opts out of the Istio mesh",
    severity: "medium",
    category: "mesh",
    rationale:
      "Istio injects sidecars into the pods of namespaces labelled `istio-injection: enabled` (or `istio.io/rev`), and `istio-injection: " +
      "disabled` turns injection off for the whole namespace (Istio's \"Installing the Sidecar\": the injector's webhook selects namespaces " +
      "by that label). In ambient mode, the label `istio.io/dataplane-mode` (\"Possible values: ambient, none\", Istio's resource labels) set " +
      "to `none` keeps the namespace's pods out of ztunnel. Pods of such a namespace talk to the mesh in plaintext, unauthenticated and " +
      "outside every AuthorizationPolicy, and a STRICT mesh refuses them, which tempts people to relax it. The rule reports the label when " +
      "the linted objects show the mesh is in use (an Istio object, or another namespace labelled into the mesh). Kubernetes' own " +
      "namespaces and the mesh's root namespace (`meshRootNamespace`), where the control plane runs without sidecars, are left out.",
    remediation: "Label the namespace into the mesh (`istio-injection: enabled`, or `istio.io/dataplane-mode: ambient`), or move the workloads that must stay outside it into a namespace of their own, with a comment saying why.",
    frameworks: IN_TRANSIT_FRAMEWORKS,
    equivalents: {},
    options: ROOT_NAMESPACE_OPTION,
    scope:
      "Each Namespace is read on its own; whether the mesh is in use comes from the objects linted with it (one chart rendering, one " +
      "Kustomize build, or all plain manifests of a run): any Istio security or networking object, or a Namespace labelled " +
      "`istio-injection: enabled`, `istio.io/rev` or `istio.io/dataplane-mode: ambient`. That object is a related location.",
    example: {
      bad: "kind: Namespace\nmetadata:\n  name: legacy\n  labels:\n    istio-injection: disabled",
      good: "kind: Namespace\nmetadata:\n  name: legacy\n  labels:\n    istio-injection: enabled",
    },
    messages: {
      optedOut: 'Namespace "{{namespace}}" sets {{label}}: {{value}}: {{effect}}, so they talk to the mesh in plaintext, outside its mTLS and authorization policies.',
    },
  },
  lookupKinds: [...ISTIO_KINDS, "Namespace"],
  appliesTo: { kinds: ["Namespace"] },
  *check(object, { options }) {
    if (object.apiVersion !== "v1" || object.kind !== "Namespace") return;
    if (SYSTEM_NAMESPACES.has(object.name) || object.name === options.meshRootNamespace) return;
    const labels = labelsOf(object);
    const namespace = object.name;
    for (const { label, value, effect } of OPT_OUTS) {
      if (labels[label] !== value) continue;
      yield {
        path: ["metadata", "labels", label],
        settle: (others: ObjectIndex) => {
          const inUse = meshInUse(others);
          return inUse ? { messageId: "optedOut", data: { namespace, label, value, effect }, related: [inUse] } : undefined;
        },
      };
    }
  },
});
