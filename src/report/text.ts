import { styleText } from "node:util";
import type { Finding } from "../engine/finding.js";
import { levelOf, type Level } from "../core/severity.js";
import { activeFindings, displayMessage, relatedLocations, type ReportInput } from "./report.js";
import { plural } from "../core/words.js";

type Style = Parameters<typeof styleText>[0];

const LEVEL_STYLE: Record<Level, Style> = { error: "red", warning: "yellow", note: "cyan" };

/**
 * Human output: findings grouped by file, `line:col  level  message  rule`, then a summary line; a piece
 * per file, made as it is written, so a large run never holds every line of the report at once.
 */
export function* textPieces(input: ReportInput): Generator<string> {
  // kubeward decides on colour itself (TTY, NO_COLOR, FORCE_COLOR); styleText alone would also drop it under CI=true.
  const paint = (style: Style, text: string): string => (input.color ? styleText(style, text, { validateStream: false }) : text);
  const findings = activeFindings(input.findings);
  const suppressed = input.findings.length - findings.length;
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.file);
    if (list) list.push(finding);
    else byFile.set(finding.file, [finding]);
  }

  for (const [file, fileFindings] of byFile) {
    const lines = [paint("underline", file || "(no file)")];
    // A loop, not Math.max(...): a file can hold more findings than a call has room for arguments.
    let width = 0;
    for (const f of fileFindings) width = Math.max(width, `${f.region.startLine}:${f.region.startColumn}`.length);
    for (const finding of fileFindings) {
      const level = levelOf(finding.severity);
      const position = `${finding.region.startLine}:${finding.region.startColumn}`.padEnd(width);
      lines.push(`  ${paint("dim", position)}  ${paint(LEVEL_STYLE[level], level.padEnd(7))}  ${displayMessage(finding)}  ${paint("dim", finding.ruleId)}`);
      for (const related of relatedLocations(finding)) {
        const where = `${related.file}:${related.region.startLine}:${related.region.startColumn}`;
        lines.push(`  ${" ".repeat(width)}  ${paint("dim", "↳")} ${paint("dim", where)}  ${related.message}`);
      }
    }
    lines.push("", "");
    yield lines.join("\n");
  }

  const counts = { error: 0, warning: 0, note: 0 };
  for (const finding of findings) counts[levelOf(finding.severity)]++;
  const scanned = `${plural(input.stats.objects, "object")} in ${plural(input.stats.files, "file")}`;
  const hidden = input.hidden ?? 0;
  const tail = (suppressed > 0 ? `, ${suppressed} suppressed` : "") + (hidden > 0 ? `, ${hidden} below error hidden by --quiet` : "");
  if (findings.length === 0) {
    yield `${paint("green", `✔ No problems found (${scanned}${tail}).`)}\n`;
  } else {
    const summary = `✖ ${plural(findings.length, "problem")} (${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${plural(counts.note, "note")}) in ${scanned}${tail}.`;
    yield `${paint(counts.error > 0 ? "red" : "yellow", summary)}\n`;
  }
}
