// Why this module exists (issue 17): js-yaml 5's event parser plus its constructor, which src/manifest/parse.ts
// uses, read the benchmark corpus in about twice the time js-yaml 4's `loadAll` takes. js-yaml 4 builds the
// values itself and calls a `listener` at the start and end of every node it composes, with the loader's state
// (position, line, kind, result). From those calls this module writes the very EventStream that
// `packEvents(parseEvents(...))` would, so every finding keeps its line and column, while js-yaml 4 makes the
// values. Only the common YAML of manifests is read so: plain, quoted and block scalars, block and flow
// collections. Anything else (anchors, aliases, merge keys, tags, explicit keys, tabs, directives, deficient
// indentation, an error, or a structure this module does not recognise) returns undefined, and the caller
// reads the text with js-yaml 5 as before, so its values, positions and error messages stay exactly as they were.
// test/manifest/listener-read.test.ts compares both readers' streams and values over the fixtures and the corpus.
import { CHOMPING_MODE, COLLECTION_STYLE, EVENT_ID, SCALAR_STYLE, getScalarValue } from "js-yaml";
import { FAILSAFE_SCHEMA, Type, loadAll, type LoaderState } from "js-yaml-4";
import { CHOMPING_SHIFT, FAST_FLAG, FIELDS, F_END_OR_NEXT, F_INDENT, F_KIND, F_START, STYLE_SHIFT, type EventStream } from "./locate.js";
import { KUBERNETES_SCHEMA, MAX_DEPTH } from "./yaml-schema.js";

/** Thrown inside js-yaml 4 (by the listener or the schema) to stop reading a text this module does not follow. */
const GIVE_UP = new Error("the text needs js-yaml 5's reader");

/** Nodes nested deeper go to js-yaml 5, whose own limit (MAX_DEPTH) then decides. */
const DEPTH_LIMIT = MAX_DEPTH - 8;

const MERGE_TAG_NAME = "tag:yaml.org,2002:merge";

// Characters by code.
const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const EXCLAMATION = 33;
const DOUBLE_QUOTE = 34;
const HASH = 35;
const AMPERSAND = 38;
const SINGLE_QUOTE = 39;
const ASTERISK = 42;
const PLUS = 43;
const COMMA = 44;
const MINUS = 45;
const COLON = 58;
const GREATER = 62;
const QUESTION = 63;
const LEFT_BRACKET = 91;
const LEFT_BRACE = 123;
const PIPE = 124;

/** What the first child of a node says the node is; set when that child opens. */
const SHAPE_NONE = 0;
/** The first child opened where the node's content starts: a block mapping's first key, or a node read as a key first. */
const SHAPE_KEY_FIRST = 1;
const SHAPE_BLOCK_SEQUENCE = 2;
const SHAPE_FLOW_SEQUENCE = 3;
const SHAPE_FLOW_MAPPING = 4;

/** No separator before a flow collection's first entry (no character of a text is NUL). */
const NO_SEPARATOR = 0;

/** The node type a closed child reports to its parent: an EVENT_ID, or NOTHING for a node that read nothing. */
const NOTHING = 0;

// The text being read and the stream being written. One text at a time: js-yaml 4 reads synchronously.
let text = "";
let length = 0;
/** js-yaml 4's own copy of the text (with a NUL after it), which its values are slices of. */
let loaded = "";
const INITIAL_EVENTS = 1 << 14;
/** A buffer grown past this for one big file is not kept for the next. */
const KEPT_EVENTS = 1 << 20;
let events = new Int32Array(INITIAL_EVENTS);
let count = 0;
let roots: number[] = [];
let depth = 0;
let documentSlot = 0;
/** Where the last document's root ended, to tell an explicit empty document (`---` at the end) from trailing space. */
let documentEnd = 0;
/** Whether js-yaml 4 read a last document out of nothing but spaces and comments, which js-yaml 5 does not count. */
let phantomDocument = false;
/** The last plain scalar js-yaml 4 resolved, as written: it resolves a node just before closing it. */
let lastPlain = "";
let lastResolved: unknown;

// Per open node, by depth.
const slotOf = new Int32Array(MAX_DEPTH + 2);
const contentOf = new Int32Array(MAX_DEPTH + 2);
const lineOf = new Int32Array(MAX_DEPTH + 2);
const columnOf = new Int32Array(MAX_DEPTH + 2);
const childrenOf = new Int32Array(MAX_DEPTH + 2);
const shapeOf = new Int32Array(MAX_DEPTH + 2);
/** Type and content start of the node's last closed child. */
const lastTypeOf = new Int32Array(MAX_DEPTH + 2);
const lastContentOf = new Int32Array(MAX_DEPTH + 2);
/** Where the node's last child ended (or just past a flow collection's bracket): where the next separator is read from. */
const cursorOf = new Int32Array(MAX_DEPTH + 2);

/**
 * Plain scalars resolve as js-yaml 5 resolves them with the Kubernetes schema (the same tag definitions, in
 * the same order), so the values are the same; a merge key `<<` is left to js-yaml 5, with the alias limits.
 */
const kubernetesScalar = new Type("tag:kubeward,2026:plain", {
  kind: "scalar",
  resolve(data) {
    const { value, tag } = KUBERNETES_SCHEMA.resolveImplicitScalarTag(data);
    if (tag.tagName === MERGE_TAG_NAME) throw GIVE_UP;
    lastPlain = data;
    lastResolved = value;
    return true;
  },
  construct: () => lastResolved,
});

const OPTIONS = {
  schema: FAILSAFE_SCHEMA.extend({ implicit: [kubernetesScalar] }),
  listener: (event: "open" | "close", state: LoaderState) => {
    if (event === "open") openNode(state);
    else closeNode(state);
  },
  // js-yaml 4 only warns of lines indented too little inside brackets and quotes, which js-yaml 5 refuses and
  // flow-indentation.ts reads as Kubernetes does; and of directives.
  onWarning: () => {
    throw GIVE_UP;
  },
  maxDepth: MAX_DEPTH,
};

/**
 * Reads `source` with js-yaml 4 into the documents' values and the EventStream js-yaml 5's events pack
 * into; undefined when the text needs js-yaml 5 (see the top of this file).
 */
export function readWithListener(source: string, base: number): { stream: EventStream; documents: unknown[] } | undefined {
  if (needsFullReader(source)) return undefined;
  begin(source);
  try {
    const documents = loadAll(source, undefined, OPTIONS);
    if (phantomDocument) documents.pop();
    if (depth !== 0 || documents.length !== roots.length) return undefined;
    // The values are slices of js-yaml 4's copy of the text (it appends a NUL), so the stream keeps that copy too.
    const read = loaded === "" ? source : loaded.slice(0, length);
    return { stream: { source: read, base, length: count, data: events.slice(0, count * FIELDS), anchors: undefined, roots }, documents };
  } catch {
    return undefined;
  } finally {
    text = "";
    loaded = "";
    if (events.length > KEPT_EVENTS) events = new Int32Array(INITIAL_EVENTS);
    lastPlain = "";
    lastResolved = undefined;
  }
}

function begin(source: string): void {
  text = source;
  length = source.length;
  count = 0;
  roots = [];
  depth = 0;
  documentEnd = 0;
  phantomDocument = false;
  loaded = "";
}

/**
 * Text that js-yaml 4 reads differently from js-yaml 5, found before reading: tabs (js-yaml 5 refuses some in
 * flow collections), byte order marks, and directives and document end markers at a line start.
 */
function needsFullReader(source: string): boolean {
  if (source.includes("\t") || source.includes("\uFEFF")) return true;
  return atLineStart(source, "%") || atLineStart(source, "...");
}

function atLineStart(source: string, marker: string): boolean {
  for (let i = source.indexOf(marker); i !== -1; i = source.indexOf(marker, i + 1)) {
    if (i === 0 || isBreak(source.charCodeAt(i - 1))) return true;
  }
  return false;
}

function isBreak(ch: number): boolean {
  return ch === LF || ch === CR;
}

function isSpaceOrBreak(ch: number): boolean {
  return ch === SPACE || ch === LF || ch === CR || ch === TAB;
}

/** A `---` line start at `at`. */
function isDocumentMarker(at: number): boolean {
  if (at > 0 && !isBreak(text.charCodeAt(at - 1))) return false;
  if (text.charCodeAt(at) !== MINUS || text.charCodeAt(at + 1) !== MINUS || text.charCodeAt(at + 2) !== MINUS) return false;
  return at + 3 >= length || isSpaceOrBreak(text.charCodeAt(at + 3));
}

/** Offset after spaces, line breaks and comments from `at`. */
function skipSeparation(at: number): number {
  let p = at;
  for (;;) {
    const ch = text.charCodeAt(p);
    if (ch === SPACE || ch === LF || ch === CR) p++;
    else if (ch === HASH) while (p < length && !isBreak(text.charCodeAt(p))) p++;
    else return p;
  }
}

function reserve(slots: number): void {
  if ((count + slots) * FIELDS <= events.length) return;
  const grown = new Int32Array(Math.max(events.length * 2, (count + slots) * FIELDS));
  grown.set(events.subarray(0, count * FIELDS));
  events = grown;
}

function write(slot: number, kind: number, start: number, endOrNext: number, indent: number): void {
  const at = slot * FIELDS;
  events[at + F_KIND] = kind;
  events[at + F_START] = start;
  events[at + F_END_OR_NEXT] = endOrNext;
  events[at + F_INDENT] = indent;
}

/** Appends the POP event that closes the document or collection at `slot`, linking it to the event after. */
function pop(slot: number): void {
  reserve(1);
  const index = count++;
  write(index, EVENT_ID.POP, -1, index + 1, 0);
  events[slot * FIELDS + F_END_OR_NEXT] = count;
}

function openNode(state: LoaderState): void {
  const d = depth++;
  if (d === 0) loaded = state.input;
  if (d >= DEPTH_LIMIT) throw GIVE_UP;
  const open = state.position;
  // js-yaml 4 opens a mapping value before the space after its `:`; js-yaml 5 places the node where its content starts.
  let p = open;
  let line = state.line;
  let lineStart = state.lineStart;
  for (;;) {
    const ch = text.charCodeAt(p);
    if (ch === SPACE) p++;
    else if (ch === LF || ch === CR) {
      p += ch === CR && text.charCodeAt(p + 1) === LF ? 2 : 1;
      line++;
      lineStart = p;
    } else if (ch === HASH) while (p < length && !isBreak(text.charCodeAt(p))) p++;
    else break;
  }
  const first = text.charCodeAt(p);
  // Tags, anchors and aliases.
  if (first === EXCLAMATION || first === AMPERSAND || first === ASTERISK) throw GIVE_UP;
  reserve(2);
  if (d === 0) {
    // A root not at a line's start follows `---` on its line, which js-yaml 5 reads otherwise; a root at the end
    // of the text is a document to js-yaml 5 only after an explicit `---`.
    if (p !== lineStart) throw GIVE_UP;
    phantomDocument = p >= length && !isDocumentMarker(skipSeparation(documentEnd));
    documentSlot = count++;
    write(documentSlot, EVENT_ID.DOCUMENT, -1, 0, 0);
    roots.push(count);
  } else {
    const parent = d - 1;
    const n = childrenOf[parent]++;
    if (n === 0) shapeOf[parent] = shapeOfParent(parent, open);
    switch (shapeOf[parent]) {
      case SHAPE_FLOW_SEQUENCE:
        checkFlowGap(cursorOf[parent], open, n === 0 ? NO_SEPARATOR : COMMA);
        break;
      case SHAPE_FLOW_MAPPING:
        checkFlowGap(cursorOf[parent], open, n === 0 ? NO_SEPARATOR : n % 2 === 1 ? COLON : COMMA);
        break;
      case SHAPE_KEY_FIRST:
        // An explicit key (`? key`): js-yaml 4 opens it right after the `?`.
        if (n % 2 === 0 && text.charCodeAt(open - 1) === QUESTION) throw GIVE_UP;
        break;
    }
  }
  slotOf[d] = count++;
  contentOf[d] = p;
  lineOf[d] = line;
  columnOf[d] = p - lineStart;
  childrenOf[d] = 0;
  shapeOf[d] = SHAPE_NONE;
  cursorOf[d] = p + 1;
}

/** Classifies a node by where its first child opens. */
function shapeOfParent(parent: number, childOpen: number): number {
  const content = contentOf[parent];
  if (childOpen === content) return SHAPE_KEY_FIRST;
  switch (text.charCodeAt(content)) {
    case LEFT_BRACKET:
      return SHAPE_FLOW_SEQUENCE;
    case LEFT_BRACE:
      return SHAPE_FLOW_MAPPING;
    case MINUS:
      return SHAPE_BLOCK_SEQUENCE;
    default:
      // An explicit key first (`?`), or something this module does not know.
      throw GIVE_UP;
  }
}

/**
 * Between two entries of a flow collection (or a bracket and an entry) only spaces, line breaks, comments and
 * the one separator they need may stand: a `?` or a `:` elsewhere makes a pair js-yaml 5 builds differently.
 * A `#` right after a bracket, comma or colon starts a comment for js-yaml 4 but not for js-yaml 5.
 */
function checkFlowGap(from: number, to: number, separator: number, required = true): void {
  let separators = 0;
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === SPACE || ch === LF || ch === CR) continue;
    if (ch === HASH) {
      if (!isSpaceOrBreak(text.charCodeAt(i - 1))) throw GIVE_UP;
      while (i + 1 < to && !isBreak(text.charCodeAt(i + 1))) i++;
    } else if (ch === separator && separators === 0) {
      separators++;
    } else {
      throw GIVE_UP;
    }
  }
  if (required && separator !== NO_SEPARATOR && separators === 0) throw GIVE_UP;
}

/** A `#` right after a node (`"a"#`, `[a]#`) starts a comment for js-yaml 4 but not for js-yaml 5. */
function checkAfterNode(end: number): void {
  if (text.charCodeAt(end) === HASH) throw GIVE_UP;
}

function typeOfKind(kind: LoaderState["kind"]): number {
  if (kind === "scalar") return EVENT_ID.SCALAR;
  if (kind === "mapping") return EVENT_ID.MAPPING;
  return kind === "sequence" ? EVENT_ID.SEQUENCE : NOTHING;
}

function closeNode(state: LoaderState): void {
  const d = --depth;
  const slot = slotOf[d];
  const content = contentOf[d];
  const kind = state.kind;
  let children = childrenOf[d];
  if (children > 0 && shapeOf[d] === SHAPE_KEY_FIRST) {
    if (children === 1 && lastTypeOf[d] !== NOTHING) {
      // Read as a key first, but no `:` followed: js-yaml 4 keeps that node as this one (an item `- value`).
      if (lastTypeOf[d] !== typeOfKind(kind)) throw GIVE_UP;
      unwrapChild(slot);
      closed(d, lastTypeOf[d], content, state.position);
      return;
    }
    if (children === 1) {
      // A key tried and not found (before a block scalar, or nothing).
      count = slot + 1;
      children = 0;
    } else if (kind === "mapping") {
      if (children % 2 === 1) {
        // The last key tried where a `---` line ends the mapping.
        if (lastTypeOf[d] !== NOTHING || !isDocumentMarker(lastContentOf[d])) throw GIVE_UP;
        count--;
        children--;
      }
    } else {
      throw GIVE_UP;
    }
  }
  const type = typeOfKind(kind);
  if (type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE) {
    closeCollection(state, d, type, children);
  } else if (type === EVENT_ID.SCALAR) {
    if (children > 0) throw GIVE_UP;
    closeScalar(state, d);
  } else {
    if (children > 0) throw GIVE_UP;
    write(slot, EVENT_ID.SCALAR | (SCALAR_STYLE.PLAIN << STYLE_SHIFT) | (CHOMPING_MODE.CLIP << CHOMPING_SHIFT), -1, -1, -1);
  }
  closed(d, type, content, state.position);
}

/** Reports a closed node to its parent, or ends the document at the root. */
function closed(d: number, type: number, content: number, end: number): void {
  if (d === 0) {
    if (phantomDocument) {
      count = documentSlot;
      roots.pop();
      return;
    }
    pop(documentSlot);
    documentEnd = end;
    return;
  }
  const parent = d - 1;
  lastTypeOf[parent] = type;
  lastContentOf[parent] = content;
  cursorOf[parent] = end;
}

/** Moves the events of the only child of the node at `slot` down over it, the child taking its place. */
function unwrapChild(slot: number): void {
  events.copyWithin(slot * FIELDS, (slot + 1) * FIELDS, count * FIELDS);
  count--;
  for (let i = slot; i < count; i++) {
    const type = events[i * FIELDS + F_KIND] & 7;
    if (type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE || type === EVENT_ID.POP) events[i * FIELDS + F_END_OR_NEXT]--;
  }
}

function closeCollection(state: LoaderState, d: number, type: number, children: number): void {
  const content = contentOf[d];
  const mapping = type === EVENT_ID.MAPPING;
  const flow = text.charCodeAt(content) === (mapping ? LEFT_BRACE : LEFT_BRACKET);
  const shape = shapeOf[d];
  if (flow) {
    if (children > 0 && shape !== (mapping ? SHAPE_FLOW_MAPPING : SHAPE_FLOW_SEQUENCE)) throw GIVE_UP;
    // A key without a value (`{a, b: 1}`).
    if (children % 2 === 1 && mapping) throw GIVE_UP;
    checkFlowGap(cursorOf[d], state.position - 1, COMMA, false);
    checkAfterNode(state.position);
    // A collection as a mapping key (`[a]: b`), which js-yaml 5 refuses for plain objects.
    let after = state.position;
    while (text.charCodeAt(after) === SPACE) after++;
    if (text.charCodeAt(after) === COLON) throw GIVE_UP;
  } else if (mapping ? shape !== SHAPE_KEY_FIRST : shape !== SHAPE_BLOCK_SEQUENCE || (state.result as unknown[]).length !== children) {
    // A sequence item js-yaml 4 read without composing a node (`-` alone on its line) has no child here.
    throw GIVE_UP;
  }
  write(slotOf[d], type | ((flow ? COLLECTION_STYLE.FLOW : COLLECTION_STYLE.BLOCK) << STYLE_SHIFT), content, 0, 0);
  pop(slotOf[d]);
}

function scalarKind(style: number, chomping: number, fast: boolean): number {
  return EVENT_ID.SCALAR | (style << STYLE_SHIFT) | (chomping << CHOMPING_SHIFT) | (fast ? FAST_FLAG : 0);
}

function closeScalar(state: LoaderState, d: number): void {
  const slot = slotOf[d];
  const content = contentOf[d];
  const first = text.charCodeAt(content);
  if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
    const start = content + 1;
    const end = state.position - 1;
    const value = state.result as string;
    // Escapes and line breaks always shorten the value: one of the same length on one line is the text itself.
    const fast = state.line === lineOf[d] && value.length === end - start;
    const style = first === DOUBLE_QUOTE ? SCALAR_STYLE.DOUBLE_QUOTED : SCALAR_STYLE.SINGLE_QUOTED;
    write(slot, scalarKind(style, CHOMPING_MODE.CLIP, fast), start, end, -1);
    checkAfterNode(state.position);
    if (!fast) checkValue(slot, value);
  } else if (first === PIPE || first === GREATER) {
    // The indentation js-yaml 5 measures a block scalar against is its parent collection's, plus one.
    if (d === 0) throw GIVE_UP;
    writeBlockScalar(slot, content, columnOf[d - 1] + 1);
    checkValue(slot, state.result as string);
  } else {
    let end = state.position;
    while (end > content && isSpaceOrBreak(text.charCodeAt(end - 1))) end--;
    // js-yaml 5 reads a plain scalar "fast" (as its text) unless its reading went on past a line break.
    const fast = state.line === lineOf[d];
    write(slot, scalarKind(SCALAR_STYLE.PLAIN, CHOMPING_MODE.CLIP, fast), content, end, -1);
    if (!fast) checkValue(slot, lastPlain);
  }
}

/** A scalar whose text is not its value: js-yaml 5 must read the value js-yaml 4 read, from the event written. */
function checkValue(slot: number, expected: string): void {
  const at = slot * FIELDS;
  const kind = events[at + F_KIND];
  const value = getScalarValue(text, {
    type: EVENT_ID.SCALAR,
    valueStart: events[at + F_START],
    valueEnd: events[at + F_END_OR_NEXT],
    anchorStart: -1,
    anchorEnd: -1,
    tagStart: -1,
    tagEnd: -1,
    style: ((kind >> STYLE_SHIFT) & 7) as (typeof SCALAR_STYLE)[keyof typeof SCALAR_STYLE],
    chomping: ((kind >> CHOMPING_SHIFT) & 3) as (typeof CHOMPING_MODE)[keyof typeof CHOMPING_MODE],
    indent: events[at + F_INDENT],
    fast: false,
  });
  if (value !== expected) throw GIVE_UP;
}

function codeAt(i: number): number {
  return i < length ? text.charCodeAt(i) : 0;
}

function afterBreak(at: number): number {
  return text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
}

// js-yaml 5's PATTERN_NON_PRINTABLE.
// eslint-disable-next-line no-control-regex
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

/**
 * Writes the block scalar (`|` or `>`) at `header` as js-yaml 5's readBlockScalar measures it: its value from
 * the line after the header to the end of its last line, its chomping, and its content indentation.
 * `parentIndent` is the indentation js-yaml 5 passes it. Where js-yaml 5 would refuse the text, gives up.
 */
function writeBlockScalar(slot: number, header: number, parentIndent: number): void {
  const style = text.charCodeAt(header) === PIPE ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
  let p = header + 1;
  let chomping: number = CHOMPING_MODE.CLIP;
  let explicitIndent = -1;
  for (;;) {
    const ch = codeAt(p);
    if (ch === PLUS || ch === MINUS) {
      if (chomping !== CHOMPING_MODE.CLIP) throw GIVE_UP;
      chomping = ch === PLUS ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
    } else if (ch >= 0x31 && ch <= 0x39 && explicitIndent === -1) {
      explicitIndent = parentIndent + (ch - 0x30) - 1;
    } else if (ch >= 0x30 && ch <= 0x39) {
      throw GIVE_UP;
    } else {
      break;
    }
    p++;
  }
  const detected = explicitIndent !== -1;
  let hadSpace = false;
  while (codeAt(p) === SPACE) {
    hadSpace = true;
    p++;
  }
  if (hadSpace && codeAt(p) === HASH) while (p < length && !isBreak(codeAt(p))) p++;
  if (isBreak(codeAt(p))) p = afterBreak(p);
  else if (p < length) throw GIVE_UP;
  let contentIndent = explicitIndent;
  let maxLeadingIndent = 0;
  const valueStart = p;
  let valueEnd = p;
  while (p < length) {
    const lineStart = p;
    let column = 0;
    while (codeAt(lineStart + column) === SPACE) column++;
    const first = codeAt(lineStart + column);
    if (first === 0) {
      if (contentIndent >= 0 ? column > contentIndent : column > 0) valueEnd = lineStart + column;
      break;
    }
    if (isDocumentMarker(p)) break;
    const empty = isBreak(first);
    if (!detected && contentIndent === -1) {
      if (empty) maxLeadingIndent = Math.max(maxLeadingIndent, column);
      else if (column >= parentIndent && column < maxLeadingIndent) throw GIVE_UP;
    }
    if (contentIndent === -1 && !empty && column < parentIndent) break;
    if (!detected && !empty && contentIndent === -1) contentIndent = column;
    if (!empty && column < (contentIndent === -1 ? parentIndent + 1 : contentIndent)) break;
    while (p < length && !isBreak(codeAt(p))) p++;
    valueEnd = p;
    if (isBreak(codeAt(p))) {
      p = afterBreak(p);
      valueEnd = p;
    }
  }
  if (NON_PRINTABLE.test(text.slice(valueStart, valueEnd))) throw GIVE_UP;
  write(slot, scalarKind(style, chomping, false), valueStart, valueEnd, contentIndent);
}
