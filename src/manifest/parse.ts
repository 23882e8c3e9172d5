import { EVENT_ID, constructFromEvents, parseEvents, type Event } from "js-yaml";
import { parseKubernetesYamlEvents } from "./flow-indentation.js";
import { listItemRoots, packEvents, pathLocator, type EventStream } from "./locate.js";
import { ignoreIndex, type IgnoredRules } from "./ignores.js";
import { readWithListener } from "./listener-read.js";
import { sourceText, type SourceText } from "./text.js";
import { KUBERNETES_SCHEMA, MAX_DEPTH } from "./yaml-schema.js";
import { MISSING_API_VERSION_OR_KIND, PARSE_ERROR } from "../core/diagnostics.js";
import { halfTypedObject } from "./type-meta.js";
import type { InputProblem, JsonObject, K8sObject, ParsedFile, Path, SkippedDocument } from "../core/types.js";

export { MAX_DEPTH };

const DOCUMENT_SEPARATOR = /^---(?=[ \t\r\n]|$)/gm;

/** A parsed YAML text: its documents' values and the event stream that locates their nodes. */
export interface ParsedYaml {
  stream: EventStream;
  documents: unknown[];
}

/** Alias expansion allowed per document: generous for `<<: *defaults`, fatal for "billion laughs". */
const MAX_ALIAS_NODES = 100_000;
const MAX_ALIAS_RATIO = 10;

/** An error shaped like the parser's own, so it is reported the same way. */
function parseFailure(reason: string, position: number): Error {
  return Object.assign(new Error(reason), { reason, mark: { position } });
}

/**
 * Refuses documents whose aliases would expand to far more nodes than they hold ("billion laughs"),
 * and aliases that refer to their own anchor (cycles), as Kubernetes' YAML reader does. Rules walk
 * plain values, so either would otherwise hang the run.
 */
function checkAliases(source: string, events: Event[]): void {
  // Nearly every manifest has no alias at all, and then there is nothing to count.
  if (!events.some((event) => event.type === EVENT_ID.ALIAS)) return;
  const sizes = new Map<string, number>();
  const open: Array<{ size: number; anchor?: string }> = [];
  const openAnchors = new Set<string>();
  let ownNodes = 0;
  let aliasNodes = 0;
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        if (open.length === 0) {
          sizes.clear();
          ownNodes = 0;
          aliasNodes = 0;
        }
        open.push({ size: 0 });
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        ownNodes++;
        const anchor = event.anchorStart >= 0 ? source.slice(event.anchorStart, event.anchorEnd) : undefined;
        if (anchor !== undefined) openAnchors.add(anchor);
        open.push({ size: 1, anchor });
        break;
      }
      case EVENT_ID.SCALAR:
        ownNodes++;
        if (event.anchorStart >= 0) sizes.set(source.slice(event.anchorStart, event.anchorEnd), 1);
        if (open.length > 0) open[open.length - 1].size++;
        break;
      case EVENT_ID.ALIAS: {
        const name = source.slice(event.anchorStart, event.anchorEnd);
        if (openAnchors.has(name)) throw parseFailure(`the alias *${name} refers to a node that contains it (a cycle)`, event.anchorStart - 1);
        const size = sizes.get(name) ?? 1;
        aliasNodes += size;
        if (aliasNodes > MAX_ALIAS_NODES && aliasNodes > MAX_ALIAS_RATIO * ownNodes) {
          throw parseFailure(`aliases expand to more than ${MAX_ALIAS_NODES} nodes (a "billion laughs" document?)`, event.anchorStart - 1);
        }
        if (open.length > 0) open[open.length - 1].size += size;
        break;
      }
      case EVENT_ID.POP: {
        const closed = open.pop();
        if (!closed) break;
        if (closed.anchor !== undefined) {
          sizes.set(closed.anchor, closed.size);
          openAnchors.delete(closed.anchor);
        }
        if (open.length > 0) open[open.length - 1].size += closed.size;
        break;
      }
    }
  }
}

/**
 * Parses one chunk: with js-yaml 4 where listener-read.ts can follow the text (nearly always), else with
 * js-yaml 5's events. The whole file is tried strictly first: nearly every file passes, and one that
 * does not is read again document by document, where re-reading a document for each line js-yaml
 * finds too little indented (see flow-indentation.ts) costs that document's length, not the file's.
 */
function parseChunk(source: string, base: number, file: string, asKubernetesReads: boolean): ParsedYaml {
  const read = readWithListener(source, base);
  if (read) return read;
  const options = { filename: file, maxDepth: MAX_DEPTH };
  const events = asKubernetesReads ? parseKubernetesYamlEvents(source, options) : parseEvents(source, options);
  checkAliases(source, events);
  const documents = constructFromEvents(events, { source, filename: file, schema: KUBERNETES_SCHEMA });
  return { stream: packEvents(source, base, events), documents };
}

/**
 * Parses a YAML (or JSON) text that is not a manifest, as Kubernetes reads YAML; throws the parser's
 * error, whose place and reason errorOffset and errorReason read.
 */
export function parseYaml(text: string, file: string): ParsedYaml {
  return parseChunk(text, 0, file, true);
}

export function errorOffset(error: unknown): number | undefined {
  const mark = (error as { mark?: { position?: number } }).mark;
  return typeof mark?.position === "number" ? mark.position : undefined;
}

export function errorReason(error: unknown): string {
  const reason = (error as { reason?: unknown }).reason;
  if (typeof reason === "string") return reason;
  if (error instanceof RangeError) return "the document nests too deeply to read";
  return error instanceof Error ? error.message : String(error);
}

/** Splits a stream at `---` lines, so one broken document does not hide the others. */
function splitDocuments(text: string): Array<{ source: string; base: number }> {
  const starts = [0];
  for (const match of text.matchAll(DOCUMENT_SEPARATOR)) if (match.index > 0) starts.push(match.index);
  return starts.map((start, i) => ({ source: text.slice(start, starts[i + 1] ?? text.length), base: start }));
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describeNonObject(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (!isObject(value)) return `the document is a ${Array.isArray(value) ? "list" : typeof value}, not a mapping`;
  if (typeof value.apiVersion !== "string" || typeof value.kind !== "string") {
    return "it has no apiVersion and kind, so it is not a Kubernetes object";
  }
  return undefined;
}

/** Reads one manifest file (YAML or JSON, any number of documents) into Kubernetes objects. */
export function parseManifest(file: string, text: string): ParsedFile {
  const problems: InputProblem[] = [];
  const skipped: SkippedDocument[] = [];
  // undefined stands for a document that failed to parse, so later documents keep their index.
  const chunks: Array<ParsedYaml | undefined> = [];
  let source: SourceText;
  try {
    const whole = parseChunk(text, 0, file, false);
    chunks.push(whole);
    // The same text as `text`, but the copy the values were read from when js-yaml 4 read them (listener-read.ts):
    // kept objects then hold one copy of the file, not two.
    source = sourceText(whole.stream.source);
  } catch {
    source = sourceText(text);
    for (const piece of splitDocuments(text)) {
      try {
        chunks.push(parseChunk(piece.source, piece.base, file, true));
      } catch (error) {
        chunks.push(undefined);
        const offset = piece.base + (errorOffset(error) ?? 0);
        problems.push({
          ruleId: PARSE_ERROR,
          file,
          region: source.regionOf(offset, offset + 1),
          message: `Invalid ${/\.json$/i.test(file) ? "JSON" : "YAML"}: ${errorReason(error)}. The rest of the file was still read.`,
        });
      }
    }
  }

  const ignores = ignoreIndex(source);
  const objects: K8sObject[] = [];
  let docIndex = 0;
  for (const chunk of chunks) {
    if (!chunk) {
      docIndex++;
      continue;
    }
    chunk.documents.forEach((document, i) => {
      const root = chunk.stream.roots[i];
      const make = (body: JsonObject, objectRoot: number, itemIndex?: number): K8sObject =>
        makeObject(body, { file, docIndex, itemIndex }, pathLocator(chunk.stream, objectRoot), source, ignores);
      // A document meant as an object but missing apiVersion or kind is a problem, not a quiet skip.
      const halfTyped = (value: unknown, objectRoot: number, where = ""): boolean => {
        const found = isObject(value) ? halfTypedObject(value) : undefined;
        if (!found) return false;
        const { start, end } = pathLocator(chunk.stream, objectRoot)([found.key]);
        problems.push({ ruleId: MISSING_API_VERSION_OR_KIND, file, region: source.regionOf(start, end), message: `${where}${found.message}` });
        return true;
      };
      const reason = describeNonObject(document);
      if (reason) {
        if (!halfTyped(document, root)) skipped.push({ file, docIndex, reason });
      } else if (isObject(document)) {
        if (isListKind(document)) {
          const itemRoots = listItemRoots(chunk.stream, root, ["items"]);
          (document.items as unknown[]).forEach((item, itemIndex) => {
            const itemReason = describeNonObject(item);
            if (itemReason && halfTyped(item, itemRoots[itemIndex] ?? root, `items[${itemIndex}]: `)) return;
            if (itemReason || !isObject(item)) {
              skipped.push({ file, docIndex, reason: `items[${itemIndex}]: ${itemReason ?? "empty"}` });
            } else {
              objects.push(make(item, itemRoots[itemIndex] ?? root, itemIndex));
            }
          });
        } else {
          objects.push(make(document, root));
        }
      }
      docIndex++;
    });
  }
  return { objects, problems, skipped };
}

function isListKind(document: JsonObject): boolean {
  return typeof document.kind === "string" && document.kind.endsWith("List") && Array.isArray(document.items);
}

function makeObject(
  body: JsonObject,
  origin: K8sObject["origin"],
  locateOffsets: (path: Path) => { start: number; end: number },
  source: SourceText,
  ignoredOn: (line: number) => IgnoredRules,
): K8sObject {
  const metadata = isObject(body.metadata) ? body.metadata : {};
  return {
    apiVersion: body.apiVersion as string,
    kind: body.kind as string,
    name: typeof metadata.name === "string" ? metadata.name : typeof metadata.generateName === "string" ? metadata.generateName : "",
    namespace: typeof metadata.namespace === "string" ? metadata.namespace : undefined,
    body,
    origin,
    locate(path) {
      const { start, end } = locateOffsets(path);
      const region = source.regionOf(start, end);
      return { file: origin.file, region, ignores: ignoredOn(region.startLine) };
    },
  };
}
