import { levelOf } from "../core/severity.js";
import { activeFindings, displayMessage, type ReportInput } from "./report.js";

// A piece per thousand lines, made as it is written (see jsonPieces).
const LINES_PER_PIECE = 1000;

/** One line per finding, `file:line:col: level: message [rule]`, for editors' problem matchers. */
export function* compactPieces(input: ReportInput): Generator<string> {
  const findings = activeFindings(input.findings);
  for (let start = 0; start < findings.length; start += LINES_PER_PIECE) {
    let piece = "";
    for (const f of findings.slice(start, start + LINES_PER_PIECE)) {
      piece += `${f.file}:${f.region.startLine}:${f.region.startColumn}: ${levelOf(f.severity)}: ${displayMessage(f)} [${f.ruleId}]\n`;
    }
    yield piece;
  }
}
