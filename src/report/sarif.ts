import type * as Sarif from "sarif";
import { objectLabel, type Finding } from "../engine/finding.js";
import type { Region } from "../manifest/types.js";
import { helpUri, type RuleMeta } from "../engine/rule.js";
import { levelOf, securitySeverity } from "../engine/severity.js";
import { displayMessage, relatedLocations, type ReportInput } from "./report.js";

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
  const frameworks = meta.frameworks.map((ref) => `- ${ref.framework} ${ref.control}${ref.title ? `: ${ref.title}` : ""}`);
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
    properties: {
      tags: ["security", "kubernetes", meta.category, ...frameworkTags(meta)],
      precision: "high",
      "security-severity": securitySeverity(meta.severity),
    },
  };
}

const artifactUris = new Map<string, string>();

/** Relative URI reference for a display path: forward slashes, no leading `./`, segments escaped. */
export function artifactUri(file: string): string {
  const known = artifactUris.get(file);
  if (known !== undefined) return known;
  const uri = encodeArtifactUri(file);
  artifactUris.set(file, uri);
  return uri;
}

function encodeArtifactUri(file: string): string {
  return file
    .replace(/^(\.\/)+/, "")
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
}

/** Identifies a finding by what it is about, not by its line, so it survives unrelated edits. */
function fingerprint(finding: Finding): string {
  lanes[0] = 0x811c9dc5;
  lanes[1] = 0x050c5d1f;
  mix(finding.ruleId);
  mix(finding.file);
  if (!finding.object) mix(finding.message);
  else {
    mix(objectLabel(finding.object));
    for (const segment of finding.path ?? []) mix(typeof segment === "string" ? segment : String(segment));
  }
  return hex32(lanes[0]) + hex32(lanes[1]);
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
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function regionJson(region: Region): string {
  return `{"startLine":${region.startLine},"startColumn":${region.startColumn},"endLine":${region.endLine},"endColumn":${region.endColumn}}`;
}

/**
 * One result as JSON text. Written directly rather than built as objects and stringified: a large
 * run has tens of thousands of results, and the objects were most of the report's cost. The rare
 * parts (related locations, suppressions) are typed objects, stringified.
 */
function resultJson(finding: Finding, ruleIndex: number, fingerprintValue: string): string {
  // Artifact URIs are percent-encoded and rule ids are kebab-case: neither has anything to escape.
  const physical = `"physicalLocation":{"artifactLocation":{"uri":"${artifactUri(finding.file)}","uriBaseId":"%SRCROOT%"},"region":${regionJson(finding.region)}}`;
  const logical = finding.object
    ? `,"logicalLocations":[{"name":${jsonString(finding.object.name)},"fullyQualifiedName":${jsonString(objectLabel(finding.object))},"kind":"resource"}]`
    : "";
  let json =
    `{"ruleId":"${finding.ruleId}","ruleIndex":${ruleIndex},"level":"${levelOf(finding.severity)}",` +
    `"message":{"text":${JSON.stringify(displayMessage(finding))}},"locations":[{${physical}${logical}}],` +
    `"partialFingerprints":{"${FINGERPRINT_KEY}":"${fingerprintValue}"}`;
  const places = relatedLocations(finding);
  if (places.length) {
    const related: Sarif.Location[] = places.map((place, index) => ({
      id: index + 1,
      physicalLocation: { artifactLocation: { uri: artifactUri(place.file), uriBaseId: "%SRCROOT%" }, region: place.region },
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

/** SARIF 2.1.0 with one run, as GitHub code scanning ingests it. */
export function formatSarif(input: ReportInput): string {
  return sarifPieces(input).join("");
}

/**
 * The SARIF log as consecutive pieces of text, to be written one after another: a large log written
 * piece by piece never has to exist as one string, nor as one encoded buffer.
 */
export function sarifPieces(input: ReportInput): string[] {
  const ruleIndex = new Map(input.rules.map((meta, index) => [meta.id, index]));
  // Findings alike in rule, file, object and path (two parse errors in one file, say) are told apart
  // by their order, as GitHub does with `hash:occurrence`, so no alert hides another.
  const occurrences = new Map<string, number>();
  const resultOf = (finding: Finding): string => {
    const hash = fingerprint(finding);
    const occurrence = (occurrences.get(hash) ?? 0) + 1;
    occurrences.set(hash, occurrence);
    return resultJson(finding, ruleIndex.get(finding.ruleId) ?? -1, `${hash}:${occurrence}`);
  };
  // A piece per thousand results: small enough to write without a huge buffer, large enough to be few.
  const batches: string[] = [];
  for (let start = 0; start < input.findings.length; start += RESULTS_PER_BATCH) {
    batches.push(input.findings.slice(start, start + RESULTS_PER_BATCH).map(resultOf).join(","));
  }
  const log: Sarif.Log = {
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
          },
        },
        columnKind: "utf16CodeUnits",
        results: [],
      },
    ],
  };
  // Compact: SARIF logs of large repositories run to many megabytes, and uploads are size-limited.
  // An unquoted `"results":[]` can only be the key itself, since quotes inside JSON strings are escaped.
  const [before, after] = JSON.stringify(log).split(EMPTY_RESULTS);
  const pieces = [`${before}"results":[`];
  batches.forEach((batch, index) => pieces.push(index === 0 ? batch : `,${batch}`));
  pieces.push(`]${after}\n`);
  return pieces;
}

const RESULTS_PER_BATCH = 1000;
const EMPTY_RESULTS = '"results":[]';
