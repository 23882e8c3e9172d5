import { arrayOf, isRecord, recordOf, stringsOf, type JsonObject, type K8sObject } from "../../src/engine/api.js";

const RBAC_API_VERSION = "rbac.authorization.k8s.io/v1";

/** One entry of a Role's or ClusterRole's `rules`, with its index there. */
export interface PolicyRule {
  rule: JsonObject;
  index: number;
}

export function isRole(object: K8sObject): boolean {
  return object.apiVersion === RBAC_API_VERSION && (object.kind === "Role" || object.kind === "ClusterRole");
}

export function isAggregated(object: K8sObject): boolean {
  return object.kind === "ClusterRole" && isRecord(object.body.aggregationRule);
}

/**
 * The rules a Role or ClusterRole grants as written. None for other objects, and none for an
 * aggregated ClusterRole: the controller overwrites its `rules` with those of the roles it selects.
 */
export function writtenPolicyRules(object: K8sObject): PolicyRule[] {
  if (!isRole(object) || isAggregated(object)) return [];
  return arrayOf(object.body.rules).flatMap((rule, index) => (isRecord(rule) ? [{ rule, index }] : []));
}

/** The items of a rule's list field, with their indexes: wrongly typed items are kept, so indexes match the source. */
export function listItems(rule: JsonObject, field: "apiGroups" | "resources" | "verbs"): Array<{ value: unknown; index: number }> {
  return arrayOf(rule[field]).map((value, index) => ({ value, index }));
}

/** `ClusterRole "name"` or `Role "name"`. */
export function describeRole(object: K8sObject): string {
  return `${object.kind} "${object.name}"`;
}

/** An API request a rule may allow: one API group, one resource (`pods` or `pods/exec`), one of some verbs. */
export interface Request {
  apiGroup: string;
  resource: string;
  verbs: readonly string[];
}

/** Where a rule allows a request: the `resources` and `verbs` items that match, and the `resourceNames` that narrow it. */
export interface RequestMatch {
  resourceIndex: number;
  verbIndex: number;
  verb: string;
  /** The request's resource, e.g. `pods/exec`. */
  resource: string;
  /** Empty when the rule applies to every object of the resource. */
  resourceNames: string[];
}

/** Whether a `resources` item covers the request's resource, as the RBAC authorizer matches: `*`, the exact name, or a star for the resource before the subresource. */
function resourceCovers(item: string, resource: string): boolean {
  if (item === "*" || item === resource) return true;
  const slash = resource.indexOf("/");
  return slash > 0 && item === `*${resource.slice(slash)}`;
}

/**
 * How a rule allows the request, or undefined. A rule with `resourceNames` never allows `create` (or
 * `deletecollection`) of a whole resource: the name is not known when that is authorized.
 */
export function matchRequest(rule: JsonObject, request: Request): RequestMatch | undefined {
  if (!stringsOf(rule.apiGroups).some((group) => group === "*" || group === request.apiGroup)) return undefined;
  const resourceItem = listItems(rule, "resources").find((item) => typeof item.value === "string" && resourceCovers(item.value, request.resource));
  if (!resourceItem) return undefined;
  const resourceNames = stringsOf(rule.resourceNames);
  const unnamed = resourceNames.length > 0 && !request.resource.includes("/") ? ["create", "deletecollection"] : [];
  const verbs = request.verbs.filter((verb) => !unnamed.includes(verb));
  if (verbs.length === 0) return undefined;
  const verbItem = listItems(rule, "verbs").find((item) => typeof item.value === "string" && (item.value === "*" || verbs.includes(item.value)));
  if (!verbItem) return undefined;
  return { resourceIndex: resourceItem.index, verbIndex: verbItem.index, verb: verbItem.value as string, resource: request.resource, resourceNames };
}

/** Whether a rule grants everything: `*` verbs on `*` resources in `*` API groups, as cluster-admin does. */
export function grantsEverything(rule: JsonObject): boolean {
  return ["apiGroups", "resources", "verbs"].every((field) => stringsOf(rule[field]).includes("*")) && stringsOf(rule.resourceNames).length === 0;
}

/** The label selectors of an aggregated ClusterRole. */
export function aggregationSelectors(object: K8sObject): JsonObject[] {
  return arrayOf(recordOf(object.body.aggregationRule).clusterRoleSelectors).filter(isRecord);
}

export function labelsOf(object: K8sObject): Readonly<Record<string, unknown>> {
  return recordOf(recordOf(object.body.metadata).labels);
}

/** The built-in ClusterRoles (`admin`, `edit`, `view`) a ClusterRole's labels aggregate it into. */
export function builtInAggregates(object: K8sObject): string[] {
  if (object.kind !== "ClusterRole" || !isRole(object)) return [];
  const labels = labelsOf(object);
  return ["admin", "edit", "view"].filter((name) => labels[`rbac.authorization.k8s.io/aggregate-to-${name}`] === "true");
}
