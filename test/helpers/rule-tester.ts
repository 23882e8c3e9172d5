import { describe, expect, it } from "vitest";
import { activeRules, lintObjects } from "../../src/engine/engine.js";
import { dispatches, examinesOf } from "../../src/engine/dispatch.js";
import type { Finding } from "../../src/engine/finding.js";
import type { Rule, RuleContext } from "../../src/engine/rule.js";
import type { MessageData } from "../../src/core/message.js";
import { optionProblem } from "../../src/core/rule-options.js";
import { parseManifest } from "../../src/manifest/parse.js";
import type { K8sObject, Origin, RelatedLocation } from "../../src/core/types.js";
import type { Severity } from "../../src/core/rule-meta.js";

/** Origin fields to give a test object, e.g. those Helm expansion sets (`chart`, `scope`, `releaseNamespace`). */
export type OriginOf = (object: K8sObject) => Partial<Origin>;

/**
 * Lints YAML text with one rule (plus options), returning every finding, suppressed ones included.
 * `originOf` makes the objects look expanded from a chart or overlay.
 */
export function lintWith(rule: Rule, yaml: string, options: RuleOptions = {}, originOf?: OriginOf): Finding[] {
  // The config loader refuses what the rule does not declare; so does the tester, or a typo would test the default.
  for (const [name, value] of Object.entries(options)) {
    const problem = optionProblem(rule.meta.id, rule.meta.options, name, value);
    if (problem) throw new Error(problem);
  }
  const parsed = parseManifest("test.yaml", yaml);
  expect(parsed.problems, "test manifest must be valid YAML").toEqual([]);
  const objects = originOf ? parsed.objects.map((object) => ({ ...object, origin: { ...object.origin, ...originOf(object) } })) : parsed.objects;
  const active = activeRules([rule], { [rule.meta.id]: { enabled: true, options } });
  expectDispatched(rule, objects, active[0].context);
  return lintObjects(objects, active);
}

/**
 * The engine calls a rule only on the objects its `appliesTo` (or category) admits: a rule that reports on,
 * fails on, or examines another object would lose that finding silently. Every test input is checked here.
 */
export function expectDispatched(rule: Rule, objects: readonly K8sObject[], context: RuleContext): void {
  const examines = examinesOf(rule);
  for (const object of objects) {
    if (dispatches(rule, object)) continue;
    let reports: number;
    try {
      reports = [...rule.check(object, context)].length;
    } catch (error) {
      throw new Error(`${rule.meta.id} throws on ${object.apiVersion} ${object.kind} "${object.name}", which its appliesTo excludes`, { cause: error });
    }
    expect(reports, `${rule.meta.id} reports on ${object.apiVersion} ${object.kind} "${object.name}", which its appliesTo excludes`).toBe(0);
    if (examines) expect(examines(object), `${rule.meta.id} examines ${object.apiVersion} ${object.kind} "${object.name}", which its appliesTo excludes`).toBe(false);
  }
}

/**
 * `[line, column, message]` of one rule's own findings. The engine reports wrongly typed fields itself
 * (kubeward/invalid-field-type), so tests of how a rule reads such input look at the rule's findings only.
 */
export function ownFindings(rule: Rule, yaml: string, options?: RuleOptions): Array<[number, number, string]> {
  return lintWith(rule, yaml, options)
    .filter((finding) => finding.ruleId === rule.meta.id)
    .map((finding) => [finding.region.startLine, finding.region.startColumn, finding.message]);
}

export type RuleOptions = Record<string, unknown>;

export interface ValidCase {
  name: string;
  yaml: string;
  options?: RuleOptions;
  originOf?: OriginOf;
}

export interface ExpectedFinding {
  messageId: string;
  /** The values of the message's placeholders, all of them. */
  data?: MessageData;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** A fragment the rendered message must contain, to show how it reads. */
  message?: string;
  /** The related locations, all of them, when the case is about them: line, column and message of each. */
  related?: ExpectedRelated[];
  /** The finding's severity, when the case is about a rule lowering it. */
  severity?: Severity;
}

export interface ExpectedRelated {
  line: number;
  column: number;
  message: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
}

/**
 * RuleTester-style suite: every valid case yields no finding of the rule; every invalid case yields
 * exactly the expected findings of the rule: message id and data, start and end positions. Findings of other
 * checks (e.g. kubeward/invalid-field-type for deliberately wrong input) are not this suite's concern.
 */
export function testRule(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    it("has at least one valid and one invalid case", () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });
    for (const testCase of cases.valid) {
      it(`valid: ${testCase.name}`, () => {
        const findings = lintWith(rule, testCase.yaml, testCase.options, testCase.originOf).filter((finding) => finding.ruleId === rule.meta.id);
        expect(findings.map(summary)).toEqual([]);
      });
    }
    for (const testCase of cases.invalid) {
      it(`invalid: ${testCase.name}`, () => {
        const findings = lintWith(rule, testCase.yaml, testCase.options, testCase.originOf).filter(
          (finding) => !finding.suppression && finding.ruleId === rule.meta.id,
        );
        expect(findings.map(actual)).toEqual(testCase.errors.map(expected));
        testCase.errors.forEach((error, i) => {
          if (error.message) expect(findings[i].message).toContain(error.message);
          if (error.related) expect((findings[i].related ?? []).map(relatedSummary)).toEqual(error.related);
          if (error.severity) expect(findings[i].severity).toBe(error.severity);
        });
      });
    }
  });
}

function actual(finding: Finding): ExpectedFinding {
  const { startLine, startColumn, endLine, endColumn } = finding.region;
  return { messageId: finding.messageId ?? "", data: finding.data, line: startLine, column: startColumn, endLine, endColumn };
}

function expected({ messageId, data, line, column, endLine, endColumn }: ExpectedFinding): ExpectedFinding {
  return { messageId, data, line, column, endLine, endColumn };
}

function relatedSummary(place: RelatedLocation): ExpectedRelated {
  return { line: place.region.startLine, column: place.region.startColumn, message: place.message };
}

function summary(finding: Finding): string {
  return `${finding.ruleId} ${finding.region.startLine}:${finding.region.startColumn} ${finding.message}`;
}
