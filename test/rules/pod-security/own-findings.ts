import type { Rule, RuleOptions } from "../../../src/engine/rule.js";
import { lintWith } from "../../helpers/rule-tester.js";

/**
 * `[line, column, message]` of one rule's own findings. The engine reports wrongly typed fields itself
 * (kubeward/invalid-field-type), so tests of how a rule reads such input look at the rule's findings only.
 */
export function ownFindings(rule: Rule, yaml: string, options?: RuleOptions): [number, number, string][] {
  return lintWith(rule, yaml, options)
    .filter((finding) => finding.ruleId === rule.meta.id)
    .map((finding) => [finding.region.startLine, finding.region.startColumn, finding.message]);
}
