import { describe, expect, it } from "vitest";
import { EMPTY_CONFIG, activeRules } from "../../src/config/config.js";
import { lintObjects } from "../../src/engine/engine.js";
import type { Finding } from "../../src/engine/finding.js";
import type { Rule, RuleOptions } from "../../src/engine/rule.js";
import { parseManifest } from "../../src/manifest/parse.js";
import type { K8sObject, Origin } from "../../src/core/types.js";

/** Origin fields to give a test object, e.g. those Helm expansion sets (`chart`, `scope`, `releaseNamespace`). */
export type OriginOf = (object: K8sObject) => Partial<Origin>;

/**
 * Lints YAML text with one rule (plus options), returning every finding, suppressed ones included.
 * `originOf` makes the objects look expanded from a chart or overlay.
 */
export function lintWith(rule: Rule, yaml: string, options: RuleOptions = {}, originOf?: OriginOf): Finding[] {
  const parsed = parseManifest("test.yaml", yaml);
  expect(parsed.problems, "test manifest must be valid YAML").toEqual([]);
  const objects = originOf ? parsed.objects.map((object) => ({ ...object, origin: { ...object.origin, ...originOf(object) } })) : parsed.objects;
  const config = { ...EMPTY_CONFIG, rules: { [rule.meta.id]: { enabled: true, options } } };
  return lintObjects(objects, activeRules([rule], config));
}

/**
 * `[line, column, message]` of one rule's own findings. The engine reports wrongly typed fields itself
 * (kubeward/invalid-field-type), so tests of how a rule reads such input look at the rule's findings only.
 */
export function ownFindings(rule: Rule, yaml: string, options?: RuleOptions): [number, number, string][] {
  return lintWith(rule, yaml, options)
    .filter((finding) => finding.ruleId === rule.meta.id)
    .map((finding) => [finding.region.startLine, finding.region.startColumn, finding.message]);
}

export interface ValidCase {
  name: string;
  yaml: string;
  options?: RuleOptions;
  originOf?: OriginOf;
}

export interface ExpectedFinding {
  line: number;
  column: number;
  /** A fragment the message must contain. */
  message?: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
}

/**
 * RuleTester-style suite: every valid case yields no finding of the rule; every invalid case yields
 * exactly the expected findings of the rule, at the expected line and column. Findings of other
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
        expect(findings.map((finding) => finding.ruleId)).toEqual(testCase.errors.map(() => rule.meta.id));
        expect(findings.map((finding) => [finding.region.startLine, finding.region.startColumn])).toEqual(
          testCase.errors.map((error) => [error.line, error.column]),
        );
        testCase.errors.forEach((error, i) => {
          if (error.message) expect(findings[i].message).toContain(error.message);
        });
      });
    }
  });
}

function summary(finding: Finding): string {
  return `${finding.ruleId} ${finding.region.startLine}:${finding.region.startColumn} ${finding.message}`;
}
