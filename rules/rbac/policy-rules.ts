import { arrayOf, isRecord, type JsonObject, type K8sObject } from "../../src/engine/api.js";

const RBAC_API_VERSION = "rbac.authorization.k8s.io/v1";

/** One entry of a Role's or ClusterRole's `rules`, with its index there. */
export interface PolicyRule {
  rule: JsonObject;
  index: number;
}

/**
 * The rules a Role or ClusterRole grants as written. None for other objects, and none for an
 * aggregated ClusterRole: the controller overwrites its `rules` with those of the roles it selects.
 */
export function writtenPolicyRules(object: K8sObject): PolicyRule[] {
  if (object.apiVersion !== RBAC_API_VERSION || (object.kind !== "Role" && object.kind !== "ClusterRole")) return [];
  if (object.kind === "ClusterRole" && isRecord(object.body.aggregationRule)) return [];
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
