import { levelOf } from "../core/severity.js";
import { activeFindings, displayMessage, type ReportInput } from "./report.js";

/** One line per finding, `file:line:col: level: message [rule]`, for editors' problem matchers. */
export function formatCompact(input: ReportInput): string {
  return activeFindings(input.findings)
    .map((f) => `${f.file}:${f.region.startLine}:${f.region.startColumn}: ${levelOf(f.severity)}: ${displayMessage(f)} [${f.ruleId}]\n`)
    .join("");
}
