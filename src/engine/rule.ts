import type { K8sObject, Path } from "../manifest/types.js";
import type { ObjectIndex } from "./object-index.js";

/** How bad a finding is. SARIF level and security-severity are derived from it (see severity.ts). */
export type Severity = "critical" | "high" | "medium" | "low";
export const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low"];

export type Framework = "PSS" | "CIS" | "NSA-CISA" | "PCI-DSS";

/** A control in a framework this rule serves, e.g. `{ framework: "PSS", control: "baseline/privileged-containers" }`. */
export interface FrameworkRef {
  framework: Framework;
  control: string;
  title?: string;
}

/** Ids of the equivalent checks in other tools, for migration. */
export interface Equivalents {
  kubeLinter?: string[];
  polaris?: string[];
  checkov?: string[];
  trivy?: string[];
  kubeScore?: string[];
}

export interface OptionSpec {
  type: "string" | "boolean" | "number" | "string[]";
  description: string;
  default: string | boolean | number | string[];
}

export interface RuleMeta {
  /** Kebab-case name of the bad state; stable forever. */
  id: string;
  title: string;
  severity: Severity;
  /** Grouping for docs and `kubeward rules`. */
  category: "pod-security" | "workload" | "input";
  rationale: string;
  remediation: string;
  frameworks: FrameworkRef[];
  equivalents: Equivalents;
  options?: Record<string, OptionSpec>;
  /** A manifest fragment that violates the rule, and its fix, shown in the docs. */
  example?: { bad: string; good: string };
  /** False for a rule that runs only when configured on: operational hygiene that no security framework asks for. */
  enabledByDefault?: boolean;
  /**
   * For diagnostics of input that could not be linted (a parse, render or build error, an unreadable
   * file, a missing tool): such a finding fails the run whatever the fail level, so broken input never
   * passes silently; only turning the diagnostic off in the config accepts it.
   */
  unlintedInput?: true;
}

export type RuleOptions = Record<string, unknown>;

export interface RuleContext {
  options: RuleOptions;
}

/** What a rule says: which object, which field path, and why. The engine finds the line. */
export interface Report {
  path: Path;
  message: string;
  /** For cross-object rules: the object the finding belongs to. */
  object?: K8sObject;
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
  check?(object: K8sObject, context: RuleContext): Iterable<Report | DeferredReport>;
  /** Kinds that the `settle` functions of this rule's deferred reports look up; objects of these kinds are kept. */
  lookupKinds?: readonly string[];
  /** A rule over all objects of a scope together; while such a rule is on, every object is kept until the end. */
  checkAll?(objects: ObjectIndex, context: RuleContext): Iterable<Report & { object: K8sObject }>;
}

export const DOCS_BASE_URL = "https://github.com/kubeward/kubeward/blob/main/docs/rules";

export function helpUri(ruleId: string): string {
  return `${DOCS_BASE_URL}/${ruleId.replace(/\//g, "-")}.md`;
}

/** Declares a rule; exists so rule files read the same and get type checking in one place. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
