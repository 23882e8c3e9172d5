import { FRAMEWORKS, type Coverage, type FrameworkData } from "../core/frameworks.js";
import { FRAMEWORK_OF, selectsControl, type FrameworkSelection } from "../core/framework-selection.js";
import { SEVERITIES, type Framework, type RuleMeta, type Severity } from "../core/rule-meta.js";
import type { Finding } from "../engine/finding.js";
import { isUnlintedInput } from "../engine/severity.js";
import { activeFindings } from "./report.js";

/**
 * How the manifests stand against each selected framework, control by control: the model the HTML
 * and Markdown reports are drawn from.
 */

/**
 * `fail`: a rule naming the control has findings; `pass`: rules naming it ran and found nothing;
 * `not-static`: the framework data says a linter cannot check it; `not-checked`: no rule naming it
 * ran (there is none, or the config turned them off), or those that ran met nothing among the inputs
 * to check (no kube-apiserver manifest for an API server flag), so there is nothing to say either way.
 */
export type ControlStatus = "fail" | "pass" | "not-static" | "not-checked";
export const CONTROL_STATUSES: readonly ControlStatus[] = ["fail", "pass", "not-static", "not-checked"];

/** The status in the words the reports show. */
export const STATUS_LABEL: Readonly<Record<ControlStatus, string>> = {
  fail: "fail",
  pass: "pass",
  "not-static": "not checkable statically",
  "not-checked": "not checked",
};

export interface ControlResult {
  id: string;
  title: string;
  coverage: Coverage;
  /** What a linter cannot see of the control (partial and not-static ones). */
  limits?: string;
  status: ControlStatus;
  /** The rules that name the control, those of them that ran, and those of these that met an object they check. */
  rules: string[];
  ran: string[];
  examined: string[];
  /** Unsuppressed findings of the rules that ran, in report order. */
  findings: Finding[];
}

export interface FrameworkTotals {
  controls: Record<ControlStatus, number>;
  /** Controls checked only partly (counted under pass or fail as well). */
  partial: number;
  /** Distinct findings under the framework's controls (one naming two controls counts once). */
  findings: number;
  bySeverity: Record<Severity, number>;
}

export interface FrameworkResult {
  selection: FrameworkSelection;
  framework: Framework;
  /** `PCI DSS`-style heading: the framework's name, and the PSS level. */
  name: string;
  version?: string;
  informationUri: string;
  controls: ControlResult[];
  totals: FrameworkTotals;
}

export interface ComplianceReport {
  frameworks: FrameworkResult[];
  /** Input that could not be linted: what it holds is in no control's findings, so a pass may hide a failure. */
  unlinted: Finding[];
  /** Findings a comment or annotation suppressed; they fail no control. */
  suppressed: number;
  stats: { files: number; objects: number };
  toolVersion: string;
}

export interface ComplianceInput {
  findings: readonly Finding[];
  /** Every rule and diagnostic that can appear in findings. */
  rules: readonly RuleMeta[];
  /** Ids of the rules that ran, and of those that met an object they check. */
  ran: ReadonlySet<string>;
  examined: ReadonlySet<string>;
  selections: readonly FrameworkSelection[];
  stats: { files: number; objects: number };
  toolVersion: string;
  /** The framework data; FRAMEWORKS unless a test gives its own. */
  frameworks?: Readonly<Record<Framework, FrameworkData>>;
}

const PSS_LEVEL: Partial<Record<FrameworkSelection, string>> = { "pss-baseline": "Baseline", "pss-restricted": "Restricted" };

function frameworkName(selection: FrameworkSelection, fullName: string): string {
  const level = PSS_LEVEL[selection];
  return level ? `${fullName}: ${level}` : fullName;
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

function statusOf(coverage: Coverage, examined: readonly string[], findings: readonly Finding[]): ControlStatus {
  // A finding is a finding, whatever the data says a linter can see.
  if (findings.length > 0) return "fail";
  if (coverage === "not-static") return "not-static";
  return examined.length > 0 ? "pass" : "not-checked";
}

/** Why a control is not checked, in a phrase the reports show after its status. */
export function notCheckedReason(control: ControlResult): string {
  if (control.rules.length === 0) return "no rule checks it";
  if (control.ran.length === 0) return "its rules are off in this run";
  return "nothing among the inputs for its rules to check";
}

/** The run's unsuppressed findings by rule, and each one's place in report order. */
interface FindingIndex {
  byRule: ReadonlyMap<string, Finding[]>;
  order: ReadonlyMap<Finding, number>;
}

function frameworkResult(selection: FrameworkSelection, data: FrameworkData, input: ComplianceInput, { byRule, order }: FindingIndex): FrameworkResult {
  const framework = FRAMEWORK_OF[selection];
  const { rules, ran, examined } = input;
  const rulesOf = new Map<string, string[]>();
  for (const meta of rules) {
    for (const ref of meta.frameworks) {
      if (!selectsControl(selection, ref)) continue;
      const list = rulesOf.get(ref.control);
      if (list) {
        if (!list.includes(meta.id)) list.push(meta.id);
      } else rulesOf.set(ref.control, [meta.id]);
    }
  }
  const totals: FrameworkTotals = { controls: zeroes(CONTROL_STATUSES), partial: 0, findings: 0, bySeverity: zeroes(SEVERITIES) };
  const counted = new Set<Finding>();
  const controls: ControlResult[] = [];
  for (const [id, control] of Object.entries(data.controls)) {
    if (!selectsControl(selection, { framework, control: id })) continue;
    const controlRules = rulesOf.get(id) ?? [];
    const controlRan = controlRules.filter((rule) => ran.has(rule));
    const findings = controlRan.flatMap((rule) => byRule.get(rule) ?? []);
    // Two rules' findings, each in report order: merged back into it.
    if (controlRan.length > 1) findings.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const controlExamined = controlRan.filter((rule) => examined.has(rule));
    const status = statusOf(control.coverage, controlExamined, findings);
    totals.controls[status]++;
    if (control.coverage === "partial") totals.partial++;
    for (const finding of findings) {
      if (counted.has(finding)) continue;
      counted.add(finding);
      totals.findings++;
      totals.bySeverity[finding.severity]++;
    }
    controls.push({ id, title: control.title, coverage: control.coverage, limits: control.limits, status, rules: controlRules, ran: controlRan, examined: controlExamined, findings });
  }
  return { selection, framework, name: frameworkName(selection, data.fullName), version: data.version, informationUri: data.informationUri, controls, totals };
}

/** The compliance report of a run: per selected framework, each of its controls' status and failing findings. */
export function complianceReport(input: ComplianceInput): ComplianceReport {
  const active = activeFindings(input.findings);
  const byRule = new Map<string, Finding[]>();
  const order = new Map<Finding, number>();
  for (const finding of active) {
    order.set(finding, order.size);
    const list = byRule.get(finding.ruleId);
    if (list) list.push(finding);
    else byRule.set(finding.ruleId, [finding]);
  }
  const data = input.frameworks ?? FRAMEWORKS;
  return {
    frameworks: [...new Set(input.selections)].map((selection) => frameworkResult(selection, data[FRAMEWORK_OF[selection]], input, { byRule, order })),
    unlinted: active.filter(isUnlintedInput),
    suppressed: input.findings.length - active.length,
    stats: input.stats,
    toolVersion: input.toolVersion,
  };
}
