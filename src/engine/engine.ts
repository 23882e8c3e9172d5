import { FILE_START, type InputProblem, type K8sObject, type ObjectIdentity } from "../manifest/types.js";
import { compareFindings, type Finding, type Suppression } from "./finding.js";
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

/** Identity of each object, made once and shared by all its findings. */
const identities = new WeakMap<K8sObject, ObjectIdentity>();

function identityOf(object: K8sObject): ObjectIdentity {
  let identity = identities.get(object);
  if (!identity) {
    identity = { apiVersion: object.apiVersion, kind: object.kind, name: object.name, namespace: object.namespace };
    identities.set(object, identity);
  }
  return identity;
}

function toFinding(ruleId: string, severity: Severity, object: K8sObject, report: Report): Finding {
  const location = object.locate(report.path);
  const suppression: Suppression | undefined = location.ignores.has(ruleId)
    ? { kind: "comment", reason: location.ignores.get(ruleId) }
    : annotationSuppression(object, ruleId);
  const finding: Finding = {
    ruleId,
    severity,
    message: location.note ? `${report.message.replace(/\.$/, "")}${location.note}.` : report.message,
    file: location.file,
    region: location.region,
    object: identityOf(object),
    path: report.path,
    suppression,
  };
  if (location.related?.length) finding.related = location.related;
  if (object.origin.valueSet !== undefined) finding.valueSets = [object.origin.valueSet];
  const source = object.origin.chart ?? object.origin.kustomization;
  if (source !== undefined) finding.source = source;
  return finding;
}

function ruleFailure(active: ActiveRule, object: K8sObject | undefined, error: unknown): Finding {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ruleId: RULE_ERROR,
    severity: "high",
    message: `Rule ${active.rule.meta.id} failed on this input (${reason}); other rules still ran. Please report it.`,
    file: object ? object.locate([]).file : "",
    region: object ? object.locate([]).region : FILE_START,
  };
}

export function problemFinding(problem: InputProblem): Finding {
  return { ruleId: problem.ruleId, severity: "high", message: problem.message, file: problem.file, region: problem.region };
}

/** Runs every active rule over every object (and the object set), returning findings in a stable order. */
export function lintObjects(objects: readonly K8sObject[], rules: readonly ActiveRule[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, Finding>();
  // The same finding is reported once: from a rule that says it twice, from several Helm value sets
  // (naming every set), or from overlays sharing a base.
  const addKeyed = (finding: Finding): void => {
    const key = `${finding.ruleId}\u0000${finding.file}\u0000${finding.region.startLine}:${finding.region.startColumn}\u0000${finding.message}`;
    const earlier = seen.get(key);
    if (!earlier) {
      seen.set(key, finding);
      findings.push(finding);
    } else if (earlier.valueSets && finding.valueSets) {
      for (const name of finding.valueSets) if (!earlier.valueSets.includes(name)) earlier.valueSets.push(name);
    }
  };
  // A plain manifest's object is linted once, so a repeat can only come from the same rule on the
  // same object: comparing with that rule's few findings so far is cheaper than a key per finding.
  const addOwn = (finding: Finding, ruleStart: number): void => {
    if (finding.source !== undefined) return addKeyed(finding);
    for (let i = ruleStart; i < findings.length; i++) if (sameFinding(findings[i], finding)) return;
    findings.push(finding);
  };
  const perObjectRules = rules.filter((active) => active.rule.check);
  // Object by object, so each object's data is hot while every rule reads it.
  for (const object of objects) {
    const shapeStart = findings.length;
    for (const problem of checkShape(object)) addOwn(toFinding(INVALID_FIELD_TYPE, "high", object, problem), shapeStart);
    for (const active of perObjectRules) {
      const ruleStart = findings.length;
      try {
        for (const report of active.rule.check!(object, active.context)) addOwn(toFinding(active.rule.meta.id, active.severity, object, report), ruleStart);
      } catch (error) {
        addOwn(ruleFailure(active, object, error), ruleStart);
      }
    }
  }
  const crossObjectRules = rules.filter((active) => active.rule.checkAll);
  if (crossObjectRules.length > 0) {
    for (const scope of scopesOf(objects)) {
      const index = indexObjects(scope);
      for (const active of crossObjectRules) {
        try {
          for (const report of active.rule.checkAll!(index, active.context)) addKeyed(toFinding(active.rule.meta.id, active.severity, report.object, report));
        } catch (error) {
          addKeyed(ruleFailure(active, scope[0], error));
        }
      }
    }
  }
  return findings.sort(compareFindings);
}

function sameFinding(a: Finding, b: Finding): boolean {
  return (
    a.ruleId === b.ruleId &&
    a.file === b.file &&
    a.region.startLine === b.region.startLine &&
    a.region.startColumn === b.region.startColumn &&
    a.message === b.message
  );
}

/** Objects grouped by the set they exist in (one chart rendering, one build, plain manifests), in input order. */
function scopesOf(objects: readonly K8sObject[]): K8sObject[][] {
  const scopes = new Map<string, K8sObject[]>();
  for (const object of objects) {
    const key = object.origin.scope ?? "";
    const scope = scopes.get(key);
    if (scope) scope.push(object);
    else scopes.set(key, [object]);
  }
  return [...scopes.values()];
}
