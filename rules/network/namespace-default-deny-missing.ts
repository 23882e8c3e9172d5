import { defineRule, lookupNamespace, type ObjectIndex, type RelatedPlace, type SettledOf } from "../../src/engine/api.js";
import {
  describeObject,
  describeSelector,
  DIRECTIONS,
  directionWords,
  isDefaultDeny,
  isIsolated,
  isolablePodsOf,
  NETWORK_KINDS,
  networkIndex,
  type Direction,
} from "./network-policies.js";
import { POLICY_NAMESPACES_ELSEWHERE } from "./workload-not-isolated.js";

const EFFECT: Record<string, string> = {
  Ingress: "accepts connections from anywhere",
  Egress: "can connect anywhere",
  "Ingress,Egress": "accepts connections from anywhere and can connect anywhere",
};

const messages = {
  noDefaultDeny:
    "{{namespace}} has no default-deny NetworkPolicy for {{directions}} among the linted objects: {{state}}, but a pod there that no policy selects (one added later, or not among the linted objects) {{effect}}.",
} as const;

const verdicts = new WeakMap<ObjectIndex, Map<string, SettledOf<typeof messages> | undefined>>();

/** The verdict on a namespace, worked out once per index: every workload of the namespace asks for it. */
function verdictOnce(others: ObjectIndex, namespace: string): SettledOf<typeof messages> | undefined {
  let known = verdicts.get(others);
  if (!known) {
    known = new Map();
    verdicts.set(others, known);
  }
  if (!known.has(namespace)) known.set(namespace, verdict(others, namespace));
  return known.get(namespace);
}

/**
 * The verdict on one namespace: the directions with no default-deny policy, left out where a linted
 * workload of the namespace is selected by no policy (workload-not-isolated reports those workloads).
 */
function verdict(others: ObjectIndex, namespace: string): SettledOf<typeof messages> | undefined {
  const network = networkIndex(others);
  const policies = network.policiesIn(namespace);
  const workloads = network.isolableIn(namespace);
  const missing: Direction[] = DIRECTIONS.filter(
    (direction) => !policies.some((policy) => isDefaultDeny(policy, direction)) && workloads.every((workload) => isIsolated(policies, workload.labels, direction)),
  );
  if (missing.length === 0) return undefined;
  const state = workloads.length === 0 ? "it holds no linted workload" : "every linted workload there is selected by a policy";
  const related: RelatedPlace[] = policies.map((policy) => ({
    object: policy.object,
    path: ["spec", "podSelector"],
    message: `${describeObject(policy.object)} selects ${describeSelector(policy.podSelector)}, not every pod with no rule.`,
  }));
  return { messageId: "noDefaultDeny", data: { namespace: `Namespace "${namespace}"`, directions: directionWords(missing, "or"), state, effect: EFFECT[missing.join(",")] }, related };
}

export default defineRule({
  meta: {
    id: "namespace-default-deny-missing",
    title: "Namespace has no default-deny NetworkPolicy",
    severity: "low",
    category: "network",
    rationale:
      "A default-deny policy (`podSelector: {}` with the direction in `policyTypes` and no rule for it) isolates every pod of its " +
      "namespace, so traffic flows only where another policy allows it, and a pod added later starts closed instead of open. Without one, " +
      "a pod that no policy selects accepts and makes any connection. An `egress` list left out does not make a policy deny egress: " +
      "without `policyTypes` the API server sets Egress only when the policy has egress rules, so a default deny for egress must list " +
      "Egress. One edit, one finding: where a linted workload of the namespace is selected by no policy, workload-not-isolated reports the " +
      "workload (its remedy names the default-deny policy) and this rule stays silent for that direction; it speaks for a namespace whose " +
      "linted workloads are all selected, or that holds none, and reports each namespace once, naming the directions. The severity is low: " +
      "what is open today is workload-not-isolated's finding; this one is about pods to come.",
    remediation:
      "Add a policy to the namespace such as `metadata: {name: default-deny}` with `spec: {podSelector: {}, policyTypes: [Ingress, Egress]}`, " +
      "then allow policies for the traffic its pods need (DNS egress to kube-system included). If the namespace's policies live elsewhere, " +
      "name it in `policyNamespacesElsewhere`.",
    frameworks: [
      { framework: "CIS", control: "5.3.2" },
      { framework: "NSA-CISA", control: "network/network-policies" },
      { framework: "PCI-DSS", control: "1.3" },
      { framework: "MITRE-ATT&CK", control: "T1210" },
      { framework: "MITRE-ATT&CK", control: "T1046" },
    ],
    equivalents: {},
    scope:
      "A namespace is one of the Namespace objects, or one that linted workloads name; it is reported at its Namespace object, else once " +
      "at its first workload's namespace. A namespace chosen at install or apply (Helm's release namespace, a manifest without one) is " +
      "not reported: the inputs do not create it, and whoever does owns its default policy (a chart's default deny would also close the " +
      "other releases sharing the namespace). Its policies are the NetworkPolicies linted together with it (one chart rendering, one Kustomize " +
      "build, or all plain manifests of a run); Whether a workload is selected follows " +
      "workload-not-isolated. The namespace's policies are related locations.",
    options: { policyNamespacesElsewhere: POLICY_NAMESPACES_ELSEWHERE },
    messages,
    example: {
      bad: "kind: Namespace\nmetadata: {name: shop}",
      good: "kind: NetworkPolicy\nmetadata: {name: default-deny, namespace: shop}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]",
    },
  },
  lookupKinds: NETWORK_KINDS,
  appliesTo: { podSpec: true, kinds: ["Namespace"] },
  *check(object, { options }) {
    const elsewhere = options.policyNamespacesElsewhere;
    if (object.kind === "Namespace" && object.apiVersion === "v1") {
      if (elsewhere.includes(object.name)) return;
      const { name } = object;
      yield { path: ["metadata", "name"], settle: (others) => verdictOnce(others, name) };
      return;
    }
    // A namespace chosen at install or apply is not the inputs' to set up: whoever creates it owns its default policy.
    const namespace = lookupNamespace(object);
    if (namespace === undefined || !isolablePodsOf(object) || elsewhere.includes(namespace)) return;
    yield {
      path: ["metadata", "namespace"],
      settle: (others) => {
        // A Namespace object among the linted objects carries the finding.
        if (networkIndex(others).namespaceObject(namespace)) return undefined;
        const settled = verdictOnce(others, namespace);
        return settled && { ...settled, oncePerScope: `namespace:${namespace}` };
      },
    };
  },
});
