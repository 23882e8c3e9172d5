import type { OptionSpecs } from "./rule-options.js";

/** How bad a finding is. SARIF level and security-severity are derived from it (see severity.ts). */
export type Severity = "critical" | "high" | "medium" | "low";
export const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low"];

export type Framework = "PSS" | "CIS" | "NSA-CISA" | "PCI-DSS" | "MITRE-ATT&CK";

/**
 * A control in a framework this rule serves, e.g. `{ framework: "PSS", control: "baseline/privileged-containers" }`;
 * its title is in the framework data (frameworks.ts), not repeated in each rule.
 */
export interface FrameworkRef {
  framework: Framework;
  control: string;
}

/** Ids of the equivalent checks in other tools, for migration. */
export interface Equivalents {
  kubeLinter?: string[];
  polaris?: string[];
  checkov?: string[];
  trivy?: string[];
  kubeScore?: string[];
}


export interface RuleMeta {
  /** Kebab-case name of the bad state; stable forever. */
  id: string;
  title: string;
  severity: Severity;
  /** Grouping for docs and `kubeward rules`. */
  category: "pod-security" | "workload" | "rbac" | "namespaces" | "network" | "mesh" | "control-plane" | "secrets" | "input" | "custom" | "admission-policy";
  rationale: string;
  remediation: string;
  frameworks: FrameworkRef[];
  equivalents: Equivalents;
  options?: OptionSpecs;
  /** For a rule that looks beyond one object: which objects it looks at together, and how it finds them; shown in the docs. */
  scope?: string;
  /** A rule's message templates by id, `{{name}}` filled from each report's data; diagnostics have none. */
  messages?: Readonly<Record<string, string>>;
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

export const DOCS_BASE_URL = "https://github.com/kubeward/kubeward/blob/main/docs/rules";

export function helpUri(ruleId: string): string {
  return `${DOCS_BASE_URL}/${ruleId.replace(/\//g, "-")}.md`;
}
