import type { Finding } from "../engine/finding.js";
import type { RuleMeta } from "../engine/rule.js";

/** Everything a reporter may use; reporters turn this into text and touch nothing else. */
export interface ReportInput {
  findings: readonly Finding[];
  /** Metadata of every rule that can appear in findings. */
  rules: readonly RuleMeta[];
  toolVersion: string;
  stats: { files: number; objects: number };
  color: boolean;
  /** Unsuppressed findings left out of `findings` (by --quiet), counted in the text summary. */
  hidden?: number;
}

export type Format = "text" | "compact" | "json" | "sarif";
export const FORMATS: readonly Format[] = ["text", "compact", "json", "sarif"];

/** Findings a person should act on: not suppressed. */
export function activeFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => !finding.suppression);
}

/** The message as shown to people: with the Helm value sets it applies to, when a chart has several. */
export function displayMessage(finding: Finding): string {
  return finding.valueSets?.length ? `${finding.message} [value sets: ${finding.valueSets.join(", ")}]` : finding.message;
}
