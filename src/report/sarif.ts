import path from "node:path";
import { gzipSync } from "node:zlib";
import type * as Sarif from "sarif";
import { objectLabel, type Finding } from "../engine/finding.js";
import type { Region } from "../core/types.js";
import { SEVERITIES, helpUri, type Framework, type RuleMeta, type Severity } from "../core/rule-meta.js";
import { levelOf, securitySeverity } from "../core/severity.js";
import { FRAMEWORKS, controlTitle } from "../core/frameworks.js";
import { GITHUB_SARIF_LIMITS, displayMessage, relatedLocations, reportText, type FormattedReport, type OmittedResults, type ReportInput } from "./report.js";

export const INFORMATION_URI = "https://github.com/kubeward/kubeward";
const FINGERPRINT_KEY = "kubeward/v1";

/** `SecurityContext`-style name from a kebab-case id, as SARIF `name` expects an identifier. */
function ruleName(id: string): string {
  return id
    .split(/[-/]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}

function frameworkTags(meta: RuleMeta): string[] {
  return meta.frameworks.map((ref) => `${ref.framework.toLowerCase()}:${ref.control}`);
}

function helpMarkdown(meta: RuleMeta): string {
  const frameworks = meta.frameworks.map((ref) => {
    const title = controlTitle(ref);
    return `- ${ref.framework} ${ref.control}${title ? `: ${title}` : ""}`;
  });
  return [
    `**${meta.title}**`,
    "",
    meta.rationale,
    "",
    `**Fix:** ${meta.remediation}`,
    ...(frameworks.length ? ["", "**Frameworks:**", ...frameworks] : []),
    "",
    `[Rule documentation](${helpUri(meta.id)})`,
  ].join("\n");
}

function describeRule(meta: RuleMeta): Sarif.ReportingDescriptor {
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.rationale },
    help: { text: `${meta.rationale}\n\nFix: ${meta.remediation}`, markdown: helpMarkdown(meta) },
    helpUri: helpUri(meta.id),
    defaultConfiguration: { level: levelOf(meta.severity), ...(meta.enabledByDefault === false ? { enabled: false } : {}) },
    ...(meta.frameworks.length ? { relationships: meta.frameworks.map(relationship) } : {}),
    properties: {
      tags: ["security", "kubernetes", meta.category, ...frameworkTags(meta)],
      precision: "high",
      "security-severity": securitySeverity(meta.severity),
    },
  };
}

/** A rule's tie to a framework control (SARIF 2.1.0 reportingDescriptorRelationship): the control asks for more than the rule checks. */
function relationship(ref: RuleMeta["frameworks"][number]): Sarif.ReportingDescriptorRelationship {
  return { target: { id: ref.control, toolComponent: { name: ref.framework } }, kinds: ["superset"] };
}

/** The frameworks the rules name, as the run's taxonomies, each with the controls the rules name as its taxa. */
function taxonomies(rules: readonly RuleMeta[]): Sarif.ToolComponent[] {
  const named = new Map<Framework, Set<string>>();
  for (const ref of rules.flatMap((meta) => meta.frameworks)) {
    const controls = named.get(ref.framework) ?? new Set<string>();
    named.set(ref.framework, controls.add(ref.control));
  }
  return (Object.keys(FRAMEWORKS) as Framework[])
    .filter((framework) => named.has(framework))
    .map((framework) => {
      const { fullName, version, informationUri, controls } = FRAMEWORKS[framework];
      const taxa = Object.keys(controls)
        .filter((control) => named.get(framework)?.has(control))
        .map((control) => ({ id: control, shortDescription: { text: controlTitle({ framework, control }) ?? control } }));
      return { name: framework, fullName, ...(version !== undefined && { version }), informationUri, taxa };
    });
}

/**
 * Each rule's controls as the `"taxa"` member of its results, pointing into `frameworks` by index, so a
 * tool that groups results by control need not go through the rules. Written once per rule.
 */
function resultTaxaJson(rules: readonly RuleMeta[], frameworks: readonly Sarif.ToolComponent[]): Map<string, string> {
  const indexOf = new Map<string, { component: number; taxon: number }>();
  frameworks.forEach((component, componentIndex) => {
    component.taxa?.forEach((taxon, taxonIndex) => indexOf.set(`${component.name} ${taxon.id}`, { component: componentIndex, taxon: taxonIndex }));
  });
  const byRule = new Map<string, string>();
  for (const meta of rules) {
    const taxa: Sarif.ReportingDescriptorReference[] = meta.frameworks.flatMap((ref) => {
      const index = indexOf.get(`${ref.framework} ${ref.control}`);
      return index ? [{ id: ref.control, index: index.taxon, toolComponent: { name: ref.framework, index: index.component } }] : [];
    });
    byRule.set(meta.id, taxa.length ? `,"taxa":${JSON.stringify(taxa)}` : "");
  }
  return byRule;
}

/** Relative URI reference for a display path: forward slashes, no leading `./`, segments escaped. */
export function artifactUri(file: string): string {
  return encodeArtifactUri(file);
}

/**
 * URIs of one log, remembered: a large run names few files many times. With `base` (the working
 * directory's path from the repository root) each display path becomes relative to the repository
 * root, as code scanning resolves `%SRCROOT%`; a path that leaves the repository keeps its display form.
 */
function uriMaker(base: string | undefined): (file: string) => string {
  const known = new Map<string, string>();
  return (file) => {
    let uri = known.get(file);
    if (uri === undefined) {
      uri = encodeArtifactUri(base && file !== "-" ? fromRepositoryRoot(base, file) : file);
      known.set(file, uri);
    }
    return uri;
  };
}

function fromRepositoryRoot(base: string, file: string): string {
  const joined = path.posix.normalize(`${base}/${file}`);
  return joined.startsWith("../") ? file : joined;
}

function encodeArtifactUri(file: string): string {
  return file
    .replace(/^(\.\/)+/, "")
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
}

/** Identifies a finding by what it is about, not by its line, so it survives unrelated edits. */
function fingerprint(finding: Finding, uri: string): string {
  lanes[0] = 0x811c9dc5;
  lanes[1] = 0x050c5d1f;
  mix(finding.ruleId);
  mix(uri);
  if (!finding.object) mix(finding.message);
  else {
    mix(objectLabel(finding.object));
    for (const segment of finding.path ?? []) mix(typeof segment === "string" ? segment : String(segment));
  }
  // Joined, so the counter's map keeps one flat string per distinct finding rather than a pair of pieces.
  return [hex32(lanes[0]), hex32(lanes[1])].join("");
}

/**
 * The state of a 64-bit FNV-1a style hash: two 32-bit lanes with different seeds and primes.
 * Fingerprints need identity, not security, and this is several times cheaper than a crypto digest
 * for the tens of thousands of results a large repository produces; each part of a fingerprint is
 * mixed in as it is, without joining the parts into one string first.
 */
const lanes = new Int32Array(2);

function mix(text: string): void {
  let high = lanes[0];
  let low = lanes[1];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    high = Math.imul(high ^ code, 0x01000193);
    low = Math.imul(low ^ code, 0x5bd1e995);
    low ^= low >>> 15;
  }
  // A separator, so ("ab", "c") and ("a", "bc") differ.
  lanes[0] = Math.imul(high ^ 0xffff, 0x01000193);
  lanes[1] = Math.imul(low ^ 0xffff, 0x5bd1e995);
}

const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

/** Eight hex digits; a table lookup, as Number#toString(16) is slow when called this often. */
function hex32(value: number): string {
  return HEX_BYTES[(value >>> 24) & 0xff] + HEX_BYTES[(value >>> 16) & 0xff] + HEX_BYTES[(value >>> 8) & 0xff] + HEX_BYTES[value & 0xff];
}

/** A JSON string literal for text that may need escaping; names rarely do, so they skip JSON.stringify when they can. */
function jsonString(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

// Quotes, backslashes, control characters and lone surrogates are what JSON.stringify escapes.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function regionJson(region: Region): string {
  return `{"startLine":${region.startLine},"startColumn":${region.startColumn},"endLine":${region.endLine},"endColumn":${region.endColumn}}`;
}

/**
 * One result as JSON text. Written directly rather than built as objects and stringified: a large
 * run has tens of thousands of results, and the objects were most of the report's cost. The rare
 * parts (related locations, suppressions) are typed objects, stringified.
 */
function resultJson(finding: Finding, ruleIndex: number, taxa: string, fingerprintValue: string, uriOf: (file: string) => string): string {
  // Artifact URIs are percent-encoded and rule ids are kebab-case: neither has anything to escape.
  const physical = `"physicalLocation":{"artifactLocation":{"uri":"${uriOf(finding.file)}","uriBaseId":"%SRCROOT%"},"region":${regionJson(finding.region)}}`;
  const logical = finding.object
    ? `,"logicalLocations":[{"name":${jsonString(finding.object.name)},"fullyQualifiedName":${jsonString(objectLabel(finding.object))},"kind":"resource"}]`
    : "";
  let json =
    `{"ruleId":"${finding.ruleId}","ruleIndex":${ruleIndex},"level":"${levelOf(finding.severity)}",` +
    `"message":{"text":${JSON.stringify(displayMessage(finding))}},"locations":[{${physical}${logical}}],` +
    `"partialFingerprints":{"${FINGERPRINT_KEY}":"${fingerprintValue}"}${taxa}`;
  const places = relatedLocations(finding);
  if (places.length) {
    const related: Sarif.Location[] = places.map((place, index) => ({
      id: index + 1,
      physicalLocation: { artifactLocation: { uri: uriOf(place.file), uriBaseId: "%SRCROOT%" }, region: place.region },
      message: { text: place.message },
    }));
    json += `,"relatedLocations":${JSON.stringify(related)}`;
  }
  if (finding.provenance && !finding.provenance.kustomize) {
    const { values, fallback, guessed } = finding.provenance;
    const locationMethod = fallback && guessed !== "values key" ? "template-text" : "instrumented-render";
    const valuesMethod = fallback ? "template-text" : "instrumented-render";
    const properties = { valuesKeys: values.map((setting) => setting.key), locationMethod, valuesMethod, ...(fallback ? { fallbackReason: fallback } : {}) };
    json += `,"properties":${JSON.stringify(properties)}`;
  }
  if (finding.suppression) {
    const how = finding.suppression.kind === "annotation" ? "the kubeward.io/ignore annotation" : "a kubeward-ignore comment";
    const suppressions: Sarif.Suppression[] = [{ kind: "inSource", justification: finding.suppression.reason ?? `suppressed by ${how}` }];
    json += `,"suppressions":${JSON.stringify(suppressions)}`;
  }
  return `${json}}`;
}

export { GITHUB_SARIF_LIMITS };

export interface SarifLimits {
  resultsPerRun: number;
  gzippedBytes: number;
}

/** SARIF 2.1.0 with one run, as GitHub code scanning ingests it, within GitHub's limits. */
export function formatSarif(input: ReportInput): string {
  return reportText(sarifReport(input).pieces);
}

/**
 * The SARIF log, within `limits` (GitHub's unless `input.sarif.allResults`): when there are more
 * results than a run may hold, or the log would be too large gzipped, the most severe are kept
 * (unsuppressed before suppressed), in report order, and the rest are counted in the run's
 * properties. With every result asked for, written in pieces made as they are read (`resultPieces`): a large
 * log never has to exist as one string, nor as one buffer, nor as the text of all its results. Within the
 * limits, the results (bounded in number) are encoded once and written as those bytes (`encodedResults`).
 */
export function sarifReport(input: ReportInput, limits: SarifLimits = GITHUB_SARIF_LIMITS): FormattedReport {
  const ruleIndex = new Map(input.rules.map((meta, index) => [meta.id, index]));
  const taxaOfRule = resultTaxaJson(input.rules, taxonomies(input.rules));
  const uriOf = uriMaker(input.sarif?.repositoryBase);
  const nextFingerprint = fingerprintCounter(uriOf);
  const resultWith = (index: number, fingerprintValue: string): string => {
    const finding = input.findings[index];
    return resultJson(finding, ruleIndex.get(finding.ruleId) ?? -1, taxaOfRule.get(finding.ruleId) ?? "", fingerprintValue, uriOf);
  };

  if (input.sarif?.allResults === true) {
    const [before, after] = logAround(input, undefined, input.findings.length);
    return { pieces: resultPieces(before, after, input.findings.length, (index) => resultWith(index, nextFingerprint(input.findings[index]))) };
  }

  // Ranked only when a limit is reached: most runs are far below both.
  let rankedOnce: number[] | undefined;
  const ranked = (): number[] => (rankedOnce ??= mostSevereFirst(input.findings));
  let kept = Math.min(input.findings.length, limits.resultsPerRun);
  // A cut for the gzipped size keeps fewer of the same ranking, so these are all the results that can be written.
  const fingerprints = keptFingerprints(input.findings, nextFingerprint, kept < input.findings.length ? ranked().slice(0, kept) : undefined);
  const resultOf = (index: number): string => resultWith(index, fingerprints.get(index) ?? "");
  let limit: OmittedResults["limit"] = "results per run";
  // At most `resultsPerRun` results, so holding their text is bounded, unlike the log of every result.
  let results = encodedResults(keptResults(ranked, kept, input.findings.length, resultOf));
  // The run around the results (its rules, mostly), with room for the omitted count. Gzip does
  // not grow JSON text, so only a log whose text exceeds the limit is measured gzipped.
  const envelope = JSON.stringify(sarifLog(input, undefined, 0));
  if (results.textBytes > limits.gzippedBytes - envelope.length - OMITTED_PROPERTIES_BYTES) {
    const room = limits.gzippedBytes - gzipSync(envelope).length - OMITTED_PROPERTIES_BYTES;
    for (let gzipped = gzippedSizeOver(results, room); gzipped !== undefined; gzipped = gzippedSizeOver(results, room)) {
      kept = Math.floor(kept * (room / gzipped) * 0.95);
      limit = "gzipped size";
      results = encodedResults(keptResults(ranked, kept, input.findings.length, resultOf));
    }
  }
  const omitted = kept < input.findings.length ? omittedResults(input.findings, ranked().slice(kept), limit) : undefined;
  const [before, after] = logAround(input, omitted, kept);
  return { pieces: encodedPieces(before, after, results.bytes), omitted };
}

/**
 * Fingerprints in report order. Findings alike in rule, file, object and path (two parse errors in one
 * file, say) are told apart by their order, as GitHub does with `hash:occurrence`, so no alert hides
 * another: each finding must be given in turn, every one of them.
 */
function fingerprintCounter(uriOf: (file: string) => string): (finding: Finding) => string {
  const occurrences = new Map<string, number>();
  return (finding) => {
    const hash = fingerprint(finding, uriOf(finding.file));
    const occurrence = (occurrences.get(hash) ?? 0) + 1;
    occurrences.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  };
}

/**
 * The fingerprints of the findings at `wanted` (of every finding when undefined). Each is counted over every
 * finding in report order, so a finding keeps its fingerprint whatever a limit leaves out; only those that can
 * be written are kept: at 50k objects, 25,000 of 268,000.
 */
function keptFingerprints(findings: readonly Finding[], nextFingerprint: (finding: Finding) => string, wanted?: readonly number[]): Map<number, string> {
  const isWanted = new Uint8Array(findings.length).fill(wanted ? 0 : 1);
  for (const index of wanted ?? []) isWanted[index] = 1;
  const fingerprints = new Map<number, string>();
  for (let index = 0; index < findings.length; index++) {
    const value = nextFingerprint(findings[index]);
    if (isWanted[index]) fingerprints.set(index, value);
  }
  return fingerprints;
}

/**
 * The log's text before and after its results. Compact: SARIF logs of large repositories run to many
 * megabytes, and uploads are size-limited. An unquoted `"results":[]` can only be the key itself, since
 * quotes inside JSON strings are escaped.
 */
function logAround(input: ReportInput, omitted: OmittedResults | undefined, kept: number): [string, string] {
  const [before, after] = JSON.stringify(sarifLog(input, omitted, kept)).split(EMPTY_RESULTS);
  return [before, after];
}

/**
 * The log a hundred results at a time, each result's text made only when its piece is read: with
 * every result asked for (`--sarif-all-results`), a large repository's log runs to hundreds of
 * megabytes, and holding the text of all its results, then the pieces joined from them, was most of
 * the run's peak memory. What a piece is made of can be dropped once it is written.
 */
function* resultPieces(before: string, after: string, count: number, resultOf: (index: number) => string): Generator<string> {
  yield `${before}"results":[`;
  for (let start = 0; start < count; start += RESULTS_PER_PIECE) {
    const end = Math.min(count, start + RESULTS_PER_PIECE);
    const batch: string[] = [];
    for (let index = start; index < end; index++) batch.push(resultOf(index));
    yield `${start === 0 ? "" : ","}${batch.join(",")}`;
  }
  yield `]${after}\n`;
}

/** The log around results already encoded (`encodedResults`), which are written as they are. */
function* encodedPieces(before: string, after: string, results: Buffer): Generator<string | Buffer> {
  yield `${before}"results":[`;
  if (results.length > 0) yield results;
  yield `]${after}\n`;
}

/** The log with an empty results array, to be filled in. */
function sarifLog(input: ReportInput, omitted: OmittedResults | undefined, kept: number): Sarif.Log {
  const frameworks = taxonomies(input.rules);
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "kubeward",
            version: input.toolVersion,
            semanticVersion: input.toolVersion,
            informationUri: INFORMATION_URI,
            rules: input.rules.map(describeRule),
            ...(frameworks.length ? { supportedTaxonomies: frameworks.map(({ name }) => ({ name })) } : {}),
          },
        },
        ...(frameworks.length ? { taxonomies: frameworks } : {}),
        columnKind: "utf16CodeUnits",
        results: [],
        ...(omitted
          ? {
              properties: {
                omittedResults: omitted.count,
                omittedResultsBySeverity: omitted.bySeverity,
                omittedResultsReason: `GitHub code scanning limit on ${omitted.limit}: the ${kept} most severe of ${omitted.total} results are included; the option --sarif-all-results (action input sarif-all-results) writes them all`,
              },
            }
          : {}),
      },
    ],
  };
}

/** Indices of the findings, unsuppressed before suppressed, then by severity, then in report order. */
function mostSevereFirst(findings: readonly Finding[]): number[] {
  const rank = (finding: Finding): number => (finding.suppression ? SEVERITIES.length : 0) + SEVERITIES.indexOf(finding.severity);
  return findings.map((_, index) => index).sort((a, b) => rank(findings[a]) - rank(findings[b]) || a - b);
}

/** The JSON text of the `kept` highest-ranked results, in report order. */
function keptResults(ranked: () => readonly number[], kept: number, total: number, resultOf: (index: number) => string): string[] {
  if (kept >= total) return Array.from({ length: total }, (_, index) => resultOf(index));
  return ranked()
    .slice(0, kept)
    .sort((a, b) => a - b)
    .map(resultOf);
}

/**
 * The kept results as the log holds them: their UTF-8 text, a comma between each two, and where each
 * result's text ends. Why (issue 17): measuring the text, gzipping it a thousand results at a time and writing
 * it each turned the same strings into UTF-8 again, and the joins and conversions were a fifth of what a
 * 10k-object SARIF run allocated; encoded once, all three read the same bytes.
 */
interface EncodedResults {
  bytes: Buffer;
  /** Offset in `bytes` just past result `i`'s text (before the comma that follows it). */
  ends: Float64Array;
  /** What the text counts toward the size limit: each result's bytes and a comma. */
  textBytes: number;
}

const COMMA = 0x2c;
/** The most bytes one character takes in UTF-8. */
const MAX_CHARACTER_BYTES = 4;

function encodedResults(results: readonly string[]): EncodedResults {
  // UTF-8 takes at least a byte per UTF-16 code unit, so ASCII results fill this exactly.
  let capacity = results.length + MAX_CHARACTER_BYTES;
  for (const result of results) capacity += result.length;
  let bytes = Buffer.allocUnsafe(capacity);
  const ends = new Float64Array(results.length);
  let offset = 0;
  for (let index = 0; index < results.length; index++) {
    if (index > 0) bytes[offset++] = COMMA;
    const result = results[index];
    let written = bytes.write(result, offset);
    // A write cut short by the end of the buffer leaves less room than its next character needed.
    if (bytes.length - offset - written < MAX_CHARACTER_BYTES) {
      const needed = Buffer.byteLength(result);
      if (written < needed) {
        const grown = Buffer.allocUnsafe(2 * bytes.length + needed);
        bytes.copy(grown, 0, 0, offset);
        bytes = grown;
        written = bytes.write(result, offset);
      }
    }
    offset += written;
    ends[index] = offset;
  }
  return { bytes: bytes.subarray(0, offset), ends, textBytes: results.length === 0 ? 0 : offset + 1 };
}

/** The bytes of results `start` to `end` (exclusive), with the commas between them. */
function encodedSpan(results: EncodedResults, start: number, end: number): Buffer {
  return results.bytes.subarray(start === 0 ? 0 : results.ends[start - 1] + 1, results.ends[end - 1]);
}

/**
 * The results' gzipped size when it is over `room` bytes; undefined when they fit. Measured piece by piece
 * (each piece starts afresh) at the fastest level, which compresses less than the default level an upload
 * uses, so a little overstated. Stops once what is compressed so far and a bound of the rest fit: most logs
 * cut to 25,000 results fit well, and a 10k-object log was known to fit after 70% of it was compressed.
 */
function gzippedSizeOver(results: EncodedResults, room: number): number | undefined {
  const count = results.ends.length;
  const bounds: number[] = [];
  for (let start = 0; start < count; start += RESULTS_PER_GZIPPED_PIECE) {
    bounds.push(gzipBound(encodedSpan(results, start, Math.min(count, start + RESULTS_PER_GZIPPED_PIECE)).length));
  }
  let restBound = bounds.reduce((sum, bound) => sum + bound, 0);
  let gzipped = 0;
  for (let piece = 0; piece < bounds.length && gzipped + restBound > room; piece++) {
    restBound -= bounds[piece];
    const start = piece * RESULTS_PER_GZIPPED_PIECE;
    gzipped += gzipSync(encodedSpan(results, start, Math.min(count, start + RESULTS_PER_GZIPPED_PIECE)), { level: 1 }).length;
  }
  return gzipped + restBound <= room ? undefined : gzipped;
}

/**
 * At least the gzipped size of any `bytes` bytes: zlib's deflateBound (the input, 5 bytes per 16 kB stored
 * block and a little more) plus gzip's 18-byte header and trailer, rounded up generously.
 */
function gzipBound(bytes: number): number {
  return bytes + Math.ceil(bytes / 1000) + 64;
}

function omittedResults(findings: readonly Finding[], left: readonly number[], limit: OmittedResults["limit"]): OmittedResults {
  const bySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const index of left) bySeverity[findings[index].severity]++;
  return { count: left.length, total: findings.length, bySeverity, limit };
}

/**
 * A piece written per hundred results: what a piece is made of lives while it is made, and what outlives a
 * young-generation collection is moved to the old generation, which V8 lets grow to a multiple of what was
 * live at its last full collection. Pieces of a thousand results added 170 MB of such garbage to the peak of
 * a 50k-object run; a hundred, 20 MB, and as fast.
 */
export const RESULTS_PER_PIECE = 100;
/** Gzipped a thousand results at a time: enough for each piece to compress about as the whole log does. */
const RESULTS_PER_GZIPPED_PIECE = 1000;
const OMITTED_PROPERTIES_BYTES = 1000;
const EMPTY_RESULTS = '"results":[]';
