import { arrayOf, isRecord, isReleaseNamespaceField, lookupNamespace, recordOf, selectorMatches, type JsonObject, type K8sObject, type ObjectIndex } from "../../src/engine/api.js";
import { aggregationSelectors, isAggregated, isRole, labelsOf, writtenPolicyRules, type PolicyRule } from "./policy-rules.js";

/** One entry of a binding's `subjects`, with its index there. */
export interface Subject {
  kind: string;
  name: string;
  /** As written; a RoleBinding's ServiceAccount without one is in the binding's namespace (see `subjectNamespace`). */
  namespace: string | undefined;
  index: number;
}

/** A RoleBinding or ClusterRoleBinding, read. */
export interface Binding {
  object: K8sObject;
  roleKind: string;
  roleName: string;
  subjects: Subject[];
}

/** Bindings in the kinds a rule's `lookupKinds` must keep to follow them. */
export const RBAC_KINDS = ["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"] as const;

export function bindingOf(object: K8sObject): Binding | undefined {
  if (object.apiVersion !== "rbac.authorization.k8s.io/v1" || (object.kind !== "RoleBinding" && object.kind !== "ClusterRoleBinding")) return undefined;
  const roleRef = recordOf(object.body.roleRef);
  if (typeof roleRef.kind !== "string" || typeof roleRef.name !== "string") return undefined;
  const subjects = arrayOf(object.body.subjects).flatMap((subject, index): Subject[] => {
    if (!isRecord(subject) || typeof subject.kind !== "string" || typeof subject.name !== "string") return [];
    const namespace = typeof subject.namespace === "string" && subject.namespace !== "" ? subject.namespace : undefined;
    return [{ kind: subject.kind, name: subject.name, namespace, index }];
  });
  return { object, roleKind: roleRef.kind, roleName: roleRef.name, subjects };
}

/** The namespace a ServiceAccount subject lives in: its own, else (in a RoleBinding) the binding's. */
export function subjectNamespace(binding: Binding, subject: Subject): string | undefined {
  if (subject.namespace !== undefined) return subject.namespace;
  return binding.object.kind === "RoleBinding" ? binding.object.namespace : undefined;
}

/** `ServiceAccount "ns/name"`, `User "alice"`, `Group "system:authenticated"`. */
export function describeSubject(binding: Binding, subject: Subject): string {
  if (subject.kind !== "ServiceAccount") return `${subject.kind} "${subject.name}"`;
  // Rendered into "default" without -n, the release namespace is really chosen at install.
  const inRelease =
    subject.namespace === undefined
      ? binding.object.kind === "RoleBinding" && binding.object.origin.chart !== undefined && lookupNamespace(binding.object) === undefined
      : isReleaseNamespaceField(binding.object, ["subjects", subject.index, "namespace"]);
  if (inRelease) return `ServiceAccount "${subject.name}" of the release namespace`;
  const namespace = subjectNamespace(binding, subject);
  return `ServiceAccount "${namespace === undefined ? subject.name : `${namespace}/${subject.name}`}"`;
}

/** The subjects a binding names, a few of them by name: `ServiceAccount "ci/deployer", User "alice"`. */
export function describeSubjects(binding: Binding): string {
  const names = binding.subjects.map((subject) => describeSubject(binding, subject));
  if (names.length === 0) return "no subject";
  return names.length <= 3 ? names.join(", ") : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;
}

/**
 * Where a binding grants its role, for a message: `in the whole cluster` for a ClusterRoleBinding;
 * a RoleBinding's namespace, the release namespace of a chart, or the namespace it is applied to.
 */
export function bindingReach(binding: Binding): string {
  if (binding.object.kind === "ClusterRoleBinding") return "in the whole cluster";
  return `in ${namespaceOf(binding.object)}`;
}

/** `namespace "shop"`, `the release namespace` (Helm's, chosen at install) or `the namespace it is applied to`. */
export function namespaceOf(object: K8sObject): string {
  return lookupNamespace(object) === undefined ? namespaceChosenLater(object) : `namespace "${String(object.namespace)}"`;
}

/** The namespace of an object that writes none, or Helm's release namespace: chosen at install for a chart's object, at apply for a plain one. */
export function namespaceChosenLater(object: K8sObject): string {
  return object.origin.chart === undefined ? "the namespace it is applied to" : "the release namespace";
}

/** The role a binding names, as a message says it: `ClusterRole "cluster-admin"`. */
export function describeRoleRef(binding: Binding): string {
  return `${binding.roleKind} "${binding.roleName}"`;
}

/** `RoleBinding "name"` or `ClusterRoleBinding "name"`. */
export function describeBinding(binding: Binding): string {
  return `${binding.object.kind} "${binding.object.name}"`;
}

/** A binding that grants a role, directly or through an aggregated ClusterRole that selects it. */
export interface RoleGrant {
  binding: Binding;
  through?: K8sObject;
}

/** A rule a role grants, and the role that writes it (another than the asked one for an aggregated ClusterRole). */
export interface EffectiveRule extends PolicyRule {
  role: K8sObject;
}

/** What the roles and bindings linted together say about each other. */
export interface RbacGraph {
  /** The bindings that grant this role, directly or through the aggregated ClusterRoles that select it. */
  grantsOf(role: K8sObject): RoleGrant[];
  /** The role a binding refers to, when it is among the linted objects. */
  roleOf(binding: Binding): K8sObject | undefined;
  /** The rules a role grants: its own, or for an aggregated ClusterRole those of the ClusterRoles it selects. */
  effectiveRules(role: K8sObject): EffectiveRule[];
}

const roleKey = (kind: string, namespace: string | undefined, name: string): string =>
  kind === "ClusterRole" ? `ClusterRole\u0000${name}` : `Role\u0000${namespace ?? ""}\u0000${name}`;

const keyOfRole = (role: K8sObject): string => roleKey(role.kind, lookupNamespace(role), role.name);

/** The key of the role a binding names: a RoleBinding's Role is in the binding's namespace. */
const keyOfRoleRef = (binding: Binding): string => roleKey(binding.roleKind, lookupNamespace(binding.object), binding.roleName);

const graphs = new WeakMap<ObjectIndex, RbacGraph>();

/** The RBAC graph of a scope, built once per index in time linear in its roles and bindings. */
export function rbacGraph(index: ObjectIndex): RbacGraph {
  const known = graphs.get(index);
  if (known) return known;
  const roles = new Map<string, K8sObject>();
  for (const role of [...index.ofKind("Role"), ...index.ofKind("ClusterRole")]) {
    if (isRole(role) && !roles.has(keyOfRole(role))) roles.set(keyOfRole(role), role);
  }
  const bindingsByRole = new Map<string, Binding[]>();
  for (const object of [...index.ofKind("RoleBinding"), ...index.ofKind("ClusterRoleBinding")]) {
    const binding = bindingOf(object);
    if (!binding) continue;
    const key = keyOfRoleRef(binding);
    const list = bindingsByRole.get(key);
    if (list) list.push(binding);
    else bindingsByRole.set(key, [binding]);
  }
  // Candidates come by the first label a selector asks for, so aggregation stays linear when selectors name labels.
  const clusterRoles = index.ofKind("ClusterRole").filter(isRole);
  const byLabel = new Map<string, K8sObject[]>();
  for (const role of clusterRoles) {
    for (const [key, value] of Object.entries(labelsOf(role))) {
      const label = `${key}=${String(value)}`;
      const list = byLabel.get(label);
      if (list) list.push(role);
      else byLabel.set(label, [role]);
    }
  }
  const candidatesFor = (selector: JsonObject): readonly K8sObject[] => {
    const labels = Object.entries(recordOf(selector.matchLabels));
    return labels.length === 0 ? clusterRoles : (byLabel.get(`${labels[0][0]}=${String(labels[0][1])}`) ?? []);
  };
  const selected = new Map<K8sObject, K8sObject[]>();
  const selectors = new Map<K8sObject, K8sObject[]>();
  for (const aggregator of clusterRoles.filter(isAggregated)) {
    const chosen = new Set<K8sObject>();
    // An empty selector selects every ClusterRole, as the aggregation controller reads it.
    for (const selector of aggregationSelectors(aggregator)) {
      for (const candidate of candidatesFor(selector)) if (candidate !== aggregator && selectorMatches(selector, labelsOf(candidate))) chosen.add(candidate);
    }
    selected.set(aggregator, [...chosen]);
    for (const role of chosen) {
      const list = selectors.get(role);
      if (list) list.push(aggregator);
      else selectors.set(role, [aggregator]);
    }
  }

  const grantsOf = (role: K8sObject, through: K8sObject | undefined, seen: Set<K8sObject>): RoleGrant[] => {
    if (seen.has(role)) return [];
    seen.add(role);
    const direct = (bindingsByRole.get(keyOfRole(role)) ?? []).map((binding): RoleGrant => (through ? { binding, through } : { binding }));
    const aggregated = (selectors.get(role) ?? []).flatMap((aggregator) => grantsOf(aggregator, through ?? aggregator, seen));
    return [...direct, ...aggregated];
  };
  const effectiveRules = (role: K8sObject, seen: Set<K8sObject>): EffectiveRule[] => {
    if (seen.has(role)) return [];
    seen.add(role);
    if (!isAggregated(role)) return writtenPolicyRules(role).map((rule) => ({ ...rule, role }));
    return (selected.get(role) ?? []).flatMap((component) => effectiveRules(component, seen));
  };
  const graph: RbacGraph = {
    grantsOf: (role) => grantsOf(role, undefined, new Set()),
    roleOf: (binding) => roles.get(keyOfRoleRef(binding)),
    effectiveRules: (role) => effectiveRules(role, new Set()),
  };
  graphs.set(index, graph);
  return graph;
}
