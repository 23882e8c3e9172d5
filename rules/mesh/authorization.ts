import { arrayOf, isRecord, lookupNamespace, recordOf, type JsonObject, type K8sObject, type Path } from "../../src/engine/api.js";
import { describeObject, describeSelector, isAuthorizationPolicy, namespacePhrase, recordItems, selectorLabels, specOf } from "./istio.js";

/** An AuthorizationPolicy, read. */
export interface AuthzPolicy {
  object: K8sObject;
  /** `ALLOW` when absent: "Default is ALLOW if not specified" (authorization_policy.proto). */
  action: string;
  /** Undefined when `rules` is absent or empty: "If not set, the match will never occur". */
  rules: Array<{ item: JsonObject; index: number }> | undefined;
  /** Which workloads it applies to, as the message says it. */
  target: string;
  /** No selector and no targetRef: it applies to every workload of its namespace (of the mesh in the root namespace). */
  namespaceWide: boolean;
}

/**
 * An enforced AuthorizationPolicy, read. A policy annotated `istio.io/dry-run: "true"` is only evaluated and logged
 * ("Specifies whether or not the given resource is in dry-run mode", Istio's resource annotations), so it is none.
 */
export function authzPolicyOf(object: K8sObject, rootNamespace: string): AuthzPolicy | undefined {
  if (!isAuthorizationPolicy(object) || recordOf(recordOf(object.body.metadata).annotations)["istio.io/dry-run"] === "true") return undefined;
  const spec = specOf(object);
  const action = typeof spec.action === "string" ? spec.action : "ALLOW";
  const items = recordItems(spec.rules);
  const selector = selectorLabels(spec);
  const targeted = isRecord(spec.targetRef) || arrayOf(spec.targetRefs).length > 0;
  const inRoot = lookupNamespace(object) === rootNamespace;
  const where = inRoot ? "in the mesh" : namespacePhrase(object);
  const target = targeted ? "the gateway it targets" : selector ? `the workloads labelled ${describeSelector(selector)} ${where}` : `every workload ${where}`;
  return { object, action, rules: items.length === 0 ? undefined : items, target, namespaceWide: !targeted && !selector };
}

/** Whether a list field is absent or empty (an empty `from`, `to` or `when` restricts nothing). */
const unset = (value: unknown): boolean => arrayOf(value).length === 0;

/** Whether a rule restricts the operation or conditions (`to`, `when`); an empty rule ("always matched") restricts nothing. */
export const restrictsOperations = (rule: JsonObject): boolean => !unset(rule.to) || !unset(rule.when);

/** Fields of a Source that name who may call; all are lists of strings, matched with Exact, Prefix, Suffix or Presence (`*`). */
const POSITIVE_SOURCE_FIELDS: ReadonlySet<string> = new Set(["principals", "requestPrincipals", "namespaces", "ipBlocks", "remoteIpBlocks"]);

/** How little a rule's `from` asks of the caller, and (for a `*`) where it says so, relative to the rule. */
export type SourceOpenness = { open: "anyone" } | { open: "anyIdentity"; path: Path };

/**
 * How a rule's `from` restricts the caller: "anyone" when it is absent or one of its sources is empty
 * (a missing field allows any value), "anyIdentity" when a source asks only for some identity (`*` is
 * Istio's presence match: any mTLS principal or namespace, any JWT), undefined when it names callers.
 */
export function sourceOpenness(rule: JsonObject): SourceOpenness | undefined {
  const sources = arrayOf(rule.from).map((from) => recordOf(recordOf(from).source));
  if (sources.length === 0) return { open: "anyone" };
  let found: SourceOpenness | undefined;
  for (const [index, source] of sources.entries()) {
    const fields = Object.keys(source).filter((field) => !unset(source[field]));
    if (fields.length === 0) return { open: "anyone" };
    if (found || !fields.every((field) => POSITIVE_SOURCE_FIELDS.has(field) && arrayOf(source[field]).includes("*"))) continue;
    found = { open: "anyIdentity", path: ["from", index, "source", fields[0], arrayOf(source[fields[0]]).indexOf("*")] };
  }
  return found;
}

/** `AuthorizationPolicy "shop/frontend"`. */
export const describePolicy = (policy: AuthzPolicy): string => describeObject(policy.object);
