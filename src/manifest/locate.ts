import { COLLECTION_STYLE, EVENT_ID, SCALAR_STYLE, getScalarValue, type Event, type MappingEvent, type ScalarEvent, type SequenceEvent } from "js-yaml";
import { endOfLineContent } from "./text.js";
import type { Path } from "./types.js";

/** The parser's event stream for one chunk of a file, kept so positions can be found after the fact. */
export interface EventStream {
  /** Text the event offsets refer to. */
  source: string;
  /** Offset of `source` within the whole file. */
  base: number;
  events: Event[];
  /** next[i]: index of the first event after the node that starts at i (built on first use). */
  next?: Int32Array;
}

/** A located node: offsets into the whole file. */
export interface Span {
  start: number;
  end: number;
}

function nextTable(stream: EventStream): Int32Array {
  if (stream.next) return stream.next;
  const { events } = stream;
  const next = new Int32Array(events.length + 1);
  const open: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const type = events[i].type;
    if (type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE || type === EVENT_ID.DOCUMENT) {
      open.push(i);
    } else if (type === EVENT_ID.POP) {
      const start = open.pop();
      if (start !== undefined) next[start] = i + 1;
      next[i] = i + 1;
    } else {
      next[i] = i + 1;
    }
  }
  stream.next = next;
  return next;
}

function anchorName(stream: EventStream, event: Event): string | undefined {
  if (event.type === EVENT_ID.DOCUMENT || event.type === EVENT_ID.POP) return undefined;
  if (event.anchorStart < 0) return undefined;
  return stream.source.slice(event.anchorStart, event.anchorEnd);
}

/** Follows an alias back to the node that carries its anchor (the nearest earlier definition). */
function dereference(stream: EventStream, index: number): number {
  const event = stream.events[index];
  if (event.type !== EVENT_ID.ALIAS) return index;
  const name = stream.source.slice(event.anchorStart, event.anchorEnd);
  for (let i = index - 1; i >= 0; i--) {
    const candidate = stream.events[i];
    if (candidate.type !== EVENT_ID.ALIAS && anchorName(stream, candidate) === name) return i;
  }
  return index;
}

function scalarText(stream: EventStream, index: number): string | undefined {
  const event = stream.events[index];
  if (event.type !== EVENT_ID.SCALAR) return undefined;
  return getScalarValue(stream.source, event);
}

interface Pair {
  key: number;
  value: number;
}

function findKey(stream: EventStream, mapping: number, key: string, depth = 0): Pair | undefined {
  const { events } = stream;
  const next = nextTable(stream);
  const merges: number[] = [];
  let i = mapping + 1;
  while (i < events.length && events[i].type !== EVENT_ID.POP) {
    const value = next[i];
    const text = scalarText(stream, i);
    if (text === key) return { key: i, value };
    if (text === "<<") merges.push(value);
    i = next[value];
  }
  if (depth > 8) return undefined;
  for (const merge of merges) {
    const source = dereference(stream, merge);
    const sources = events[source].type === EVENT_ID.SEQUENCE ? itemsOf(stream, source) : [source];
    for (const candidate of sources) {
      const target = dereference(stream, candidate);
      if (events[target].type !== EVENT_ID.MAPPING) continue;
      const found = findKey(stream, target, key, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

function itemsOf(stream: EventStream, sequence: number): number[] {
  const next = nextTable(stream);
  const items: number[] = [];
  for (let i = sequence + 1; i < stream.events.length && stream.events[i].type !== EVENT_ID.POP; i = next[i]) {
    items.push(i);
  }
  return items;
}

function scalarSpan(event: ScalarEvent): Span | undefined {
  if (event.valueStart < 0) return undefined;
  const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
  return quoted
    ? { start: event.valueStart - 1, end: event.valueEnd + 1 }
    : { start: event.valueStart, end: event.valueEnd };
}

/** Where a node begins: a scalar's text, a collection's first character. */
function nodeStart(stream: EventStream, index: number): number | undefined {
  const event = stream.events[index];
  switch (event.type) {
    case EVENT_ID.SCALAR:
      return scalarSpan(event)?.start;
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      return event.start;
    case EVENT_ID.ALIAS:
      return event.anchorStart - 1;
    default:
      return undefined;
  }
}

function nodeSpan(stream: EventStream, index: number): Span | undefined {
  const event = stream.events[index];
  if (event.type === EVENT_ID.SCALAR) return scalarSpan(event);
  if (event.type === EVENT_ID.ALIAS) return { start: event.anchorStart - 1, end: event.anchorEnd };
  const start = nodeStart(stream, index);
  if (start === undefined) return undefined;
  if ((event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) && event.style === COLLECTION_STYLE.FLOW) {
    return { start, end: flowCollectionEnd(stream, index) };
  }
  return { start, end: endOfLineContent(stream.source, start) };
}

/**
 * Offset just past the closing bracket of a flow collection (`{...}` or `[...]`): after its last
 * child, skipping commas, spaces and comments. A whole-line search would be wrong for JSON on one
 * line, and slow.
 */
function flowCollectionEnd(stream: EventStream, index: number): number {
  const event = stream.events[index] as MappingEvent | SequenceEvent;
  const next = nextTable(stream);
  const { source } = stream;
  let from = event.start + 1;
  for (let child = index + 1; child < next[index] - 1; child = next[child]) {
    from = Math.max(from, nodeSpan(stream, child)?.end ?? from);
  }
  const closer = event.type === EVENT_ID.MAPPING ? "}" : "]";
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
 * Walks `path` down from the node at `root` as far as it exists: the last node reached, the key event
 * that led to it (-1 for none), and how many segments were matched.
 */
function walk(stream: EventStream, root: number, path: Path): { key: number; node: number; matched: number } {
  let node = root;
  let key = -1;
  let matched = 0;
  for (const segment of path) {
    const current = dereference(stream, node);
    const event = stream.events[current];
    if (event.type === EVENT_ID.MAPPING) {
      const pair = findKey(stream, current, String(segment));
      if (!pair) break;
      key = pair.key;
      node = pair.value;
    } else if (event.type === EVENT_ID.SEQUENCE && typeof segment === "number") {
      const item = itemsOf(stream, current)[segment];
      if (item === undefined) break;
      key = -1;
      node = item;
    } else {
      break;
    }
    matched++;
  }
  return { key, node, matched };
}

/**
 * The span of the node at `path` below the node at `root`, or of the deepest node on the path that
 * exists. A mapping entry spans its key and, for a scalar value, the value; a block collection spans
 * its first line, so a finding marks the line to edit rather than a whole block; a flow collection
 * (`{...}`, `[...]`) spans to its closing bracket.
 */
export function locateInStream(stream: EventStream, root: number, path: Path): Span & { matched: number } {
  const { key, node, matched } = walk(stream, root, path);
  const span = spanOf(stream, key, node);
  return { start: span.start + stream.base, end: span.end + stream.base, matched };
}

/**
 * Root events of the items of the list at `path` (a List kind's `items`), found in one pass, so each
 * item can be located from its own root instead of walking the whole list again for every finding.
 */
export function listItemRoots(stream: EventStream, root: number, path: Path): number[] {
  const { node } = walk(stream, root, path);
  const list = dereference(stream, node);
  return stream.events[list].type === EVENT_ID.SEQUENCE ? itemsOf(stream, list) : [];
}

function spanOf(stream: EventStream, key: number, node: number): Span {
  const valueSpan = nodeSpan(stream, node);
  if (key >= 0) {
    const keySpan = nodeSpan(stream, key) ?? { start: 0, end: 0 };
    const valueIsScalar = stream.events[node].type === EVENT_ID.SCALAR || stream.events[node].type === EVENT_ID.ALIAS;
    const sameLine = valueSpan && !stream.source.slice(keySpan.start, valueSpan.start).includes("\n");
    if (valueSpan && valueIsScalar) return { start: keySpan.start, end: valueSpan.end };
    if (valueSpan && sameLine) return { start: keySpan.start, end: valueSpan.end };
    return { start: keySpan.start, end: endOfLineContent(stream.source, keySpan.start) };
  }
  return valueSpan ?? { start: 0, end: 0 };
}
