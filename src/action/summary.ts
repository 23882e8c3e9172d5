import { summary } from "@actions/core";
import type { Finding } from "../engine/finding.js";
import { SEVERITIES, helpUri, type RuleMeta, type Severity } from "../core/rule-meta.js";
import { levelOf, type FailLevel, type Level } from "../core/severity.js";
import { displayMessage } from "../report/report.js";
import { escapeHtml } from "../report/escape.js";
import { blobUrl, locationText } from "../report/links.js";
import { ANNOTATIONS_PER_LEVEL, bySeverity, type LevelCounts } from "./annotations.js";
import { plural } from "../core/words.js";

/** Everything the job summary shows. */
export interface SummaryInput {
  /** Unsuppressed findings after the only-changed filter, in report order. */
  findings: readonly Finding[];
  suppressed: number;
  stats: { files: number; objects: number };
  rules: readonly RuleMeta[];
  failOn: FailLevel;
  /** Findings that fail the step: those at or above the fail level, and every input that could not be linted. */
  failing: number;
  /** How many of the findings are input that could not be linted. */
  unlinted: number;
  /** Annotations left out per level; undefined when annotations are off. */
  omittedAnnotations?: LevelCounts;
  /** What the only-changed input did, in a sentence; undefined when it is off. */
  onlyChanged?: string;
  /** How many results GitHub's SARIF limits left out of the SARIF file, in a sentence; undefined when none. */
  sarifOmitted?: string;
  /** `https://github.com/owner/repo/blob/sha`, to link each finding to its line; undefined outside GitHub. */
  blobBase?: string;
  sarifFile: string;
  /** The compliance report in Markdown, when the framework input names frameworks. */
  compliance?: string;
}

/** A table row as core.summary.addTable takes it (the type is not exported from the package root). */
type SummaryTableRow = Parameters<typeof summary.addTable>[0][number];

/** Rows beyond this go to the log and the SARIF file; a step summary may hold 1 MiB. */
const FINDING_ROWS = 200;

function link(text: string, href: string): string {
  return `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
}

function header(...titles: string[]): SummaryTableRow {
  return titles.map((title) => ({ data: title, header: true }));
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function headline(input: SummaryInput): string {
  const levels = countBy(input.findings, (finding) => levelOf(finding.severity));
  const scanned = `${plural(input.stats.objects, "object")} in ${plural(input.stats.files, "file")}`;
  const suppressed = input.suppressed ? `, ${input.suppressed} suppressed` : "";
  if (input.findings.length === 0) return `✔ No findings (${scanned}${suppressed}).`;
  const counts = (["error", "warning", "note"] as const).map((level) => plural(levels.get(level) ?? 0, level)).join(", ");
  const byLevel = input.failing - input.unlinted;
  const verdict = input.unlinted
    ? `${plural(input.unlinted, "input")} that could not be linted${byLevel ? ` and ${plural(byLevel, "finding")} at or above ${input.failOn}` : ""} ${input.failing === 1 ? "fails" : "fail"} the step`
    : input.failOn === "none"
      ? "fail-on is none, so the step passes"
      : input.failing
        ? `${plural(input.failing, "finding")} at or above ${input.failOn} fail the step`
        : `none is at or above ${input.failOn}, so the step passes`;
  return `✖ ${plural(input.findings.length, "finding")} (${counts}) in ${scanned}${suppressed}; ${verdict}.`;
}

function annotationNote(omitted: LevelCounts | undefined): string | undefined {
  if (!omitted) return undefined;
  const names: Record<Level, string> = { error: "error", warning: "warning", note: "notice" };
  const parts = (["error", "warning", "note"] as const).filter((level) => omitted[level] > 0).map((level) => plural(omitted[level], `more ${names[level]}`));
  if (parts.length === 0) return undefined;
  const total = omitted.error + omitted.warning + omitted.note;
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
  return `GitHub shows ${ANNOTATIONS_PER_LEVEL} annotations of each level per step, so the most severe findings were annotated first; ${list} ${total === 1 ? "is" : "are"} not annotated (they are listed below, in the log and in the SARIF file).`;
}

function severityTable(findings: readonly Finding[]): SummaryTableRow[] {
  const counts = countBy(findings, (finding) => finding.severity);
  return [header("Severity", "Level", "Findings"), ...SEVERITIES.map((severity) => [severity, levelOf(severity), String(counts.get(severity) ?? 0)])];
}

function ruleTable(input: SummaryInput): SummaryTableRow[] {
  const byRule = new Map<string, { severity: Severity; count: number }>();
  for (const finding of input.findings) {
    const entry = byRule.get(finding.ruleId);
    if (entry) entry.count++;
    else byRule.set(finding.ruleId, { severity: finding.severity, count: 1 });
  }
  const titles = new Map(input.rules.map((meta) => [meta.id, meta.title]));
  const rows = [...byRule].sort(
    ([a, x], [b, y]) => SEVERITIES.indexOf(x.severity) - SEVERITIES.indexOf(y.severity) || y.count - x.count || (a < b ? -1 : 1),
  );
  return [
    header("Rule", "Title", "Severity", "Findings"),
    ...rows.map(([id, { severity, count }]) => [link(id, helpUri(id)), escapeHtml(titles.get(id) ?? id), severity, String(count)]),
  ];
}

function findingTable(input: SummaryInput): SummaryTableRow[] {
  const place = (finding: Finding): string => {
    const text = locationText(finding);
    const href = input.blobBase && finding.file ? blobUrl(input.blobBase, finding.file, finding.region.startLine) : undefined;
    return href ? link(text, href) : escapeHtml(text);
  };
  return [
    header("Location", "Severity", "Rule", "Message"),
    ...bySeverity(input.findings)
      .slice(0, FINDING_ROWS)
      .map((finding) => [place(finding), finding.severity, link(finding.ruleId, helpUri(finding.ruleId)), escapeHtml(displayMessage(finding))]),
  ];
}

/** Appends the run's job summary to the GITHUB_STEP_SUMMARY file. */
export async function writeSummary(input: SummaryInput): Promise<void> {
  summary.addHeading("kubeward", 2).addRaw(`<p>${escapeHtml(headline(input))}</p>`, true);
  for (const note of [input.onlyChanged, annotationNote(input.omittedAnnotations)]) {
    if (note) summary.addRaw(`<p>${escapeHtml(note)}</p>`, true);
  }
  if (input.findings.length) {
    summary.addHeading("By severity", 3).addTable(severityTable(input.findings));
    summary.addHeading("By rule", 3).addTable(ruleTable(input));
    const more = input.findings.length - FINDING_ROWS;
    summary.addHeading("Findings", 3).addTable(findingTable(input));
    if (more > 0) summary.addRaw(`<p>${escapeHtml(`${plural(more, "more finding")}, the least severe, are in the log and the SARIF file.`)}</p>`, true);
  }
  summary.addRaw(`<p>SARIF: <code>${escapeHtml(input.sarifFile)}</code></p>`, true);
  if (input.sarifOmitted) summary.addRaw(`<p>${escapeHtml(`⚠ ${input.sarifOmitted.charAt(0).toUpperCase()}${input.sarifOmitted.slice(1)}`)}</p>`, true);
  // Markdown after HTML blocks needs a blank line before it, or GitHub reads it as more HTML.
  if (input.compliance) summary.addRaw(`\n${input.compliance}`, true);
  await summary.write();
}
