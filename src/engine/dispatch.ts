import type { K8sObject } from "../core/types.js";
import type { RuleMeta } from "../core/rule-meta.js";
import type { AppliesTo, Rule } from "./rule.js";
import { apiGroup, podSpecOf, podSpecPathOf } from "./workload.js";

/** What the rules of a category can report on, for those that declare no `appliesTo` of their own. */
const APPLIES_TO_BY_CATEGORY: Partial<Record<RuleMeta["category"], AppliesTo>> = {
  "pod-security": { podSpec: true },
  "rbac": { groups: ["rbac.authorization.k8s.io"] },
  "namespaces": { kinds: ["Namespace"] },
};

/** What the rules of a category check, for those that declare no `examines` of their own. */
const EXAMINED_BY_CATEGORY: Partial<Record<RuleMeta["category"], (object: K8sObject) => boolean>> = {
  "pod-security": (object) => podSpecOf(object) !== undefined,
  "rbac": (object) => object.apiVersion.startsWith("rbac.authorization.k8s.io/"),
  "namespaces": (object) => object.kind === "Namespace",
};

/** A rule's `appliesTo`, else its category's; undefined: every object. */
export function appliesToOf(rule: Rule): AppliesTo | undefined {
  return rule.appliesTo ?? APPLIES_TO_BY_CATEGORY[rule.meta.category];
}

/** A rule's `examines`, else its category's; undefined: any object counts. */
export function examinesOf(rule: Rule): ((object: K8sObject) => boolean) | undefined {
  return rule.examines ?? EXAMINED_BY_CATEGORY[rule.meta.category];
}

/** A rule's `examines` (see examinesOf) that counts an object it throws on as checked: its `check` then reports the failure. */
export function examinesSafely(examines: (object: K8sObject) => boolean, object: K8sObject): boolean {
  try {
    return examines(object);
  } catch {
    return true;
  }
}

/** Whether objects of this object's apiVersion and kind are among those `appliesTo` names (its `when` aside). */
function admitsKind(appliesTo: AppliesTo, object: K8sObject): boolean {
  return (
    (appliesTo.podSpec === true && podSpecPathOf(object) !== undefined) ||
    (appliesTo.kinds?.includes(object.kind) ?? false) ||
    (appliesTo.groups?.includes(apiGroup(object.apiVersion)) ?? false)
  );
}

/** Whether `when` lets the rule see the object; one that throws does, so that `check` reports the failure. */
function whenSafely(when: (object: K8sObject) => boolean, object: K8sObject): boolean {
  try {
    return when(object);
  } catch {
    return true;
  }
}

/** Whether the engine calls the rule on this object (with the pod-template kinds of the run in force). */
export function dispatches(rule: Rule, object: K8sObject): boolean {
  const appliesTo = appliesToOf(rule);
  if (appliesTo === undefined) return true;
  return admitsKind(appliesTo, object) && (appliesTo.when === undefined || whenSafely(appliesTo.when, object));
}

/** One rule of a dispatch bucket, with the index of its `when` among the bucket's gates (-1: none). */
export interface Dispatched<T> {
  entry: T;
  gate: number;
}

/** The rules that can report on objects of one apiVersion and kind, in the order of the run's rules. */
export interface Bucket<T, P> {
  readonly rules: ReadonlyArray<Dispatched<T>>;
  /** The distinct `when` tests of those rules: many rules share one (the 60 control-plane flag rules). */
  readonly gates: ReadonlyArray<(object: K8sObject) => boolean>;
  /** Whether each gate lets the current object through, set by `openGates`. */
  readonly open: Uint8Array;
  /** The engine's own bookkeeping for these objects (the rules yet to meet one they examine). */
  pending: P[];
}

/** Answers each gate of the bucket once for this object, before its rules are called. */
export function openGates(bucket: Bucket<unknown, unknown>, object: K8sObject): void {
  for (let i = 0; i < bucket.gates.length; i++) bucket.open[i] = whenSafely(bucket.gates[i], object) ? 1 : 0;
}

/** Whether a dispatched rule's `when` lets it see the object that `openGates` was last given. */
export function isOpen(bucket: Bucket<unknown, unknown>, dispatched: Dispatched<unknown>): boolean {
  return dispatched.gate < 0 || bucket.open[dispatched.gate] === 1;
}

/**
 * The rules to call on each object, worked out once per (apiVersion, kind). Most of the 160 rules report
 * on a few kinds only (pod specs, RBAC objects, one config kind), and calling each on every object cost
 * more than the rules' own work: a generator made, run and dropped per rule per object (the lint loop's
 * self time and much of the collector's). Must run with the pod-template kinds of the run in force.
 */
export function ruleDispatch<T, P>(entries: readonly T[], ruleOf: (entry: T) => Rule, pendingOf: (rules: ReadonlyArray<Dispatched<T>>) => P[]): (object: K8sObject) => Bucket<T, P> {
  const byVersion = new Map<string, Map<string, Bucket<T, P>>>();
  const bucketFor = (object: K8sObject): Bucket<T, P> => {
    const rules: Array<Dispatched<T>> = [];
    const gates: Array<(object: K8sObject) => boolean> = [];
    for (const entry of entries) {
      const appliesTo = appliesToOf(ruleOf(entry));
      if (appliesTo !== undefined && !admitsKind(appliesTo, object)) continue;
      const when = appliesTo?.when;
      if (when !== undefined && !gates.includes(when)) gates.push(when);
      rules.push({ entry, gate: when === undefined ? -1 : gates.indexOf(when) });
    }
    return { rules, gates, open: new Uint8Array(gates.length), pending: pendingOf(rules) };
  };
  return (object) => {
    let byKind = byVersion.get(object.apiVersion);
    if (!byKind) {
      byKind = new Map();
      byVersion.set(object.apiVersion, byKind);
    }
    let bucket = byKind.get(object.kind);
    if (!bucket) {
      bucket = bucketFor(object);
      byKind.set(object.kind, bucket);
    }
    return bucket;
  };
}

/** `appliesTo` of the rules that read an object's pod spec (podSpecOf, workloadContainers) and nothing else. */
export const POD_SPEC_OBJECTS: AppliesTo = { podSpec: true };
