import { UNLINTED_INPUT_RULES } from "../core/diagnostics.js";
import type { Finding } from "./finding.js";
import { failsAt, type FailLevel } from "../core/severity.js";

/** Whether a finding reports input that could not be linted, which fails the run whatever the fail level. */
export function isUnlintedInput(finding: Finding): boolean {
  return UNLINTED_INPUT_RULES.has(finding.ruleId);
}

/** Why a run fails: inputs that could not be linted fail it whatever the level; other findings by their severity. */
export interface RunVerdict {
  unlinted: Finding[];
  /** Findings, other than unlinted input, at or above the fail level. */
  failingByLevel: Finding[];
  fails: boolean;
}

export function runVerdict(active: readonly Finding[], failOn: FailLevel): RunVerdict {
  const unlinted = active.filter(isUnlintedInput);
  const failingByLevel = active.filter((finding) => !isUnlintedInput(finding) && failsAt(finding.severity, failOn));
  return { unlinted, failingByLevel, fails: unlinted.length > 0 || failingByLevel.length > 0 };
}
