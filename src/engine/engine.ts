import type { InputProblem, K8sObject } from "../manifest/types.js";
import { compareFindings, formatPath, type Finding, type Suppression } from "./finding.js";
import { indexObjects } from "./object-index.js";
import type { Report, Rule, RuleContext, Severity } from "./rule.js";
import { checkShape } from "./shape.js";
import { recordOf } from "./workload.js";

/** A rule as configured for a run. */
export interface ActiveRule {
  rule: Rule;
  severity: Severity;
  context: RuleContext;
}

export const IGNORE_ANNOTATION = "kubeward.io/ignore";
export const IGNORE_REASON_ANNOTATION = "kubeward.io/ignore-reason";
export const RULE_ERROR = "kubeward/rule-error";

function annotationSuppression(object: K8sObject, ruleId: string): Suppression | undefined {
  const annotations = recordOf(recordOf(object.body.metadata).annotations);
  const ignored = annotations[IGNORE_ANNOTATION];
  if (typeof ignored !== "string") return undefined;
  const ids = ignored.split(",").map((id) => id.trim());
  if (!ids.includes(ruleId) && !ids.includes("*")) return undefined;
  const reason = annotations[IGNORE_REASON_ANNOTATION];
  return { kind: "annotation", reason: typeof reason === "string" ? reason : undefined };
}

export const INVALID_FIELD_TYPE = "kubeward/invalid-field-type";

function toFinding(ruleId: string, severity: Severity, object: K8sObject, report: Report): Finding {
  const region = object.locate(report.path);
  const comment = object.ignoredOnLine(region.startLine);
  const suppression: Suppression | undefined = comment.has(ruleId)
    ? { kind: "comment", reason: comment.get(ruleId) }
    : annotationSuppression(object, ruleId);
  return {
    ruleId,
    severity,
    message: report.message,
    file: object.origin.file,
    region,
    object: { apiVersion: object.apiVersion, kind: object.kind, name: object.name, namespace: object.namespace },
    path: report.path,
    suppression,
  };
}

function ruleFailure(active: ActiveRule, object: K8sObject | undefined, error: unknown): Finding {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ruleId: RULE_ERROR,
    severity: "high",
    message: `Rule ${active.rule.meta.id} failed on this input (${reason}); other rules still ran. Please report it.`,
    file: object?.origin.file ?? "",
    region: object ? object.locate([]) : { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
  };
}

export function problemFinding(problem: InputProblem): Finding {
  return { ruleId: problem.ruleId, severity: "high", message: problem.message, file: problem.file, region: problem.region };
}

/** Runs every active rule over every object (and the object set), returning findings in a stable order. */
export function lintObjects(objects: readonly K8sObject[], rules: readonly ActiveRule[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const add = (finding: Finding): void => {
    const key = `${finding.ruleId}\u0000${finding.file}\u0000${finding.region.startLine}:${finding.region.startColumn}\u0000${finding.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(finding);
  };
  for (const object of objects) {
    for (const problem of checkShape(object)) add(toFinding(INVALID_FIELD_TYPE, "high", object, problem));
  }
  for (const active of rules) {
    const { check } = active.rule;
    if (!check) continue;
    for (const object of objects) {
      try {
        for (const report of check(object, active.context)) add(toFinding(active.rule.meta.id, active.severity, object, report));
      } catch (error) {
        add(ruleFailure(active, object, error));
      }
    }
  }
  const crossObjectRules = rules.filter((active) => active.rule.checkAll);
  if (crossObjectRules.length > 0) {
    const index = indexObjects(objects);
    for (const active of crossObjectRules) {
      try {
        for (const report of active.rule.checkAll!(index, active.context)) add(toFinding(active.rule.meta.id, active.severity, report.object, report));
      } catch (error) {
        add(ruleFailure(active, undefined, error));
      }
    }
  }
  return findings.sort(compareFindings);
}

/** The path of a finding as text, for messages and JSON output. */
export function findingPath(finding: Finding): string | undefined {
  return finding.path ? formatPath(finding.path) : undefined;
}
