import { FILE_START, type InputProblem, type K8sObject, type ObjectIdentity, type Path } from "../core/types.js";
import { compareFindings, kustomizeProvenanceKey, type Finding, type Suppression } from "./finding.js";
import { indexObjects, type ObjectIndex } from "./object-index.js";
import type { DeferredReport, Report, Rule, RuleContext, Settled } from "./rule.js";
import { SEVERITIES, type Severity } from "../core/rule-meta.js";
import { lastAnswerOf } from "../core/memo.js";
import { checkShape } from "./shape.js";
import { recordOf } from "../core/json.js";
import { withPodTemplateKinds, type PodTemplateKind } from "./workload.js";
import { examinesOf, examinesSafely, isOpen, openGates, ruleDispatch, type Bucket, type Dispatched } from "./dispatch.js";
import { DIAGNOSTIC_RULES, RULE_ERROR, INVALID_FIELD_TYPE } from "../core/diagnostics.js";
import { formatMessage } from "../core/message.js";
import { resolveOptions, type RuleSetting } from "../core/rule-options.js";

/** A rule as configured for a run. */
export interface ActiveRule {
  rule: Rule;
  severity: Severity;
  context: RuleContext;
}

/** The rules a run uses: those configured on, else those on by default, with configured severity and options over the defaults. */
export function activeRules(rules: readonly Rule[], settings: Readonly<Record<string, RuleSetting>>): ActiveRule[] {
  const active: ActiveRule[] = [];
  for (const rule of rules) {
    const setting = settings[rule.meta.id] ?? {};
    if (!(setting.enabled ?? rule.meta.enabledByDefault ?? true)) continue;
    active.push({ rule, severity: setting.severity ?? rule.meta.severity, context: { options: resolveOptions(rule.meta.options, setting.options) } });
  }
  return active;
}

export const IGNORE_ANNOTATION = "kubeward.io/ignore";
export const IGNORE_REASON_ANNOTATION = "kubeward.io/ignore-reason";

function annotationSuppression(object: K8sObject, ruleId: string): Suppression | undefined {
  const annotations = recordOf(recordOf(object.body.metadata).annotations);
  const ignored = annotations[IGNORE_ANNOTATION];
  if (typeof ignored !== "string") return undefined;
  const ids = ignored.split(",").map((id) => id.trim());
  if (!ids.includes(ruleId) && !ids.includes("*")) return undefined;
  const reason = annotations[IGNORE_REASON_ANNOTATION];
  return { kind: "annotation", reason: typeof reason === "string" ? reason : undefined };
}

/**
 * A copy of a string that does not keep the text it was read from. The parser's strings of 13 characters
 * or more are slices of their file's text, so a finding holding one (a kind, a name, a key in its path)
 * would keep that whole file alive after its objects are gone: at 50k objects, every file of the run.
 */
function ownCopy(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/** An object's identity, made once and shared by all its findings (which come one object at a time). */
const identityOf = lastAnswerOf(
  (object: K8sObject): ObjectIdentity => ({
    apiVersion: ownCopy(object.apiVersion),
    kind: ownCopy(object.kind),
    name: ownCopy(object.name),
    namespace: object.namespace === undefined ? undefined : ownCopy(object.namespace),
  }),
);

/** The message of a report, from the rule's template; an unknown id or wrong data throws, as a rule failure. */
function messageOf(rule: Rule, report: Omit<Report, "path">): string {
  const template = rule.meta.messages[report.messageId] as string | undefined;
  if (template === undefined) throw new Error(`no message "${report.messageId}" in the rule's meta.messages`);
  return formatMessage(template, report.data);
}

function toFinding(active: ActiveRule, object: K8sObject, report: Report, messageData: boolean): Finding {
  const finding = locatedFinding(active.rule.meta.id, active.severity, object, report.path, messageOf(active.rule, report));
  if (messageData) withMessageData(finding, report);
  return finding;
}

/** The template id and values a finding's message was made from, for the tests that assert them (`LinterSettings.messageData`). */
function withMessageData(finding: Finding, report: Omit<Report, "path">): void {
  finding.messageId = report.messageId;
  if (report.data) finding.data = report.data;
}

function locatedFinding(ruleId: string, severity: Severity, object: K8sObject, path: Path, message: string): Finding {
  const location = object.locate(path);
  const suppression: Suppression | undefined = location.ignores.has(ruleId)
    ? { kind: "comment", reason: location.ignores.get(ruleId) }
    : annotationSuppression(object, ruleId);
  const finding: Finding = {
    ruleId,
    severity,
    message,
    file: location.file,
    region: location.region,
    object: identityOf(object),
    path: compactPath(path),
    suppression,
  };
  if (location.provenance) finding.provenance = location.provenance;
  if (object.origin.valueSet !== undefined) finding.valueSets = [object.origin.valueSet];
  const source = object.origin.chart ?? object.origin.kustomization;
  if (source !== undefined) finding.source = source;
  return finding;
}

/**
 * The path as an array of its own length. Rules build many paths by pushing onto a growing array,
 * whose backing store is several times the segments it holds; a finding keeps its path to the end of
 * the run, and a large run has hundreds of thousands of findings (a fifth of their memory was spare
 * room in paths), and of strings that do not keep their file's text (`ownCopy`).
 */
function compactPath(path: Path): Path {
  return path.map((segment) => (typeof segment === "string" ? ownCopy(segment) : segment));
}

function ruleFailure(active: ActiveRule, object: K8sObject | undefined, error: unknown, at?: Finding): Finding {
  const reason = error instanceof Error ? error.message : String(error);
  const place = object?.locate([]) ?? at;
  return {
    ruleId: RULE_ERROR,
    severity: "high",
    message: `Rule ${active.rule.meta.id} failed on this input (${reason}); other rules still ran. Please report it.`,
    file: place?.file ?? "",
    region: place?.region ?? FILE_START,
  };
}

const DIAGNOSTIC_SEVERITY: ReadonlyMap<string, Severity> = new Map(DIAGNOSTIC_RULES.map((meta) => [meta.id, meta.severity]));

/** An input problem as a finding, at its diagnostic's default severity (a remote base is a note, a parse error high). */
export function problemFinding(problem: InputProblem): Finding {
  const severity = DIAGNOSTIC_SEVERITY.get(problem.ruleId) ?? "high";
  return { ruleId: problem.ruleId, severity, message: problem.message, file: problem.file, region: problem.region };
}

/**
 * Findings as they are collected, each reported once: a rule that says the same thing twice, several
 * Helm value sets (the finding names every set), and overlays sharing a base all give one finding.
 */
interface FindingSet {
  readonly findings: Finding[];
  addKeyed(finding: Finding): void;
  /**
   * A finding from one rule on one object. A plain manifest's object is linted once, so a repeat can
   * only come from the same rule on the same object: comparing with that rule's few findings since
   * `ruleStart` is cheaper than a key per finding.
   */
  addOwn(finding: Finding, ruleStart: number): void;
}

function findingSet(): FindingSet {
  const findings: Finding[] = [];
  const byKey = new Map<string, Finding>();
  const addKeyed = (finding: Finding): void => {
    // Two objects placed only at one kustomization differ in their Kustomize provenance alone.
    const key = `${finding.ruleId}\u0000${finding.file}\u0000${finding.region.startLine}:${finding.region.startColumn}\u0000${finding.message}\u0000${kustomizeProvenanceKey(finding)}`;
    const earlier = byKey.get(key);
    if (!earlier) {
      byKey.set(key, finding);
      findings.push(finding);
    } else if (earlier.valueSets && finding.valueSets) {
      for (const name of finding.valueSets) if (!earlier.valueSets.includes(name)) earlier.valueSets.push(name);
    }
  };
  return {
    findings,
    addKeyed,
    addOwn(finding, ruleStart) {
      if (finding.source !== undefined) {
        addKeyed(finding);
        return;
      }
      for (let i = ruleStart; i < findings.length; i++) if (sameFinding(findings[i], finding)) return;
      findings.push(finding);
    },
  };
}

/** Runs every active rule over every object (and the object set), returning findings in a stable order. */
export function lintObjects(objects: readonly K8sObject[], rules: readonly ActiveRule[], settings?: LinterSettings): Finding[] {
  const linter = createLinter(rules, settings);
  linter.lint(objects);
  return linter.finish();
}

/** A rule of a dispatch bucket yet to meet an object it examines. */
interface Unexamined {
  dispatched: Dispatched<ActiveRule>;
  examines: (object: K8sObject) => boolean;
}

/** A deferred report, located already, waiting for every object to be read. */
interface Pending {
  active: ActiveRule;
  scope: string;
  finding: Finding;
  settle: DeferredReport["settle"];
}

/**
 * Lints objects as they come (a file at a time), keeping only what the end of the run needs: the
 * findings, the deferred reports, and the objects of the kinds those look up. The objects themselves,
 * with their parsed bodies, can go once linted, so memory and garbage collection stay small.
 */
export interface Linter {
  /** The per-object rules (and the field type check), object by object, so each object's data is hot while every rule reads it. */
  lint(objects: readonly K8sObject[]): void;
  /** Settles the deferred reports, against one index per scope; returns every finding in a stable order. */
  finish(): Finding[];
  /** Ids of the rules that met an object they check (see `Rule.examines`) in what `lint` was given. */
  examined(): ReadonlySet<string>;
}

/** What a run's config adds to the rules: the custom kinds that hold a pod spec. */
export interface LinterSettings {
  podTemplates?: readonly PodTemplateKind[];
  /**
   * False: findings carry their message only, not the template id and values it was made from
   * (`withMessageData`). Tests assert those; no report reads them, and a large run keeps hundreds of
   * thousands of findings to the end: the values are a third of a finding's memory, and those sliced
   * from a file's text keep that whole text alive.
   */
  messageData?: boolean;
}

export function createLinter(rules: readonly ActiveRule[], settings: LinterSettings = {}): Linter {
  const podTemplates = settings.podTemplates ?? [];
  const keepMessageData = settings.messageData ?? true;
  const set = findingSet();
  // Kinds the deferred reports look up: only objects of these kinds are kept to the end.
  const keptKinds = new Set(rules.flatMap((active) => active.rule.lookupKinds ?? []));
  const kept = new Map<string, K8sObject[]>();
  const pending: Pending[] = [];
  const examined = new Set<string>();
  // Rules that examine any object: all met one once an object is linted.
  const examineAny = rules.filter((active) => examinesOf(active.rule) === undefined).map((active) => active.rule.meta.id);
  const bucketOf = ruleDispatch(rules, (active) => active.rule, (inBucket) =>
    inBucket.flatMap((dispatched): Unexamined[] => {
      const examines = examinesOf(dispatched.entry.rule);
      return examines ? [{ dispatched, examines }] : [];
    }),
  );

  const defer = (active: ActiveRule, object: K8sObject, report: DeferredReport): void => {
    const finding = locatedFinding(active.rule.meta.id, active.severity, object, report.path, "");
    pending.push({ active, scope: scopeOf(object), finding, settle: report.settle });
  };
  const keep = (object: K8sObject): void => {
    const scope = scopeOf(object);
    const list = kept.get(scope);
    if (list) list.push(object);
    else kept.set(scope, [object]);
  };

  /**
   * Notes the rules of the object's bucket that examine it. A rule examines only objects it applies to (the rule
   * tester holds rules to it), so only its buckets need asking, and each bucket only until all its rules have met
   * one: the 60 control-plane flag rules meet none in most runs, and every object asked each of them again.
   */
  const noteExamined = (object: K8sObject, bucket: Bucket<ActiveRule, Unexamined>): void => {
    let left: Unexamined[] | undefined;
    for (let i = 0; i < bucket.pending.length; i++) {
      const waiting = bucket.pending[i];
      const id = waiting.dispatched.entry.rule.meta.id;
      if (examined.has(id) || (isOpen(bucket, waiting.dispatched) && examinesSafely(waiting.examines, object))) {
        examined.add(id);
        left ??= bucket.pending.slice(0, i);
      } else left?.push(waiting);
    }
    if (left) bucket.pending = left;
  };

  /**
   * Once settled, the kept objects (with their files' position data) and the deferred reports are of no
   * further use: let them go before the findings are reported, the other large step of a run, rather
   * than when the run's caller drops the linter.
   */
  const releaseSettled = (): void => {
    kept.clear();
    pending.length = 0;
  };

  const lintEach = (objects: readonly K8sObject[]): void => {
    if (objects.length > 0) for (const id of examineAny) examined.add(id);
    for (const object of objects) {
      const bucket = bucketOf(object);
      openGates(bucket, object);
      if (bucket.pending.length) noteExamined(object, bucket);
      const shapeStart = set.findings.length;
      for (const problem of checkShape(object)) set.addOwn(locatedFinding(INVALID_FIELD_TYPE, "high", object, problem.path, problem.message), shapeStart);
      for (const dispatched of bucket.rules) {
        if (!isOpen(bucket, dispatched)) continue;
        const active = dispatched.entry;
        const ruleStart = set.findings.length;
        try {
          for (const report of active.rule.check(object, active.context)) {
            if ("settle" in report) defer(active, object, report);
            else set.addOwn(toFinding(active, object, report, keepMessageData), ruleStart);
          }
        } catch (error) {
          set.addOwn(ruleFailure(active, object, error), ruleStart);
        }
      }
      if (keptKinds.has(object.kind)) keep(object);
    }
  };

  const settleAll = (): Finding[] => {
    const indexes = new Map<string, ObjectIndex>();
    const indexOf = (scope: string): ObjectIndex => {
      let index = indexes.get(scope);
      if (!index) {
        index = indexObjects(kept.get(scope) ?? []);
        indexes.set(scope, index);
      }
      return index;
    };
    const reportedOnce = new Set<string>();
    for (const waiting of pending) {
      try {
        const settled = waiting.settle(indexOf(waiting.scope));
        if (settled === undefined) continue;
        if (settled.oncePerScope !== undefined) {
          const key = `${waiting.active.rule.meta.id}\u0000${waiting.scope}\u0000${settled.oncePerScope}`;
          if (reportedOnce.has(key)) continue;
          reportedOnce.add(key);
        }
        set.addKeyed(settledFinding(waiting, settled, keepMessageData));
      } catch (error) {
        set.addKeyed(ruleFailure(waiting.active, undefined, error, waiting.finding));
      }
    }
    return set.findings.sort(compareFindings);
  };

  return {
    lint(objects) {
      withPodTemplateKinds(podTemplates, () => {
        lintEach(objects);
      });
    },

    finish() {
      const findings = withPodTemplateKinds(podTemplates, settleAll);
      releaseSettled();
      return findings;
    },

    examined: () => examined,
  };
}

/**
 * A deferred report's finding once settled: its message, the related places located, its severity lowered
 * if asked. Completed in place, not copied: the record located when the report was deferred is used by
 * nothing else, and a large run settles a hundred thousand reports while holding every other finding.
 */
function settledFinding(waiting: Pending, settled: Settled, messageData: boolean): Finding {
  const finding = waiting.finding;
  finding.message = messageOf(waiting.active.rule, settled);
  if (messageData) withMessageData(finding, settled);
  if (settled.lowerTo && SEVERITIES.indexOf(settled.lowerTo) > SEVERITIES.indexOf(finding.severity)) finding.severity = settled.lowerTo;
  if (settled.related?.length) {
    finding.related = settled.related.map(({ object, path, message }) => {
      const { file, region } = object.locate(path);
      return { file, region, message: ownCopy(message) };
    });
  }
  return finding;
}

/** The set an object exists in (one chart rendering, one build, or all plain manifests). */
function scopeOf(object: K8sObject): string {
  return object.origin.scope ?? "";
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
