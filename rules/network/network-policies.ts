import {
  arrayOf,
  isEmptySelector,
  isRecord,
  lookupNamespace,
  podLabels,
  podSpecOf,
  POD_RUNNING_KINDS,
  recordOf,
  selectorMatches,
  stringsOf,
  type JsonObject,
  type K8sObject,
  type ObjectIndex,
  type Path,
} from "../../src/engine/api.js";

export type Direction = "Ingress" | "Egress";
export const DIRECTIONS: readonly Direction[] = ["Ingress", "Egress"];

/** Where a direction's rules live in the spec, and what each rule names its peers. */
export const RULES_FIELD = { Ingress: "ingress", Egress: "egress" } as const;
export const PEERS_FIELD = { Ingress: "from", Egress: "to" } as const;

/** What the network rules look up: policies, namespaces and the workloads whose pods they select. */
export const NETWORK_KINDS = ["NetworkPolicy", "Namespace", ...POD_RUNNING_KINDS];

/** A NetworkPolicy, read. */
export interface Policy {
  object: K8sObject;
  spec: JsonObject;
  podSelector: JsonObject;
}

export function policyOf(object: K8sObject): Policy | undefined {
  if (object.apiVersion !== "networking.k8s.io/v1" || object.kind !== "NetworkPolicy") return undefined;
  const spec = recordOf(object.body.spec);
  // An absent podSelector is the empty selector: the field is a LabelSelector value, not a pointer.
  return { object, spec, podSelector: recordOf(spec.podSelector) };
}

/**
 * Whether the policy isolates pods in this direction. `policyTypes` says so; without it (or empty),
 * the API server sets Ingress always and Egress only when `egress` has a rule (SetDefaults_NetworkPolicySpec).
 */
export function appliesTo(policy: Policy, direction: Direction): boolean {
  const types = stringsOf(policy.spec.policyTypes);
  if (types.length > 0) return types.includes(direction);
  return direction === "Ingress" || arrayOf(policy.spec.egress).length > 0;
}

export function rulesOf(policy: Policy, direction: Direction): unknown[] {
  return arrayOf(policy.spec[RULES_FIELD[direction]]);
}

/** A policy that selects every pod of its namespace and allows nothing in this direction. */
export function isDefaultDeny(policy: Policy, direction: Direction): boolean {
  return isEmptySelector(policy.podSelector) && appliesTo(policy, direction) && rulesOf(policy, direction).length === 0;
}

/** A workload whose pods a policy can select: its template labels, read once. */
export interface PodGroup {
  object: K8sObject;
  labels: JsonObject;
  /**
   * The pods share the node's network. A selector may match them, but NetworkPolicy behaviour for
   * host-network pods is undefined, so no policy edit isolates them: the coverage rules pass them over.
   */
  hostNetwork: boolean;
}

/** The pods of a workload (a PodTemplate runs none). */
export function podGroupOf(object: K8sObject): PodGroup | undefined {
  const pod = podSpecOf(object);
  if (!pod || object.kind === "PodTemplate") return undefined;
  return { object, labels: podLabels(pod), hostNetwork: pod.spec.hostNetwork === true };
}

/** The pods of a workload that a NetworkPolicy can isolate. */
export function isolablePodsOf(object: K8sObject): PodGroup | undefined {
  const group = podGroupOf(object);
  return group && !group.hostNetwork ? group : undefined;
}

/** The path a finding about a workload's pods points at: the pod template's metadata, or the pod spec when it has none. */
export function podMetadataPath(object: K8sObject): Path {
  const pod = podSpecOf(object);
  if (!pod) return ["metadata"];
  return Object.keys(pod.metadata).length > 0 ? pod.metadataPath : pod.path;
}

/** Whether some policy among these selects the pods for this direction. */
export function isIsolated(policies: readonly Policy[], labels: JsonObject, direction: Direction): boolean {
  return policies.some((policy) => appliesTo(policy, direction) && selectorMatches(policy.podSelector, labels));
}

/** What the policies, namespaces and workloads linted together say, indexed by namespace. */
export interface NetworkIndex {
  /** Whether the scope holds any NetworkPolicy at all. */
  hasPolicies: boolean;
  policiesIn(namespace: string | undefined): readonly Policy[];
  workloadsIn(namespace: string | undefined): readonly PodGroup[];
  /** The same without host-network pods: those a policy can isolate. */
  isolableIn(namespace: string | undefined): readonly PodGroup[];
  /** The Namespace object of this name, when it is among the linted objects. */
  namespaceObject(name: string): K8sObject | undefined;
}

const namespaceKey = (namespace: string | undefined): string => namespace ?? "\u0000";

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

const indexes = new WeakMap<ObjectIndex, NetworkIndex>();

/** The scope's policies and workloads by namespace, built once per index in time linear in them. */
export function networkIndex(index: ObjectIndex): NetworkIndex {
  const known = indexes.get(index);
  if (known) return known;
  const policies = new Map<string, Policy[]>();
  for (const object of index.ofKind("NetworkPolicy")) {
    const policy = policyOf(object);
    if (policy) push(policies, namespaceKey(lookupNamespace(object)), policy);
  }
  const workloads = new Map<string, PodGroup[]>();
  for (const kind of POD_RUNNING_KINDS) {
    for (const object of index.ofKind(kind)) {
      const group = podGroupOf(object);
      if (group) push(workloads, namespaceKey(lookupNamespace(object)), group);
    }
  }
  const isolable = new Map([...workloads].map(([key, groups]) => [key, groups.filter((group) => !group.hostNetwork)]));
  const namespaces = new Map<string, K8sObject>();
  for (const object of index.ofKind("Namespace")) if (object.apiVersion === "v1" && !namespaces.has(object.name)) namespaces.set(object.name, object);
  const network: NetworkIndex = {
    hasPolicies: policies.size > 0,
    policiesIn: (namespace) => policies.get(namespaceKey(namespace)) ?? [],
    workloadsIn: (namespace) => workloads.get(namespaceKey(namespace)) ?? [],
    isolableIn: (namespace) => isolable.get(namespaceKey(namespace)) ?? [],
    namespaceObject: (name) => namespaces.get(name),
  };
  indexes.set(index, network);
  return network;
}

/** `namespace "shop"`, or for a namespace chosen at install or apply, which one it is. */
export function describeNamespace(object: K8sObject): string {
  if (object.origin.releaseNamespace) return "the release namespace";
  return object.namespace === undefined ? "the namespace it is applied to" : `namespace "${object.namespace}"`;
}

/** `Deployment "web"`. */
export function describeObject(object: K8sObject): string {
  return `${object.kind} "${object.name}"`;
}

/** `Deployment "web", Job "migrate" and 3 more`. */
export function namesOf(workloads: readonly PodGroup[]): string {
  const names = workloads.slice(0, 3).map((workload) => describeObject(workload.object));
  return workloads.length > 3 ? `${names.join(", ")} and ${workloads.length - 3} more` : names.join(", ");
}

/** "ingress", "egress", "ingress and egress". */
export function directionWords(directions: readonly Direction[], joiner = "and"): string {
  return directions.map((direction) => direction.toLowerCase()).join(` ${joiner} `);
}

/** `app=web, tier in (a, b), !debug`: a label selector as `kubectl get -l` spells it; `{}` selects everything. */
export function describeSelector(selector: JsonObject): string {
  const parts = Object.entries(recordOf(selector.matchLabels)).map(([key, value]) => `${key}=${String(value)}`);
  for (const expression of arrayOf(selector.matchExpressions).map(recordOf)) {
    const key = String(expression.key);
    const values = stringsOf(expression.values).join(", ");
    if (expression.operator === "In") parts.push(`${key} in (${values})`);
    else if (expression.operator === "NotIn") parts.push(`${key} notin (${values})`);
    else if (expression.operator === "Exists") parts.push(key);
    else if (expression.operator === "DoesNotExist") parts.push(`!${key}`);
    else parts.push(`${key} ${String(expression.operator)}`);
  }
  return parts.length === 0 ? "{}" : parts.join(", ");
}

/** The label every namespace carries with its own name (Kubernetes 1.21 and later). */
const NAME_LABEL = "kubernetes.io/metadata.name";

/**
 * The namespaces a peer's namespaceSelector picks when it pins them by name and asks nothing else:
 * a selector on other labels may match namespaces that are not among the linted objects.
 */
export function pinnedNamespaces(selector: JsonObject): string[] | undefined {
  const labels = Object.entries(recordOf(selector.matchLabels));
  const expressions = arrayOf(selector.matchExpressions).map(recordOf);
  if (labels.length + expressions.length !== 1) return undefined;
  if (labels.length === 1) return labels[0][0] === NAME_LABEL && typeof labels[0][1] === "string" ? [labels[0][1]] : undefined;
  const [expression] = expressions;
  return expression.key === NAME_LABEL && expression.operator === "In" ? stringsOf(expression.values) : undefined;
}

/** Each peer of each rule of a direction, with its path. */
export function* peersOf(policy: Policy, direction: Direction): Generator<{ peer: JsonObject; path: Path; rule: number }> {
  const rules = rulesOf(policy, direction);
  for (let rule = 0; rule < rules.length; rule++) {
    const peers = arrayOf(recordOf(rules[rule])[PEERS_FIELD[direction]]);
    for (let index = 0; index < peers.length; index++) {
      const peer = peers[index];
      if (isRecord(peer)) yield { peer, rule, path: ["spec", RULES_FIELD[direction], rule, PEERS_FIELD[direction], index] };
    }
  }
}
