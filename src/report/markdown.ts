import { SEVERITIES } from "../core/rule-meta.js";
import { objectLabel, type Finding } from "../engine/finding.js";
import { plural } from "../core/words.js";
import { STATUS_LABEL, notCheckedReason, type ComplianceReport, type ControlResult, type FrameworkResult } from "./compliance.js";
import { escapeMarkdown } from "./escape.js";
import { locationText, type Linker } from "./links.js";
import { displayMessage } from "./report.js";

/**
 * The compliance report in GitHub-flavoured Markdown, compact enough for a job summary (GitHub takes
 * 1 MiB per step): per framework a totals line and a table of its controls, then each failing
 * control's findings, at most `perControl` of them and `total` in all.
 */

export interface MarkdownOptions {
  /** Findings listed under one failing control; the rest are counted. */
  perControl?: number;
  /** Findings listed in the whole report. */
  total?: number;
  /** Level of each framework's heading (the report's own is one above): 2 in a file, deeper inside a job summary. */
  headingLevel?: number;
  /** A sentence shown under the report's heading. */
  note?: string;
}

/** At 10 per control and 1,000 in all, a report stays near 300 KB whatever the run holds. */
export const MARKDOWN_LIMITS = { perControl: 10, total: 1000 } as const;

export function totalsLine(result: FrameworkResult): string {
  const { controls, partial, findings, bySeverity } = result.totals;
  const statuses = (["fail", "pass", "not-static", "not-checked"] as const).map((status) => `${controls[status]} ${STATUS_LABEL[status]}`);
  const partly = partial > 0 ? ` (${partial} of them partly checked)` : "";
  const severities = SEVERITIES.map((severity) => `${bySeverity[severity]} ${severity}`).join(", ");
  return `${plural(result.controls.length, "control")}: ${statuses.join(", ")}${partly}. ${plural(findings, "finding")}: ${severities}.`;
}

function statusCell(control: ControlResult): string {
  const label = STATUS_LABEL[control.status];
  if (control.coverage === "partial") return `${label}, partly checked${control.limits ? `: ${escapeMarkdown(control.limits)}` : ""}`;
  if (control.status === "not-static") return `${label}${control.limits ? `: ${escapeMarkdown(control.limits)}` : ""}`;
  if (control.status === "not-checked") return `${label}: ${notCheckedReason(control)}`;
  return label;
}

function findingItem(finding: Finding, link: Linker): string {
  const where = escapeMarkdown(locationText(finding));
  const href = link(finding);
  const place = href ? `[${where}](${href.replace(/[()\s]/g, encodeURIComponent)})` : where;
  const object = finding.object ? ` ${escapeMarkdown(objectLabel(finding.object))}:` : "";
  return `- ${finding.severity} \`${finding.ruleId}\` ${place}${object} ${escapeMarkdown(displayMessage(finding))}`;
}

export function formatMarkdown(report: ComplianceReport, link: Linker, options: MarkdownOptions = {}): string {
  const perControl = options.perControl ?? MARKDOWN_LIMITS.perControl;
  let room = options.total ?? MARKDOWN_LIMITS.total;
  const level = options.headingLevel ?? 2;
  const heading = (depth: number, text: string): string => `${"#".repeat(Math.min(Math.max(depth, 1), 6))} ${text}`;
  const lines: string[] = [heading(level - 1, "Compliance report"), ""];
  lines.push(`kubeward ${report.toolVersion}: ${plural(report.stats.objects, "object")} in ${plural(report.stats.files, "file")}${report.suppressed ? `; ${plural(report.suppressed, "suppressed finding")} fail${report.suppressed === 1 ? "s" : ""} no control` : ""}.`, "");
  if (options.note) lines.push(escapeMarkdown(options.note), "");
  if (report.unlinted.length > 0) {
    lines.push(`**${plural(report.unlinted.length, "input")} could not be linted**, so a control may pass that would fail:`, "");
    for (const finding of report.unlinted) lines.push(findingItem(finding, link));
    lines.push("");
  }
  let unlisted = 0;
  for (const result of report.frameworks) {
    lines.push(heading(level, `${escapeMarkdown(result.name)}${result.version ? ` ${escapeMarkdown(result.version)}` : ""} (\`${result.selection}\`)`), "");
    lines.push(totalsLine(result), "");
    lines.push("| Control | Title | Status | Rules | Findings |", "| --- | --- | --- | --- | --- |");
    for (const control of result.controls) {
      const rules = control.rules.map((rule) => `\`${rule}\`${control.ran.includes(rule) ? "" : " (off)"}`).join(", ");
      lines.push(`| ${escapeMarkdown(control.id)} | ${escapeMarkdown(control.title)} | ${statusCell(control)} | ${rules} | ${control.findings.length} |`);
    }
    lines.push("");
    for (const control of result.controls) {
      if (control.status !== "fail") continue;
      lines.push(`**${escapeMarkdown(control.id)}${control.title ? ` ${escapeMarkdown(control.title)}` : ""}**: fail, ${plural(control.findings.length, "finding")}`, "");
      const listed = control.findings.slice(0, Math.max(0, Math.min(perControl, room)));
      room -= listed.length;
      for (const finding of listed) lines.push(findingItem(finding, link));
      const more = control.findings.length - listed.length;
      unlisted += more;
      if (more > 0) lines.push(`- … and ${more} more`);
      lines.push("");
    }
  }
  if (unlisted > 0) {
    lines.push(`${plural(unlisted, "finding")} under failing controls ${unlisted === 1 ? "is" : "are"} not listed, to keep this short enough for a GitHub job summary; the HTML report (\`kubeward report --format html\`) and \`kubeward lint\` list every one.`, "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
