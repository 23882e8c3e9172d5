import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type Scalar } from "yaml";
import { endOfLineContent, sourceText, type SourceText } from "../../manifest/text.js";
import type { Path, Region } from "../../core/types.js";

/**
 * Small helpers over the `yaml` package's nodes, for the short files Kustomize adds around
 * resources (kustomization files, JSON 6902 patches), where source ranges matter more than speed.
 */

/** Moves a region found in one text (an inline patch) to where that text sits in its file. */
export type RegionMap = (region: Region) => Region;

const sameRegion: RegionMap = (region) => region;

/** A parsed YAML text and the means to turn offsets in it into regions of the file that holds it. */
export interface YamlText {
  doc: Document.Parsed;
  source: SourceText;
  toFile: RegionMap;
}

/** Parses a short YAML (or JSON) text; `toFile` places it in its file when it is written inline. */
export function parseYamlText(text: string, toFile: RegionMap = sameRegion): YamlText {
  return { doc: parseDocument(text, { uniqueKeys: false }), source: sourceText(text), toFile };
}

/** The file region of an offset span of the text. */
export function regionIn(yamlText: YamlText, start: number, end: number): Region {
  return yamlText.toFile(yamlText.source.regionOf(start, end));
}

/** The entry (key and value) of `key` in a mapping node, or undefined. */
export function pairOf(node: unknown, key: string): Pair<Node, Node | null> | undefined {
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key) return pair as Pair<Node, Node | null>;
  }
  return undefined;
}

/** The value node of `key` in a mapping node, or undefined. */
export function valueOf(node: unknown, key: string): Node | undefined {
  return pairOf(node, key)?.value ?? undefined;
}

/** A scalar's value as a string (numbers and booleans too), or undefined for anything else. */
export function stringOf(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || typeof node.value === "object") return undefined;
  return String(node.value);
}

/** The items of a sequence node; none for anything else. */
export function itemsOf(node: unknown): Node[] {
  return isSeq(node) ? node.items.filter((item): item is Node => item !== null && typeof item === "object") : [];
}

function scalarSpan(node: Scalar): { start: number; end: number } {
  const [start, end] = node.range ?? [0, 0];
  return { start, end };
}

/** A node's span as locate.ts gives it: a scalar's text, a collection's first line. */
function nodeSpan(text: string, node: Node): { start: number; end: number } {
  if (isScalar(node) || isAlias(node)) return scalarSpan(node as Scalar);
  const start = node.range?.[0] ?? 0;
  return { start, end: endOfLineContent(text, start) };
}

/** The span of a mapping entry: key to scalar value, or the key's line when the value is a block collection. */
function pairSpan(text: string, pair: Pair<Node, Node | null>): { start: number; end: number } {
  const keySpan = nodeSpan(text, pair.key);
  const value = pair.value;
  if (!value) return { start: keySpan.start, end: endOfLineContent(text, keySpan.start) };
  const valueSpan = nodeSpan(text, value);
  const sameLine = !text.slice(keySpan.end, valueSpan.start).includes("\n");
  if (isScalar(value) || isAlias(value) || sameLine) return { start: keySpan.start, end: valueSpan.end };
  return { start: keySpan.start, end: endOfLineContent(text, keySpan.start) };
}

/** The file region of a mapping entry (see pairSpan). */
export function pairRegion(yamlText: YamlText, pair: Pair<Node, Node | null>): Region {
  const span = pairSpan(yamlText.source.text, pair);
  return regionIn(yamlText, span.start, span.end);
}

/** The file region of a node: a scalar's text, a collection's first line. */
export function nodeRegion(yamlText: YamlText, node: Node): Region {
  const span = nodeSpan(yamlText.source.text, node);
  return regionIn(yamlText, span.start, span.end);
}

/**
 * The region of the node at `path` below `root`, or of the deepest node on the path that exists,
 * with the same conventions as the manifest locator.
 */
export function locateInNode(yamlText: YamlText, root: Node, path: Path): Region {
  let node: Node = root;
  let pair: Pair<Node, Node | null> | undefined;
  for (const segment of path) {
    const resolved = isAlias(node) ? (node.resolve(yamlText.doc) as Node | undefined) : node;
    if (typeof segment === "number" && isSeq(resolved)) {
      const item = resolved.items[segment];
      if (!item || typeof item !== "object" || !("range" in (item as object))) break;
      node = item as Node;
      pair = undefined;
    } else if (isMap(resolved)) {
      const found = pairOf(resolved, String(segment));
      if (!found) break;
      pair = found;
      if (!found.value) break;
      node = found.value;
    } else {
      break;
    }
  }
  if (pair && (pair.value === node || !pair.value)) return pairRegion(yamlText, pair);
  return nodeRegion(yamlText, node);
}

/** Where a key-value entry starts (its key), for entries of a list of mappings. */
export function firstKeyRegion(yamlText: YamlText, node: Node): Region {
  const first = isMap(node) ? node.items[0] : undefined;
  if (isPair(first) && isScalar(first.key)) return pairRegion(yamlText, first as Pair<Node, Node | null>);
  return nodeRegion(yamlText, node);
}

/**
 * The text of a string written inline in a YAML file (an inline patch), with a map from regions in
 * that text to regions in the file. Literal block scalars (`|`) map line for line; single-line
 * strings map column for column; anything else (folded, escaped, multi-line quoted) maps to the
 * string's first line.
 */
export function inlineText(yamlText: YamlText, node: Scalar): { text: string; toFile: RegionMap } {
  const text = typeof node.value === "string" ? node.value : String(node.value);
  const { start, end } = scalarSpan(node);
  const source = yamlText.source;
  const raw = source.text.slice(start, end);
  const startRegion = source.regionOf(start, start);
  const outer = yamlText.toFile;
  if (node.type === "BLOCK_LITERAL") {
    const headerLine = startRegion.startLine;
    let indent = 0;
    for (let line = headerLine + 1; line <= source.lineCount; line++) {
      const lineText = source.lineText(line);
      if (lineText.trim() === "") continue;
      indent = lineText.length - lineText.trimStart().length;
      break;
    }
    return {
      text,
      toFile: (region) =>
        outer({
          startLine: region.startLine + headerLine,
          startColumn: region.startColumn + indent,
          endLine: region.endLine + headerLine,
          endColumn: region.endColumn + indent,
        }),
    };
  }
  const quote = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE" ? 1 : 0;
  if (!raw.includes("\n") && raw.slice(quote, raw.length - quote) === text) {
    const shift = startRegion.startColumn - 1 + quote;
    return {
      text,
      toFile: (region) =>
        outer({
          startLine: startRegion.startLine,
          startColumn: region.startColumn + shift,
          endLine: startRegion.startLine,
          endColumn: (region.endLine === region.startLine ? region.endColumn : region.startColumn) + shift,
        }),
    };
  }
  const whole = source.regionOf(start, endOfLineContent(source.text, start));
  return { text, toFile: () => outer(whole) };
}
