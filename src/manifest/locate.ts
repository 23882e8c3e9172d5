import { COLLECTION_STYLE, EVENT_ID, SCALAR_STYLE, getScalarValue, type ChompingMode, type Event, type ScalarStyle } from "js-yaml";
import { endOfLineContent } from "./text.js";
import type { Path } from "../core/types.js";

/**
 * The parser's events for one chunk of a file, packed into one typed array so they can be kept for
 * locating findings after the fact: the event objects themselves would be a large part of the heap
 * and of the garbage collector's work on big inputs.
 */
export interface EventStream {
  /** Text the event offsets refer to. */
  source: string;
  /** Offset of `source` within the whole file. */
  base: number;
  /** Number of events. */
  length: number;
  /** FIELDS int32 values per event, laid out as the F_* offsets say. */
  data: Int32Array;
  /** The anchor (`&name`, or an alias's `*name`) of each event that has one, by event index; few have any. */
  anchors?: Map<number, Span>;
  /** Index of each document's root node. */
  roots: number[];
}

/**
 * Four values per event, of the seven an event could need, because the position data of every file
 * whose objects a cross-object rule keeps lives to the end of the run (a large run's biggest buffers):
 * a scalar has no next-event link (it is the event after it), a collection no value end or indent,
 * and anchors, which nearly no manifest has, sit in a map beside the array (`anchorSpan`).
 */
export const FIELDS = 4;
/** Event type, scalar or collection style, chomping mode and the `fast` flag, in one value. */
export const F_KIND = 0;
/** A collection's first character or a scalar's value start. */
export const F_START = 1;
/** A scalar's value end; for a document or collection, the index of the first event after the node that starts here. */
export const F_END_OR_NEXT = 2;
export const F_INDENT = 3;

export const STYLE_SHIFT = 3;
export const CHOMPING_SHIFT = 6;
export const FAST_FLAG = 1 << 9;

/** Packs an event list (documents, nodes, pops) into an EventStream, linking each node to the event after it. */
export function packEvents(source: string, base: number, events: readonly Event[]): EventStream {
  const data = new Int32Array(events.length * FIELDS);
  let anchors: Map<number, Span> | undefined;
  const roots: number[] = [];
  const open: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    const at = i * FIELDS;
    let kind: number = event.type;
    data[at + F_START] = -1;
    data[at + F_END_OR_NEXT] = i + 1;
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        if (open.length === 0) roots.push(i + 1);
        open.push(i);
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        kind |= event.style << STYLE_SHIFT;
        data[at + F_START] = event.start;
        open.push(i);
        break;
      case EVENT_ID.SCALAR:
        kind |= (event.style << STYLE_SHIFT) | (event.chomping << CHOMPING_SHIFT) | (event.fast ? FAST_FLAG : 0);
        data[at + F_START] = event.valueStart;
        data[at + F_END_OR_NEXT] = event.valueEnd;
        data[at + F_INDENT] = event.indent;
        break;
      case EVENT_ID.POP: {
        const opened = open.pop();
        if (opened !== undefined) data[opened * FIELDS + F_END_OR_NEXT] = i + 1;
        break;
      }
    }
    if (event.type !== EVENT_ID.DOCUMENT && event.type !== EVENT_ID.POP && event.anchorStart >= 0) {
      (anchors ??= new Map()).set(i, { start: event.anchorStart, end: event.anchorEnd });
    }
    data[at + F_KIND] = kind;
  }
  return { source, base, length: events.length, data, anchors, roots };
}

function typeOf(stream: EventStream, index: number): number {
  return stream.data[index * FIELDS + F_KIND] & 7;
}

function styleOf(stream: EventStream, index: number): number {
  return (stream.data[index * FIELDS + F_KIND] >> STYLE_SHIFT) & 7;
}

function nextOf(stream: EventStream, index: number): number {
  const type = typeOf(stream, index);
  return type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE || type === EVENT_ID.DOCUMENT ? stream.data[index * FIELDS + F_END_OR_NEXT] : index + 1;
}

function anchorSpan(stream: EventStream, index: number): Span | undefined {
  return stream.anchors?.get(index);
}

function anchorName(stream: EventStream, index: number): string | undefined {
  const anchor = anchorSpan(stream, index);
  return anchor && stream.source.slice(anchor.start, anchor.end);
}

/** Follows an alias back to the node that carries its anchor (the nearest earlier definition). */
function dereference(stream: EventStream, index: number): number {
  if (typeOf(stream, index) !== EVENT_ID.ALIAS) return index;
  const name = anchorName(stream, index);
  for (let i = index - 1; i >= 0; i--) {
    if (typeOf(stream, i) !== EVENT_ID.ALIAS && anchorName(stream, i) === name) return i;
  }
  return index;
}

/** The value of the scalar event at `index` (undefined for other events); plain scalars are read in place. */
function scalarValue(stream: EventStream, index: number): string | undefined {
  if (typeOf(stream, index) !== EVENT_ID.SCALAR) return undefined;
  const { data, source } = stream;
  const at = index * FIELDS;
  const start = data[at + F_START];
  const end = data[at + F_END_OR_NEXT];
  const kind = data[at + F_KIND];
  if (start < 0) return "";
  if (kind & FAST_FLAG) return source.slice(start, end);
  return getScalarValue(source, {
    type: EVENT_ID.SCALAR,
    valueStart: start,
    valueEnd: end,
    anchorStart: -1,
    anchorEnd: -1,
    tagStart: -1,
    tagEnd: -1,
    style: ((kind >> STYLE_SHIFT) & 7) as ScalarStyle,
    chomping: ((kind >> CHOMPING_SHIFT) & 3) as ChompingMode,
    indent: data[at + F_INDENT],
    fast: false,
  });
}

/**
 * Whether the scalar event at `index` is the key `key` (matched), the merge key `<<` (merge), or
 * neither. Plain keys, nearly all of them, are compared in place without making a string.
 */
function keyMatch(stream: EventStream, index: number, key: string): "matched" | "merge" | undefined {
  const { data, source } = stream;
  const at = index * FIELDS;
  if (typeOf(stream, index) === EVENT_ID.SCALAR && data[at + F_KIND] & FAST_FLAG && data[at + F_START] >= 0) {
    const start = data[at + F_START];
    const length = data[at + F_END_OR_NEXT] - start;
    if (length === key.length && source.startsWith(key, start)) return "matched";
    return length === 2 && source.startsWith("<<", start) ? "merge" : undefined;
  }
  const value = scalarValue(stream, index);
  return value === key ? "matched" : value === "<<" ? "merge" : undefined;
}

/** A located node: offsets into the whole file. */
export interface Span {
  start: number;
  end: number;
}

/** The key event of `key` in the mapping at `mapping` (its value is the event after it), or -1; follows `<<` merges. */
function findKey(stream: EventStream, mapping: number, key: string, depth = 0): number {
  let merges: number[] | undefined;
  let i = mapping + 1;
  while (i < stream.length && typeOf(stream, i) !== EVENT_ID.POP) {
    const value = nextOf(stream, i);
    const match = keyMatch(stream, i, key);
    if (match === "matched") return i;
    if (match === "merge") (merges ??= []).push(value);
    i = nextOf(stream, value);
  }
  if (!merges || depth > 8) return -1;
  for (const merge of merges) {
    const source = dereference(stream, merge);
    const sources = typeOf(stream, source) === EVENT_ID.SEQUENCE ? itemsOf(stream, source) : [source];
    for (const candidate of sources) {
      const target = dereference(stream, candidate);
      if (typeOf(stream, target) !== EVENT_ID.MAPPING) continue;
      const found = findKey(stream, target, key, depth + 1);
      if (found >= 0) return found;
    }
  }
  return -1;
}

function itemsOf(stream: EventStream, sequence: number): number[] {
  const items: number[] = [];
  for (let i = sequence + 1; i < stream.length && typeOf(stream, i) !== EVENT_ID.POP; i = nextOf(stream, i)) items.push(i);
  return items;
}

function nthItem(stream: EventStream, sequence: number, n: number): number | undefined {
  let index = 0;
  for (let i = sequence + 1; i < stream.length && typeOf(stream, i) !== EVENT_ID.POP; i = nextOf(stream, i)) {
    if (index++ === n) return i;
  }
  return undefined;
}

function scalarSpan(stream: EventStream, index: number): Span | undefined {
  const at = index * FIELDS;
  const start = stream.data[at + F_START];
  if (start < 0) return undefined;
  const end = stream.data[at + F_END_OR_NEXT];
  const style = styleOf(stream, index);
  const quoted = style === SCALAR_STYLE.SINGLE_QUOTED || style === SCALAR_STYLE.DOUBLE_QUOTED;
  return quoted ? { start: start - 1, end: end + 1 } : { start, end };
}

function nodeSpan(stream: EventStream, index: number): Span | undefined {
  const type = typeOf(stream, index);
  if (type === EVENT_ID.SCALAR) return scalarSpan(stream, index);
  const at = index * FIELDS;
  if (type === EVENT_ID.ALIAS) {
    const anchor = anchorSpan(stream, index);
    return anchor && { start: anchor.start - 1, end: anchor.end };
  }
  if (type !== EVENT_ID.MAPPING && type !== EVENT_ID.SEQUENCE) return undefined;
  const start = stream.data[at + F_START];
  if (styleOf(stream, index) === COLLECTION_STYLE.FLOW) return { start, end: flowCollectionEnd(stream, index) };
  return { start, end: endOfLineContent(stream.source, start) };
}

/**
 * Offset just past the closing bracket of a flow collection (`{...}` or `[...]`): after its last
 * child, skipping commas, spaces and comments. A whole-line search would be wrong for JSON on one
 * line, and slow.
 */
function flowCollectionEnd(stream: EventStream, index: number): number {
  const { source } = stream;
  let from = stream.data[index * FIELDS + F_START] + 1;
  for (let child = index + 1; child < nextOf(stream, index) - 1; child = nextOf(stream, child)) {
    from = Math.max(from, nodeSpan(stream, child)?.end ?? from);
  }
  const closer = typeOf(stream, index) === EVENT_ID.MAPPING ? "}" : "]";
  for (let i = from; i < source.length; i++) {
    const char = source[i];
    if (char === closer) return i + 1;
    if (char === "#") {
      const lineEnd = source.indexOf("\n", i);
      if (lineEnd === -1) break;
      i = lineEnd;
    }
  }
  return from;
}

/**
 * A walk down a path: nodes[i] is the node reached after i segments (nodes[0] the root), keys[i] the
 * key event that led to it (-1 for a list item or the root), and `matched` how many segments exist.
 */
interface Walk {
  path: Path;
  nodes: number[];
  keys: number[];
  matched: number;
}

/**
 * Walks `path` from the root into `walk`, keeping the steps it already holds for the segments `path`
 * shares with its previous path. Filled in place: a walk is read at once, and locating runs for
 * every finding.
 */
function walkInto(walk: Walk, stream: EventStream, path: Path): Walk {
  const { nodes, keys } = walk;
  let matched = 0;
  const limit = Math.min(walk.matched, path.length);
  while (matched < limit && walk.path[matched] === path[matched]) matched++;
  for (; matched < path.length; matched++) {
    const segment = path[matched];
    const current = dereference(stream, nodes[matched]);
    const type = typeOf(stream, current);
    let key = -1;
    let node = -1;
    if (type === EVENT_ID.MAPPING) {
      key = findKey(stream, current, String(segment));
      if (key >= 0) node = nextOf(stream, key);
    } else if (type === EVENT_ID.SEQUENCE && typeof segment === "number") {
      node = nthItem(stream, current, segment) ?? -1;
    }
    if (node < 0) break;
    nodes[matched + 1] = node;
    keys[matched + 1] = key;
  }
  walk.path = path;
  walk.matched = matched;
  return walk;
}

function freshWalk(root: number): Walk {
  return { path: [], nodes: [root], keys: [-1], matched: 0 };
}

/**
 * The span of the node at `path` below the node at `root`, or of the deepest node on the path that
 * exists. A mapping entry spans its key and, for a scalar value, the value; a block collection spans
 * its first line, so a finding marks the line to edit rather than a whole block; a flow collection
 * (`{...}`, `[...]`) spans to its closing bracket.
 */
export function locateInStream(stream: EventStream, root: number, path: Path): Span & { matched: number } {
  return spanOfWalk(stream, walkInto(freshWalk(root), stream, path));
}

/**
 * locateInStream for many paths below one root. The findings of one object come one after another
 * and share long prefixes (`spec.template.spec.containers[0].securityContext`), so each walk starts
 * where it parts from the one before.
 */
export function pathLocator(stream: EventStream, root: number): (path: Path) => Span & { matched: number } {
  const walk = freshWalk(root);
  return (path) => spanOfWalk(stream, walkInto(walk, stream, path));
}

function spanOfWalk(stream: EventStream, { nodes, keys, matched }: Walk): Span & { matched: number } {
  const span = spanOf(stream, keys[matched], nodes[matched]);
  return { start: span.start + stream.base, end: span.end + stream.base, matched };
}

/**
 * Root events of the items of the list at `path` (a List kind's `items`), found in one pass, so each
 * item can be located from its own root instead of walking the whole list again for every finding.
 */
export function listItemRoots(stream: EventStream, root: number, path: Path): number[] {
  const { nodes, matched } = walkInto(freshWalk(root), stream, path);
  const list = dereference(stream, nodes[matched]);
  return typeOf(stream, list) === EVENT_ID.SEQUENCE ? itemsOf(stream, list) : [];
}

function spanOf(stream: EventStream, key: number, node: number): Span {
  const valueSpan = nodeSpan(stream, node);
  if (key >= 0) {
    const keySpan = nodeSpan(stream, key) ?? { start: 0, end: 0 };
    const valueType = typeOf(stream, node);
    const valueIsScalar = valueType === EVENT_ID.SCALAR || valueType === EVENT_ID.ALIAS;
    const sameLine = valueSpan && !stream.source.slice(keySpan.start, valueSpan.start).includes("\n");
    if (valueSpan && (valueIsScalar || sameLine)) return { start: keySpan.start, end: valueSpan.end };
    return { start: keySpan.start, end: endOfLineContent(stream.source, keySpan.start) };
  }
  return valueSpan ?? { start: 0, end: 0 };
}

/** How a scalar is written, for reading its text in place (an inline patch in a kustomization file). */
export type ScalarWriting = "plain" | "single-quoted" | "double-quoted" | "literal" | "folded";

const SCALAR_WRITINGS: Record<number, ScalarWriting> = {
  [SCALAR_STYLE.PLAIN]: "plain",
  [SCALAR_STYLE.SINGLE_QUOTED]: "single-quoted",
  [SCALAR_STYLE.DOUBLE_QUOTED]: "double-quoted",
  [SCALAR_STYLE.LITERAL_BLOCK]: "literal",
  [SCALAR_STYLE.FOLDED_BLOCK]: "folded",
};

/**
 * The scalar at `path` below `root` as written: its style and span (quotes included; a block
 * scalar's span starts at its first content line). Undefined when the path holds no scalar.
 */
export function writtenScalar(stream: EventStream, root: number, path: Path): (Span & { writing: ScalarWriting }) | undefined {
  const { nodes, matched } = walkInto(freshWalk(root), stream, path);
  if (matched < path.length) return undefined;
  const node = dereference(stream, nodes[matched]);
  const span = typeOf(stream, node) === EVENT_ID.SCALAR ? scalarSpan(stream, node) : undefined;
  if (!span) return undefined;
  return { start: span.start + stream.base, end: span.end + stream.base, writing: SCALAR_WRITINGS[styleOf(stream, node)] ?? "plain" };
}
