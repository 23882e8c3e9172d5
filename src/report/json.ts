import { formatPath } from "../core/json.js";
import { helpUri } from "../core/rule-meta.js";
import { levelOf } from "../core/severity.js";
import { messageWithProvenance, relatedLocations, type ReportInput } from "./report.js";

/**
 * A stable array of findings (documented in docs/output-formats.md). Suppressed findings are included
 * with `suppressed: true`, so nothing disappears silently.
 */
export function formatJson(input: ReportInput): string {
  const findings = input.findings.map((f) => ({
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
  }));
  return `${JSON.stringify(findings, null, 2)}\n`;
}
