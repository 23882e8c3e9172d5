/**
 * Reads provenance from instrumented renders: the tagged render says which template line wrote each
 * rendered line, the sentinel render which values key feeds each rendered value. Each answer is
 * checked against the real render's structure along the path; where they disagree, there is no answer.
 */
import path from "node:path";
import { isRecord } from "../../core/json.js";
import { parseManifest } from "../../manifest/parse.js";
import type { K8sObject, Path } from "../../core/types.js";
import { chartRelative, renderChart, splitRenderedOutput, type HelmSettings, type ValueSet } from "./render.js";
import { LINE_TAG, SENTINEL, SENTINEL_NAMESPACE, chartTree, removeCopy, sentinelChart, tagChart, type SentinelChart, type TaggedChart, type TaggedLine, type ValuesSentinel } from "./instrument.js";

interface RenderedDocument {
  object: K8sObject;
  lines: string[];
}

/** The documents of one render, by `documentKey`. */
export type RenderedDocuments = ReadonlyMap<string, RenderedDocument>;

/** Identifies an object across renders of one chart: its template, its place among that template's documents, its List item. */
export function documentKey(source: string, ordinal: number, itemIndex: number | undefined): string {
  return `${source}\u0000${ordinal}\u0000${itemIndex ?? ""}`;
}

/** Parses a render into documents keyed as the real render's objects are. */
export function renderedDocuments(output: string): RenderedDocuments {
  const documents = new Map<string, RenderedDocument>();
  const ordinals = new Map<string, number>();
  for (const document of splitRenderedOutput(output)) {
    const ordinal = ordinals.get(document.source) ?? 0;
    ordinals.set(document.source, ordinal + 1);
    const lines = document.text.split("\n");
    for (const object of parseManifest("rendered", document.text).objects) {
      documents.set(documentKey(document.source, ordinal, object.origin.itemIndex), { object, lines });
    }
  }
  return documents;
}

export type Evidence<T> = { ok: true; chart: T; documents: RenderedDocuments } | { ok: false; reason: string };

export interface HelmEvidence {
  tagged: Evidence<TaggedChart>;
  values: Evidence<SentinelChart>;
}

function child(node: unknown, segment: string | number): unknown {
  if (Array.isArray(node) && typeof segment === "number") return node[segment];
  if (isRecord(node) && typeof segment === "string" && Object.hasOwn(node, segment)) return node[segment];
  return undefined;
}

/**
 * How many segments of `path` exist in `real`, provided `other` has the same shape along them
 * (the same keys, lists of the same length); undefined when the shapes part.
 */
function sharedDepth(real: unknown, other: unknown, path: Path): number | undefined {
  let depth = 0;
  for (const segment of path) {
    const next = child(real, segment);
    if (next === undefined) break;
    if (Array.isArray(real) !== Array.isArray(other) || isRecord(real) !== isRecord(other)) return undefined;
    if (Array.isArray(real) && Array.isArray(other) && real.length !== other.length) return undefined;
    const otherNext = child(other, segment);
    if (otherNext === undefined) return undefined;
    real = next;
    other = otherNext;
    depth++;
  }
  return depth;
}

function nodeAt(body: unknown, path: Path): unknown {
  let node = body;
  for (const segment of path) node = child(node, segment);
  return node;
}

function tagsOn(line: string | undefined): Array<{ id: number; line: number }> {
  return [...(line ?? "").matchAll(LINE_TAG)].map((match) => ({ id: Number(match[1]), line: Number(match[2]) }));
}

export type TemplateAnswer = { ok: true; line: TaggedLine; depth: number } | { ok: false; reason: string };

/** The instrumented render's copy of an object, and how deep along `path` it has the real render's shape. */
function documentAlong<T>(
  render: Evidence<T>,
  name: string,
  key: string,
  body: unknown,
  path: Path,
): { ok: true; chart: T; document: RenderedDocument; depth: number } | { ok: false; reason: string } {
  if (!render.ok) return render;
  const document = render.documents.get(key);
  if (!document) return { ok: false, reason: `the ${name} render has no such document` };
  const depth = sharedDepth(body, document.object.body, path);
  if (depth === undefined) return { ok: false, reason: `the ${name} render differs from the real one along this path` };
  return { ok: true, chart: render.chart, document, depth };
}

/** The template line that wrote the deepest existing node of `path`, read from the tagged render. */
export function taggedTemplateLine(evidence: HelmEvidence, key: string, body: unknown, path: Path): TemplateAnswer {
  const along = documentAlong(evidence.tagged, "tagged", key, body, path);
  if (!along.ok) return along;
  const { chart, document, depth } = along;
  for (let length = depth; length >= 0; length--) {
    const lineIndex = document.object.locate(path.slice(0, length)).region.startLine - 1;
    const own = tagsOn(document.lines[lineIndex]).at(0);
    // An untagged line is output of an action (toYaml, include): that action's tag ends its last line.
    let producer = own;
    for (let next = lineIndex + 1; !producer && next < document.lines.length; next++) {
      const first = tagsOn(document.lines[next]).at(0);
      if (!first) continue;
      if (chart.line(first.id, first.line)?.emits) producer = first;
      break;
    }
    const line = producer && chart.line(producer.id, producer.line);
    if (line) return { ok: true, line, depth: length };
  }
  return { ok: false, reason: "no template line tag reached this field" };
}

/** A values key that feeds a field, or under which a missing field belongs. */
export interface ValuesKey {
  /** Where the key (or its nearest written parent) is: a values file or a --set argument. */
  source: ValuesSentinel["source"];
  /** The key's path in that file (or --set argument), down to the field the finding is about. */
  path: Path;
  /** The same key as the top chart's values see it. */
  effective: Path;
}

export type ValuesAnswer = { ok: true; keys: ValuesKey[] } | { ok: false; reason: string };

function sentinelIds(text: string): number[] {
  return [...text.matchAll(SENTINEL)].map((match) => Number(match[1]));
}

/** Every sentinel below `node`: as a whole scalar value, or as the key of an empty map's marker, with its path from `node`. */
function sentinelsBelow(node: unknown, at: Path, found: Array<{ at: Path; id: number }>): void {
  if (typeof node === "string") {
    const ids = sentinelIds(node);
    if (ids.length === 1 && node.toLowerCase() === `kwv${ids[0]}x`) found.push({ at, id: ids[0] });
  } else if (Array.isArray(node)) {
    node.forEach((item, index) => {
      sentinelsBelow(item, [...at, index], found);
    });
  } else if (isRecord(node)) {
    for (const [key, value] of Object.entries(node)) {
      const ids = sentinelIds(key);
      if (ids.length === 1 && key.toLowerCase() === `kwv${ids[0]}x`) found.push({ at, id: ids[0] });
      else sentinelsBelow(value, [...at, key], found);
    }
  }
}

function endsWith(path: Path, tail: Path): boolean {
  if (tail.length > path.length) return false;
  return tail.every((segment, index) => path[path.length - tail.length + index] === segment);
}

function startsWith(path: Path, head: Path): boolean {
  return head.length <= path.length && head.every((segment, index) => path[index] === segment);
}

/** Keys a template commonly leaves out when it renders a values map (`omit . "enabled"`). */
const SWITCH_KEYS = new Set(["enabled"]);

/**
 * The values map rendered whole at `node` (by toYaml or a range over its keys): every sentinel below
 * `node` comes from one values map at the same relative path, and every leaf of that map is rendered.
 */
function wholeValuesMap(chart: SentinelChart, node: unknown): Path | undefined {
  const found: Array<{ at: Path; id: number }> = [];
  sentinelsBelow(node, [], found);
  let map: Path | undefined;
  for (const { at, id } of found) {
    // The id comes from the rendered output, which need not be one of ours.
    const sentinel = chart.sentinels[id] as ValuesSentinel | undefined;
    if (!sentinel || !endsWith(sentinel.effective, at)) return undefined;
    const candidate = sentinel.effective.slice(0, sentinel.effective.length - at.length);
    if (map && (map.length !== candidate.length || !startsWith(candidate, map))) return undefined;
    map = candidate;
  }
  if (!map || map.length === 0) return undefined;
  const seen = new Set(found.map(({ id }) => chart.sentinels[id].effective.join("\u0000")));
  for (const sentinel of chart.sentinels) {
    if (!startsWith(sentinel.effective, map) || SWITCH_KEYS.has(String(sentinel.effective[sentinel.effective.length - 1]))) continue;
    if (!seen.has(sentinel.effective.join("\u0000"))) return undefined;
  }
  return map;
}

/**
 * Which values keys feed the field at `path` (or, for a missing field, under which values key it
 * belongs), read from the sentinel render. `writtenByTemplate` tells whether the children of a node
 * are literal template lines, in which case a missing child is the template's to add, not the values'.
 */
export function sentinelValues(
  evidence: HelmEvidence,
  key: string,
  body: unknown,
  path: Path,
  writtenByTemplate: (prefix: Path) => boolean,
): ValuesAnswer {
  const along = documentAlong(evidence.values, "values", key, body, path);
  if (!along.ok) return along;
  const { chart, document, depth } = along;
  const node = nodeAt(document.object.body, path.slice(0, depth));
  if (depth === path.length && typeof node === "string") {
    const ids = sentinelIds(node).filter((id) => chart.sentinels[id]);
    if (ids.length > 0) return { ok: true, keys: ids.map((id) => ({ source: chart.sentinels[id].source, path: chart.sentinels[id].source.path, effective: chart.sentinels[id].effective })) };
  }
  const scalar = depth === path.length && !isRecord(node) && !Array.isArray(node);
  // A value the sentinel copy would have replaced, left as it was, is written in the template.
  const replaceable = typeof node === "string" || (chart.level !== "strings" && Boolean(node));
  if (scalar && replaceable) {
    // The release namespace is not a value either: the sentinel render only moved it.
    const same = node === nodeAt(body, path) || (typeof node === "string" && node.includes(SENTINEL_NAMESPACE));
    return same ? { ok: true, keys: [] } : { ok: false, reason: "the values render changed this value" };
  }
  for (let length = scalar ? depth - 1 : depth; length > 0; length--) {
    const prefix = path.slice(0, length);
    const map = wholeValuesMap(chart, nodeAt(document.object.body, prefix));
    if (!map) continue;
    if (length < path.length && writtenByTemplate(prefix)) break;
    const found: Array<{ at: Path; id: number }> = [];
    sentinelsBelow(nodeAt(document.object.body, prefix), [], found);
    // Point at the map in the source helm applies last among those that write it.
    const winner = found.map(({ id }) => chart.sentinels[id]).reduce((best, next) => (next.rank > best.rank ? next : best));
    const inSource = winner.source.path.slice(0, winner.source.path.length - (winner.effective.length - map.length));
    return { ok: true, keys: [{ source: winner.source, path: [...inSource, ...path.slice(length)], effective: [...map, ...path.slice(length)] }] };
  }
  return scalar ? { ok: false, reason: "the values render cannot trace this value (empty, false or zero, or not a string where only strings were replaced)" } : { ok: true, keys: [] };
}

/** Whether the object was put in the release namespace by helm (seen by rendering into another namespace). */
export function inReleaseNamespace(evidence: HelmEvidence, key: string): boolean {
  // The tagged render has the real values, so its documents match the real render's most reliably.
  for (const render of [evidence.tagged, evidence.values]) {
    const namespace = render.ok ? render.documents.get(key)?.object.namespace : undefined;
    if (namespace !== undefined) return namespace === SENTINEL_NAMESPACE;
  }
  return false;
}

/** Attempts at an instrumented render, each leaving out what helm refused in the one before. */
const ATTEMPTS = 6;

async function taggedEvidence(chartDir: string, valueSet: ValueSet, settings: HelmSettings): Promise<Evidence<TaggedChart>> {
  const untagged = new Set<string>();
  let reason = "";
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    let chart: TaggedChart | undefined;
    try {
      chart = tagChart(chartDir, untagged);
      const result = await renderChart(chart.dir, valueSet, { ...settings, namespace: SENTINEL_NAMESPACE, copy: chart.copy });
      if (result.ok) return { ok: true, chart, documents: renderedDocuments(result.output) };
      reason = `the tagged render failed: ${result.failure.message}`;
      // A template whose tags broke its output is rendered untagged next time; its findings fall back.
      // One the copy does not tag would fail the same way untagged, so it is not rendered again.
      const { file } = result.failure;
      if (!file || untagged.has(file) || !chart.changes(file)) break;
      untagged.add(file);
    } catch (error) {
      return { ok: false, reason: `the tagged render could not be made: ${(error as Error).message}` };
    } finally {
      if (chart) removeCopy(chart.dir);
    }
  }
  return { ok: false, reason };
}

const WRONG_TYPE = /at <\$?\.Values((?:\.[\w-]+)+)>:\s+wrong type for value/g;

/**
 * The sentinels helm refused by the values key they stand for: a function that takes a boolean or a number
 * (`ternary "yes" "no" (or .Values.auth.securePassword …)`, which the copy cannot see coming as it sees a
 * plain `ternary` condition) names the key, not the token it was given. Keys are read in the scope of the
 * (sub)chart that holds the failing template; kept, they render as they are next time.
 */
function wrongTypeSentinels(stderr: string, template: string | undefined, chartDir: string, chart: SentinelChart): number[] {
  if (template === undefined || !stderr.includes("wrong type for value")) return [];
  const file = path.join(chartDir, template);
  const scope = chartTree(chartDir)
    .filter(({ dir }) => file.startsWith(dir + path.sep))
    .reduce<Path | undefined>((deepest, { prefix }) => (deepest === undefined || prefix.length > deepest.length ? prefix : deepest), undefined);
  if (scope === undefined) return [];
  const refused = new Set([...stderr.matchAll(WRONG_TYPE)].map((match) => [...scope, ...match[1].slice(1).split(".")].join(".")));
  return chart.sentinels.flatMap((sentinel, id) => (refused.has(sentinel.effective.join(".")) ? [id] : []));
}

/**
 * What a sentinel copy is made of, to tell when a level's first copy is one an earlier level began
 * with: values with no empty map to mark make the same copy at the truthy and scalars levels, values
 * with no boolean or number at all three. Such a level's attempts would repeat the earlier level's,
 * render for render, to the same failure, so they are skipped and that failure's reason kept.
 */
function copySignature(chart: SentinelChart): string {
  const { copy, valueSet } = chart;
  const written = [...copy.written].sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([[...copy.removed].sort(), written, valueSet.valuesFiles.map((file) => path.relative(copy.root, file)), valueSet.set]);
}

async function valuesEvidence(chartDir: string, valueSet: ValueSet, settings: HelmSettings, renderedTemplates: () => Promise<ReadonlySet<string>>): Promise<Evidence<SentinelChart>> {
  let reason = "";
  // The reason each failed level ended with, by the signature of its first copy.
  const failedLevels = new Map<string, string>();
  // Templates whose fast keys (fasterKeyGeneration) a render failed in: rendered as they are from then on.
  const slowKeys = new Set<string>();
  // Sentinels for booleans and numbers can trip comparisons in templates; strings alone rarely do.
  for (const level of ["truthy", "scalars", "strings"] as const) {
    const kept = new Set<number>();
    const dropped = new Set<string>();
    let signature: string | undefined;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      let chart: SentinelChart | undefined;
      try {
        chart = sentinelChart(chartDir, valueSet, level, kept, dropped, slowKeys);
        if (attempt === 0) {
          signature = copySignature(chart);
          const repeated = failedLevels.get(signature);
          if (repeated !== undefined) {
            reason = repeated;
            break;
          }
        }
        const result = await renderChart(chart.dir, chart.valueSet, { ...settings, namespace: SENTINEL_NAMESPACE, copy: chart.copy });
        if (result.ok) return { ok: true, chart, documents: renderedDocuments(result.output) };
        reason = `the values render failed: ${result.failure.message}`;
        // A template that validates a value (an enum, a preset name) names the sentinel it refused: keep that value next time.
        const { file: template } = result.failure;
        const refused = [...sentinelIds(result.stderr), ...wrongTypeSentinels(result.stderr, template, chartDir, chart)].filter((id) => !kept.has(id));
        for (const id of refused) kept.add(id);
        // A template that fails with fast keys (an older helm without genCAWithKey, a check of the key's type) gets its own.
        if (refused.length === 0 && template !== undefined && chart.fastKeys.has(template)) {
          slowKeys.add(template);
          continue;
        }
        // A template that renders no objects (a values validation) and fails on sentinels is left out.
        const validation = template !== undefined && !(await renderedTemplates()).has(template) && !dropped.has(template) && /\/templates\/|^templates\//.test(template) && !template.endsWith(".tpl");
        if (validation) dropped.add(template);
        if (refused.length === 0 && !validation) break;
      } catch (error) {
        reason = `the values render could not be made: ${(error as Error).message}`;
        break;
      } finally {
        if (chart) removeCopy(chart.dir);
      }
    }
    if (signature !== undefined) failedLevels.set(signature, reason);
  }
  return { ok: false, reason };
}

/**
 * Renders the tagged and the sentinel copies of a chart. `output` is the real render's output (its
 * templates are needed only when a sentinel render fails), so the copies may render while it runs;
 * with --dependency-update they must wait for it, since it fetches the dependencies they copy.
 */
export async function gatherEvidence(chartDir: string, valueSet: ValueSet, settings: HelmSettings, output: Promise<string>): Promise<{ evidence: HelmEvidence; ms: number }> {
  const started = performance.now();
  const instrumented = { ...settings, dependencyUpdate: false };
  const renderedTemplates = async (): Promise<ReadonlySet<string>> => new Set(splitRenderedOutput(await output).map((document) => chartRelative(document.source)));
  const [tagged, values] = await Promise.all([taggedEvidence(chartDir, valueSet, instrumented), valuesEvidence(chartDir, valueSet, instrumented, renderedTemplates)]);
  return { evidence: { tagged, values }, ms: performance.now() - started };
}

/** What a second render says of an object's string fields: those helm filled with the release namespace, and those it generated. */
export interface RenderedFieldFacts {
  /** Fields other than metadata.namespace written `{{ .Release.Namespace }}` (a binding's subject namespace). */
  releaseNamespace: string[];
  /** Fields the chart makes at render time (`randAlphaNum`, `genPrivateKey`, a `lookup` that finds nothing offline). */
  generated: string[];
}

/**
 * Compares the object with the tagged render's (the same values, rendered into the sentinel namespace):
 * a field that reads the sentinel namespace there is the release namespace; another string that differs
 * was generated. Without a tagged render, the values render still shows the release namespace. Paths are
 * JSON-encoded.
 */
export function renderedFieldFacts(evidence: HelmEvidence, key: string, body: unknown): RenderedFieldFacts {
  const facts: RenderedFieldFacts = { releaseNamespace: [], generated: [] };
  const tagged = evidence.tagged.ok ? evidence.tagged.documents.get(key)?.object.body : undefined;
  const other = tagged ?? (evidence.values.ok ? evidence.values.documents.get(key)?.object.body : undefined);
  if (other === undefined) return facts;
  const walk = (real: unknown, rendered: unknown, path: Path): void => {
    if (typeof real === "string" && typeof rendered === "string") {
      const isNamespaceField = path.length === 2 && path[0] === "metadata" && path[1] === "namespace";
      if (rendered === SENTINEL_NAMESPACE) {
        if (!isNamespaceField) facts.releaseNamespace.push(JSON.stringify(path));
      } else if (tagged !== undefined && rendered !== real && !rendered.includes(SENTINEL_NAMESPACE)) {
        facts.generated.push(JSON.stringify(path));
      }
    } else if (Array.isArray(real) && Array.isArray(rendered)) {
      real.forEach((item, index) => {
        walk(item, rendered[index], [...path, index]);
      });
    } else if (isRecord(real) && isRecord(rendered)) {
      for (const [name, value] of Object.entries(real)) if (Object.hasOwn(rendered, name)) walk(value, rendered[name], [...path, name]);
    }
  };
  walk(body, other, []);
  return facts;
}
