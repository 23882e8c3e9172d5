import type { Finding } from "../engine/finding.js";
import type { RuleMeta, Severity } from "../engine/rule.js";
import type { Provenance, RelatedLocation, ValuesSetting } from "../manifest/types.js";

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
  sarif?: SarifSettings;
}

export interface SarifSettings {
  /** Write every result, past GitHub code scanning's limits. */
  allResults?: boolean;
  /** The working directory's path from the root of its git work tree (`deploy/k8s`, or `` at the root); undefined outside one. */
  repositoryBase?: string;
}

/** A report as consecutive pieces of text, to be written one after another. */
export interface FormattedReport {
  pieces: string[];
  /** Results a limit left out (SARIF only). */
  omitted?: OmittedResults;
}

/** Results GitHub's SARIF limits left out of a log; also written to the run's properties. */
export interface OmittedResults {
  count: number;
  /** Of all results, suppressed ones included. */
  total: number;
  bySeverity: Record<Severity, number>;
  /** Which limit: `results per run` or `gzipped size`. */
  limit: "results per run" | "gzipped size";
}

export type Format = "text" | "compact" | "json" | "sarif";
export const FORMATS: readonly Format[] = ["text", "compact", "json", "sarif"];

/** Findings a person should act on: not suppressed. */
export function activeFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => !finding.suppression);
}

/** The rule's message with where the field's value comes from. */
export function messageWithProvenance(finding: Finding): string {
  const provenance = describeProvenance(finding.provenance);
  return provenance ? `${finding.message.replace(/\.$/, "")} (${provenance}).` : finding.message;
}

/** The message as shown to people: with its provenance, and the Helm value sets it applies to when a chart has several. */
export function displayMessage(finding: Finding): string {
  const message = messageWithProvenance(finding);
  return finding.valueSets?.length ? `${message} [value sets: ${finding.valueSets.join(", ")}]` : message;
}

function describeSetting(setting: ValuesSetting): string {
  if (setting.fromSetArgument) return `value \`${setting.key}\` from --set`;
  if (!setting.written) return `from values: \`${setting.key}\` is not set in ${setting.file}`;
  return `value \`${setting.key}\` from ${setting.file}:${setting.region?.startLine ?? 1}`;
}

/** The provenance of a finding in words: which values keys feed it, and whether its location is a guess. */
export function describeProvenance(provenance: Provenance | undefined): string | undefined {
  if (!provenance) return undefined;
  const parts = provenance.values.map(describeSetting);
  if (provenance.renderedFrom) parts.push(`rendered from ${provenance.renderedFrom}, which is not a file on disk`);
  if (provenance.fallback) parts.push(provenance.guessed === "values key" ? "values key read from template text" : "approximate location, read from template text");
  return parts.length ? parts.join("; ") : undefined;
}

/** Places that explain a finding: the values lines that set (or should set) its field. */
export function relatedLocations(finding: Finding): RelatedLocation[] {
  const related: RelatedLocation[] = [];
  for (const setting of finding.provenance?.values ?? []) {
    if (!setting.file || !setting.region) continue;
    const message = setting.written ? `\`${setting.key}\` is set here` : `\`${setting.key}\` is not set; it belongs under this key`;
    related.push({ file: setting.file, region: setting.region, message });
  }
  return related;
}
