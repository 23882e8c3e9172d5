import { defineRule, isRecord, lookupNamespace, recordOf, selectorMatches, type JsonObject, type ObjectIndex, type Path } from "../../src/engine/api.js";
import { appliesTo, describeNamespace, describeSelector, DIRECTIONS, namesOf, NETWORK_KINDS, networkIndex, peersOf, pinnedNamespaces, policyOf, type PodGroup } from "./network-policies.js";

/**
 * The linted workloads of these namespaces when the selector matches none of them; undefined when
 * it matches one, or when a namespace holds no linted workload (its pods are not among the objects).
 */
function unmatched(others: ObjectIndex, namespaces: ReadonlyArray<string | undefined>, selector: JsonObject): PodGroup[] | undefined {
  const network = networkIndex(others);
  const workloads: PodGroup[] = [];
  for (const namespace of namespaces) {
    const inNamespace = network.workloadsIn(namespace);
    if (inNamespace.length === 0) return undefined;
    workloads.push(...inNamespace);
  }
  return workloads.some((workload) => selectorMatches(selector, workload.labels)) ? undefined : workloads;
}

export default defineRule({
  meta: {
    id: "network-policy-dangling-selector",
    title: "NetworkPolicy selector matches no linted pod",
    severity: "low",
    category: "network",
    rationale:
      "A NetworkPolicy's `podSelector` picks the pods it isolates, and a peer's `podSelector` the pods it lets in or out. A selector " +
      "that matches no pod usually means the labels changed on one side (a renamed `app` label, a chart's `app.kubernetes.io/name` " +
      "against a hand-written `app`): the policy then protects nothing, or its allow rule admits nothing and the traffic it was written " +
      "for is cut off, which is often fixed by loosening the policy. Matching follows Kubernetes' label selectors (`matchLabels`, and " +
      "`matchExpressions` with In, NotIn, Exists and DoesNotExist). It is a note: pods may come from elsewhere (an operator's custom " +
      "resource, another repository).",
    remediation:
      "Make the selector match the pod template's labels (compare `kubectl get pods -l '<selector>'`), or remove the policy or peer if " +
      "the pods are gone.",
    frameworks: [{ framework: "NSA-CISA", control: "network/network-policies" }, { framework: "PCI-DSS", control: "1.2" }],
    equivalents: { kubeLinter: ["dangling-networkpolicy", "dangling-networkpolicypeer-podselector"], kubeScore: ["networkpolicy-targets-pod"] },
    scope:
      "A policy's selectors are matched with the workloads' pod template labels linted together with it: one chart rendering (one value " +
      "set), one Kustomize build, or all plain manifests of a run. The policy's `podSelector`, and a peer's without a `namespaceSelector`, " +
      "look in the policy's own namespace (a chart's release namespace matches its objects in it); a peer with a `namespaceSelector` that " +
      "names namespaces by their `kubernetes.io/metadata.name` label looks in those. A selector is reported only when every namespace it " +
      "looks in holds linted workloads and none of them matches; a `namespaceSelector` on other labels may pick namespaces that are not " +
      "among the linted objects and is not checked. Kinds a config adds under `podTemplates` are not looked up.",
    messages: {
      policySelectsNothing:
        'NetworkPolicy "{{policy}}" selects no pod among the linted objects: its podSelector ({{selector}}) matches none of the workloads in {{where}} ({{workloads}}), so it isolates nothing.',
      peerSelectsNothing:
        'NetworkPolicy "{{policy}}" {{item}} matches no pod among the linted objects: its podSelector ({{selector}}) matches none of the workloads in {{where}} ({{workloads}}), so the rule {{effect}}.',
    },
    example: {
      bad: "kind: NetworkPolicy\nspec:\n  podSelector:\n    matchLabels: {app: web}   # the Deployment's pods are app.kubernetes.io/name: web",
      good: "kind: NetworkPolicy\nspec:\n  podSelector:\n    matchLabels: {app.kubernetes.io/name: web}",
    },
  },
  lookupKinds: NETWORK_KINDS,
  appliesTo: { kinds: ["NetworkPolicy"] },
  *check(object) {
    const policy = policyOf(object);
    if (!policy) return;
    const namespace = lookupNamespace(object);
    const own = [namespace];
    const ownWhere = describeNamespace(object);
    const name = object.name;
    const podSelector = policy.podSelector;
    yield {
      path: ["spec", "podSelector"],
      settle: (others) => {
        const workloads = unmatched(others, own, podSelector);
        if (!workloads) return undefined;
        return { messageId: "policySelectsNothing", data: { policy: name, selector: describeSelector(podSelector), where: ownWhere, workloads: namesOf(workloads) } };
      },
    };
    for (const direction of DIRECTIONS) {
      if (!appliesTo(policy, direction)) continue;
      for (const { peer, path } of peersOf(policy, direction)) {
        if (!isRecord(peer.podSelector)) continue;
        const selector = peer.podSelector;
        const namespaces = isRecord(peer.namespaceSelector) ? pinnedNamespaces(peer.namespaceSelector) : own;
        if (!namespaces || namespaces.length === 0) continue;
        const item = `${String(path[1])}[${String(path[2])}].${String(path[3])}[${String(path[4])}]`;
        const where = namespaces === own ? ownWhere : namespaces.map((pinned) => `namespace "${pinned}"`).join(", ");
        const effect = direction === "Ingress" ? "admits no pod" : "lets the pods it selects reach no pod";
        const at: Path = [...path, "podSelector"];
        yield {
          path: at,
          settle: (others) => {
            const workloads = unmatched(others, namespaces, recordOf(selector));
            if (!workloads) return undefined;
            return {
              messageId: "peerSelectsNothing",
              data: { policy: name, item, selector: describeSelector(selector), where, workloads: namesOf(workloads), effect },
            };
          },
        };
      }
    }
  },
});
