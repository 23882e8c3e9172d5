import { defineRule, lookupNamespace, POD_SPEC_OBJECTS, selectorMatches, type K8sObject, type RelatedPlace } from "../../src/engine/api.js";
import {
  appliesTo,
  describeNamespace,
  describeObject,
  describeSelector,
  DIRECTIONS,
  directionWords,
  isIsolated,
  isolablePodsOf,
  namesOf,
  NETWORK_KINDS,
  networkIndex,
  podMetadataPath,
  type Direction,
  type Policy,
} from "./network-policies.js";

const EFFECT: Record<string, string> = {
  Ingress: "they accept connections from any pod and any address",
  Egress: "they can connect to any pod and any address",
  "Ingress,Egress": "they accept connections from anywhere and can connect anywhere",
};

/** The set of objects a workload was linted with, as a person names it. */
function describeScope(object: K8sObject): string {
  const { chart, kustomization, valueSet } = object.origin;
  if (chart !== undefined) return valueSet === undefined ? `chart "${chart}"` : `chart "${chart}" (values "${valueSet}")`;
  if (kustomization !== undefined) return `kustomization "${kustomization}"`;
  return "the linted manifests";
}

/** What a policy of the workload's namespace does for its pods, for a related location. */
function relatedMessage(policy: Policy, labels: Record<string, unknown>): string {
  const name = describeObject(policy.object);
  const directions = DIRECTIONS.filter((direction) => appliesTo(policy, direction));
  if (!selectorMatches(policy.podSelector, labels)) return `${name} selects other pods (${describeSelector(policy.podSelector)}).`;
  if (directions.length === 0) return `${name} selects these pods, but its policyTypes name neither Ingress nor Egress.`;
  return `${name} selects these pods for ${directionWords(directions)} only.`;
}

export const POLICY_NAMESPACES_ELSEWHERE = {
  type: "string[]",
  description:
    "Namespaces whose NetworkPolicies live elsewhere (another repository, or applied by the platform): workloads there are not reported. " +
    "Matched against the namespace an object is written or rendered into (for a chart, the release namespace it was rendered with).",
  default: [],
} as const;

export default defineRule({
  meta: {
    id: "workload-not-isolated",
    title: "Workload's pods are selected by no NetworkPolicy",
    severity: "medium",
    category: "network",
    rationale:
      "Kubernetes lets every pod talk to every other pod and address until a NetworkPolicy selects it: a pod becomes isolated for ingress " +
      "when a policy that applies to ingress selects it, and for egress likewise; policies add up, so one is enough for each direction. " +
      "A policy applies to the directions its `policyTypes` lists; without `policyTypes` the API server sets Ingress always and Egress only " +
      "when the policy has `egress` rules. A pod selected by no policy is where a compromised neighbour moves next, and where a compromised " +
      "pod reaches anything. The rule checks ingress and egress separately and names, in one finding per workload, the directions in which " +
      "no policy selects its pods (one policy with both `policyTypes` fixes both). A pod with `hostNetwork: true` is passed over: " +
      "NetworkPolicy behaviour for host-network pods is undefined, and host-network is its own finding. The severity is medium, not high: " +
      "policies are often kept in another folder or applied by the platform, so the verdict holds only among the linted objects. " +
      "Polaris' missingNetworkPolicy asks for a policy that names the pod's labels in `matchLabels` and has both ingress and egress " +
      "rules; this rule follows Kubernetes' selection instead, where `podSelector: {}` selects the pod and a default deny isolates it.",
    remediation:
      "Add a NetworkPolicy to the namespace that selects the pods (`podSelector` matching the pod template's labels) with `policyTypes: " +
      "[Ingress, Egress]` and rules for the traffic they need; better, a default-deny policy (`podSelector: {}` with no rules) plus " +
      "allow policies. If the namespace's policies live elsewhere, name it in `policyNamespacesElsewhere`.",
    frameworks: [
      { framework: "NSA-CISA", control: "network/network-policies" },
      { framework: "CIS", control: "5.3.2" },
      { framework: "PCI-DSS", control: "1.3" },
      { framework: "MITRE-ATT&CK", control: "T1210" },
      { framework: "MITRE-ATT&CK", control: "T1046" },
    ],
    equivalents: { kubeLinter: ["non-isolated-pod"], polaris: ["missingNetworkPolicy"], checkov: ["CKV2_K8S_6"], kubeScore: ["pod-networkpolicy"] },
    scope:
      "Each workload (anything with a pod template) is matched with the NetworkPolicies linted together with it: one chart rendering " +
      "(one value set), one Kustomize build, or all plain manifests of a run. A policy selects the pods of its own namespace (a chart's " +
      "objects in the release namespace match each other) whose template labels its `podSelector` matches (`matchLabels` and " +
      "`matchExpressions` with In, NotIn, Exists and DoesNotExist; `{}` selects every pod). The namespace's policies are related locations. " +
      "When the scope holds no NetworkPolicy at all, that is one finding, at its first workload, instead of one per workload; when the " +
      "workload's namespace holds none, one finding for the namespace, at its first workload (one policy there, a default deny, is the " +
      "one edit that fixes them). Kinds a " +
      "config adds under `podTemplates` are not looked up by the network rules.",
    options: { policyNamespacesElsewhere: POLICY_NAMESPACES_ELSEWHERE },
    messages: {
      notIsolated: "The pods of {{workload}} in {{where}} are selected by no NetworkPolicy for {{directions}} among the linted objects: {{effect}}.",
      noPolicyInNamespace:
        "No NetworkPolicy among the linted objects is in {{where}}, so no pod there is isolated: the pods of {{workloads}} accept connections from anywhere and can connect anywhere (reported once, at {{workload}}).",
      noPolicyInScope:
        "There is no NetworkPolicy among the linted objects of {{scope}}, so no pod of its workloads is isolated: they accept connections from anywhere and can connect anywhere (reported once, at {{workload}}).",
    },
    example: {
      bad: "kind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  template:\n    metadata:\n      labels: {app: web}",
      good:
        "kind: NetworkPolicy\nmetadata: {name: web, namespace: shop}\nspec:\n  podSelector:\n    matchLabels: {app: web}\n" +
        "  policyTypes: [Ingress, Egress]\n  ingress:\n    - from:\n        - podSelector: {matchLabels: {app: frontend}}",
    },
  },
  lookupKinds: NETWORK_KINDS,
  appliesTo: POD_SPEC_OBJECTS,
  *check(object, { options }) {
    const group = isolablePodsOf(object);
    if (!group || options.policyNamespacesElsewhere.includes(object.namespace ?? "")) return;
    const { labels } = group;
    const namespace = lookupNamespace(object);
    const workload = describeObject(object);
    const where = describeNamespace(object);
    const scope = describeScope(object);
    yield {
      path: podMetadataPath(object),
      settle: (others) => {
        const network = networkIndex(others);
        if (!network.hasPolicies) return { messageId: "noPolicyInScope", data: { scope, workload }, oncePerScope: "no-policy" };
        const policies = network.policiesIn(namespace);
        if (policies.length === 0) {
          // A kind a config adds under podTemplates is not in the index: the workload reported is named anyway.
          const inNamespace = network.isolableIn(namespace);
          const workloads = namesOf(inNamespace.length > 0 ? inNamespace : [group]);
          return { messageId: "noPolicyInNamespace", data: { where, workloads, workload }, oncePerScope: `namespace:${namespace ?? "\u0000"}` };
        }
        const open: Direction[] = DIRECTIONS.filter((direction) => !isIsolated(policies, labels, direction));
        if (open.length === 0) return undefined;
        const related: RelatedPlace[] = policies.map((policy) => ({ object: policy.object, path: ["spec", "podSelector"], message: relatedMessage(policy, labels) }));
        return { messageId: "notIsolated", data: { workload, where, directions: directionWords(open), effect: EFFECT[open.join(",")] }, related };
      },
    };
  },
});
