import type { K8sObject, Path } from "../core/types.js";
import type { ObjectIndex } from "./object-index.js";
import { type RuleMeta } from "../core/rule-meta.js";

export type RuleOptions = Record<string, unknown>;

export interface RuleContext {
  options: RuleOptions;
}

/** What a rule says: which object, which field path, and why. The engine finds the line. */
export interface Report {
  path: Path;
  message: string;
}

/**
 * A per-object finding whose verdict depends on other objects (the ServiceAccount a pod names, the
 * CustomResourceDefinition of a kind). The engine locates it at once and calls `settle` after every
 * object has been read, with the objects of the rule's `lookupKinds` linted together with this one.
 * `settle` gives the message, or undefined to drop the finding. It should capture plain values, not
 * the object: objects are not kept once linted, which is what keeps large runs small and fast.
 */
export interface DeferredReport {
  path: Path;
  settle(others: ObjectIndex): string | undefined;
}

export interface Rule {
  meta: RuleMeta;
  check(object: K8sObject, context: RuleContext): Iterable<Report | DeferredReport>;
  /** Kinds that the `settle` functions of this rule's deferred reports look up; objects of these kinds are kept. */
  lookupKinds?: readonly string[];
}

/** Declares a rule; exists so rule files read the same and get type checking in one place. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
