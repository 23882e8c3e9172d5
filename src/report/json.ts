import { formatPath } from "../core/json.js";
import { helpUri } from "../core/rule-meta.js";
import { levelOf } from "../core/severity.js";
import type { Finding } from "../engine/finding.js";
import { messageWithProvenance, relatedLocations, type ReportInput } from "./report.js";

/**
 * A stable array of findings (documented in docs/output-formats.md). Suppressed findings are included
 * with `suppressed: true`, so nothing disappears silently.
 */
export function formatJson(input: ReportInput): string {
  return [...jsonPieces(input)].join("");
}

function findingJson(f: Finding): object {
  return {
    rule: f.ruleId,
    severity: f.severity,
    level: levelOf(f.severity),
    message: messageWithProvenance(f),
    file: f.file,
    region: f.region,
    object: f.object ?? null,
    path: f.path ? formatPath(f.path) : null,
    suppressed: Boolean(f.suppression),
    suppression: f.suppression ?? null,
    related: relatedLocations(f),
    provenance: f.provenance ?? null,
    valueSets: f.valueSets ?? null,
    source: f.source ?? null,
    helpUri: helpUri(f.ruleId),
  };
}

// A piece per hundred findings: what outlives a young-generation collection while a piece is made stays in
// the old generation until a full one (SARIF's RESULTS_PER_PIECE says more); a thousand added 150 MB at 50k objects.
export const FINDINGS_PER_PIECE = 100;

/**
 * The JSON report made a hundred findings at a time, as it is written (writeReportFile): the same
 * bytes as `JSON.stringify(findings, null, 2)`, without the array of every finding's object and the one
 * string of the whole report, which for a large repository were most of the run's peak memory.
 */
export function* jsonPieces(input: ReportInput): Generator<string> {
  const { findings } = input;
  if (findings.length === 0) {
    yield "[]\n";
    return;
  }
  for (let start = 0; start < findings.length; start += FINDINGS_PER_PIECE) {
    // The piece's findings stringified as one array, less its brackets: the layout of those elements in
    // the whole array, without re-indenting each finding's text (a second copy of every string).
    const array = JSON.stringify(findings.slice(start, start + FINDINGS_PER_PIECE).map(findingJson), null, 2);
    yield (start === 0 ? "[\n" : ",\n") + array.slice(2, -2);
  }
  yield "\n]\n";
}
