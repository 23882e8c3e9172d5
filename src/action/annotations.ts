import { error, notice, warning, type AnnotationProperties } from "@actions/core";
import type { Finding } from "../engine/finding.js";
import { SEVERITIES } from "../core/rule-meta.js";
import { levelOf, type Level } from "../core/severity.js";
import { displayMessage } from "../report/report.js";

/** GitHub shows at most this many annotations of each level per step and drops the rest. */
export const ANNOTATIONS_PER_LEVEL = 10;

export type LevelCounts = Record<Level, number>;

const ANNOTATE: Record<Level, (message: string, properties: AnnotationProperties) => void> = { error, warning, note: notice };

function properties(finding: Finding): AnnotationProperties {
  // Findings about stdin or about no file at all still show, just not on a line.
  if (!finding.file || finding.file === "-") return { title: finding.ruleId };
  const { startLine, startColumn, endLine, endColumn } = finding.region;
  const where: AnnotationProperties = { title: finding.ruleId, file: finding.file, startLine, endLine };
  // GitHub takes columns only on a one-line span (else it drops the annotation); the end column is
  // passed as SARIF has it, just past the span, and never before the start, which GitHub rejects.
  if (startLine === endLine) Object.assign(where, { startColumn, endColumn: Math.max(startColumn, endColumn) });
  return where;
}

/** Most severe first, keeping the report's file/line order within a severity. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
}

/**
 * Prints an annotation command per finding, most severe first and at most `room` of each level
 * (GitHub would drop the rest anyway); returns how many of each level were left out.
 */
export function annotate(findings: readonly Finding[], room: LevelCounts): LevelCounts {
  const shown: LevelCounts = { error: 0, warning: 0, note: 0 };
  const omitted: LevelCounts = { error: 0, warning: 0, note: 0 };
  for (const finding of bySeverity(findings)) {
    const level = levelOf(finding.severity);
    if (shown[level] >= room[level]) {
      omitted[level]++;
      continue;
    }
    shown[level]++;
    // The message already names a related location (the values.yaml line), so it is not repeated.
    ANNOTATE[level](displayMessage(finding), properties(finding));
  }
  return omitted;
}
