import type { Path } from "../../core/types.js";
import { isRecord, valueAtPath } from "../../core/json.js";

/**
 * Finds, in a Helm template's text, the line that produces a field of a rendered object: an
 * indentation-aware walk along the field path over the template's YAML-looking lines, skipping
 * template actions. When the walk cannot go further literally (the rest comes from `toYaml`,
 * `include` or `tpl`), it reports the `.Values` reference that supplies it.
 */

interface TemplateLine {
  /** 0-based line number. */
  index: number;
  indent: number;
  /** The YAML key on the line, if it is a `key:` or `- key:` line. */
  key?: string;
  /** Indentation of the key itself (after a `- ` item marker). */
  keyIndent: number;
  /** The line starts a list item (`- `). */
  item: boolean;
  /** Only template actions and whitespace: `{{- if … }}`, `{{- end }}`. */
  actionOnly: boolean;
  blank: boolean;
  text: string;
}

/** A `.Values` path feeding a template line, and the part of the field path below it. */
export interface ValuesReference {
  valuesPath: string[];
  remainder: Path;
}

export interface TemplateHit {
  /** 1-based line, 1-based start column and exclusive end column in the template. */
  line: number;
  column: number;
  endColumn: number;
  /** How many segments of the path were found literally in the template. */
  matchedSegments: number;
  values?: ValuesReference;
}

const KEY_LINE = /^(\s*)(-\s+)?("[^"]*"|'[^']*'|[^\s#{}"'][^:#{}]*?):(?=\s|$)/;
const ACTION = /\{\{-?([\s\S]*?)-?\}\}/g;
const VALUES_REF = /\$?\.Values((?:\.[A-Za-z0-9_-]+)+)/;
/** Placeholder in a values path for "the item of the enclosing range". */
const RANGE_ITEM = "\u0000item";

function scanLines(text: string): TemplateLine[] {
  return text.split("\n").map((raw, index) => {
    const line = raw.replace(/\r$/, "");
    const indent = line.length - line.trimStart().length;
    const withoutActions = line.replace(ACTION, "").trim();
    const blank = line.trim() === "" || line.trim().startsWith("#");
    const actionOnly = !blank && withoutActions === "";
    const match = actionOnly ? null : KEY_LINE.exec(line);
    const item = /^\s*-(\s|$)/.test(line);
    if (!match) return { index, indent, keyIndent: indent, item, actionOnly, blank, text: line };
    const key = match[3].replace(/^["']|["']$/g, "");
    return { index, indent, key, keyIndent: match[1].length + ((match[2] as string | undefined)?.length ?? 0), item, actionOnly, blank, text: line };
  });
}

/** Lines that carry YAML structure (not blank, not comment, not action-only). */
function structural(line: TemplateLine): boolean {
  return !line.blank && !line.actionOnly;
}

interface Block {
  /** First line inside the block (after its key line). */
  start: number;
  /** One past the last line of the block. */
  end: number;
  /** Indentation of the key that owns the block; children are deeper. */
  indent: number;
}

/**
 * The lines that belong to a key (owned at its key indent) or to a list item (owned at its dash):
 * up to the next structural line at or above that indent. A list may sit at its key's own indent.
 */
function blockAfter(lines: TemplateLine[], owner: TemplateLine, ownerIsItem: boolean, limit: number): Block {
  const indent = ownerIsItem ? owner.indent : owner.keyIndent;
  let end = owner.index + 1;
  for (; end < limit; end++) {
    const line = lines[end];
    if (!structural(line)) continue;
    const ends = line.item ? (ownerIsItem ? line.indent <= indent : line.indent < indent) : line.keyIndent <= indent;
    if (ends) break;
  }
  return { start: owner.index + 1, end, indent };
}

function findChildKey(lines: TemplateLine[], block: Block, key: string): TemplateLine | undefined {
  let childIndent = Infinity;
  for (let i = block.start; i < block.end; i++) {
    const line = lines[i];
    if (line.key !== undefined && line.keyIndent > block.indent) childIndent = Math.min(childIndent, line.keyIndent);
  }
  for (let i = block.start; i < block.end; i++) {
    const line = lines[i];
    if (line.key === key && line.keyIndent === childIndent) return line;
  }
  return undefined;
}

/** The list items directly inside a block, each with the lines it spans. */
function listItems(lines: TemplateLine[], block: Block): TemplateLine[] {
  let itemIndent = Infinity;
  for (let i = block.start; i < block.end; i++) if (lines[i].item && structural(lines[i])) itemIndent = Math.min(itemIndent, lines[i].indent);
  const items: TemplateLine[] = [];
  for (let i = block.start; i < block.end; i++) if (lines[i].item && structural(lines[i]) && lines[i].indent === itemIndent) items.push(lines[i]);
  return items;
}

/** Whether the line at `index` sits inside a `range` opened at or after `from`. */
function insideRange(lines: TemplateLine[], from: number, index: number): boolean {
  const open: string[] = [];
  for (let i = from; i < index; i++) {
    for (const match of lines[i].text.matchAll(ACTION)) {
      const action = match[1].trim();
      const opener = /^(if|with|range|define|block)\b/.exec(action);
      if (opener) open.push(opener[1]);
      else if (/^end\b/.test(action)) open.pop();
    }
  }
  return open.includes("range");
}

interface FoundItem {
  item: TemplateLine;
  /** For an item repeated by `range`: which repetition the rendered item is. */
  rangeIndex?: number;
}

function findItem(lines: TemplateLine[], block: Block, index: number, rendered: unknown): FoundItem | undefined {
  const items = listItems(lines, block);
  const name = isRecord(rendered) && typeof rendered.name === "string" ? rendered.name : undefined;
  if (name !== undefined) {
    for (const item of items) {
      const itemBlock = blockAfter(lines, item, true, block.end);
      const nameLine = [item, ...lines.slice(itemBlock.start, itemBlock.end)].find((line) => line.key === "name");
      if (nameLine && new RegExp(`name:\\s*["']?${escapeRegExp(name)}["']?\\s*$`).test(nameLine.text)) return { item };
    }
  }
  // One template item inside `range` renders many: map the rendered index onto it.
  const ranged = items.findIndex((item) => insideRange(lines, block.start, item.index));
  if (ranged !== -1 && index >= ranged) return { item: items[ranged], rangeIndex: index - ranged };
  return items[index] ? { item: items[index] } : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `define` bodies of the chart's templates and helpers, for following `include`. */
export type Defines = ReadonlyMap<string, string>;

const DEFINE = /\{\{-?\s*define\s+"([^"]+)"\s*-?\}\}([\s\S]*?)\{\{-?\s*end\s*-?\}\}/g;

/** Collects `{{ define "name" }}…{{ end }}` bodies (first-level; nested actions inside are fine for our purpose). */
export function collectDefines(texts: Iterable<string>): Map<string, string> {
  const defines = new Map<string, string>();
  for (const text of texts) {
    for (const match of text.matchAll(DEFINE)) if (!defines.has(match[1])) defines.set(match[1], match[2]);
  }
  return defines;
}

/** `with` scopes open at a line, innermost last, as `.Values` paths (undefined for non-values scopes). */
function withScopes(lines: TemplateLine[], upTo: number, from: number): Array<string[] | undefined> {
  const stack: Array<string[] | undefined> = [];
  for (let i = from; i <= upTo; i++) {
    for (const match of lines[i].text.matchAll(ACTION)) {
      const action = match[1].trim();
      if (/^(if|define|block)\b/.test(action)) stack.push(undefined);
      else if (/^(with|range)\b/.test(action)) {
        // Inside `range .Values.list`, `.` is one item: its index is filled in once the item is known.
        const ref = VALUES_REF.exec(action);
        const refPath = ref ? ref[1].slice(1).split(".") : undefined;
        stack.push(refPath && action.startsWith("range") && !/\$\w+\s*:?=/.test(action) ? [...refPath, RANGE_ITEM] : action.startsWith("with") ? refPath : undefined);
      } else if (/^end\b/.test(action)) stack.pop();
    }
  }
  return stack;
}

function valuesPathIn(text: string, defines: Defines, scope: string[] | undefined, depth = 0): string[] | undefined {
  for (const match of text.matchAll(ACTION)) {
    const action = match[1];
    const ref = VALUES_REF.exec(action);
    if (ref) return ref[1].slice(1).split(".");
    if (scope && /(^|[\s(])\.(?=[\s|)]|$)/.test(action)) return scope;
    const field = /(?:^|[\s(])\.([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)/.exec(action);
    if (scope && field && !/^(Values|Release|Chart|Capabilities|Files|Template)\b/.test(field[1])) return [...scope, ...field[1].split(".")];
    const include = /\b(?:include|template)\s+"([^"]+)"/.exec(action);
    if (include && depth < 4) {
      const body = defines.get(include[1]);
      if (body !== undefined) {
        const inner = valuesPathIn(body, defines, undefined, depth + 1);
        if (inner) return inner;
      }
    }
  }
  return undefined;
}

/** The document of a multi-document template that renders `kind` (the whole text when unsure). */
function documentRange(lines: TemplateLine[], kind: string): [number, number] {
  const starts = [0];
  lines.forEach((line, i) => {
    if (/^---\s*$/.test(line.text)) starts.push(i + 1);
  });
  const ranges = starts.map((start, i): [number, number] => [start, i + 1 < starts.length ? starts[i + 1] - 1 : lines.length]);
  const kindPattern = new RegExp(`^kind:\\s*["']?${escapeRegExp(kind)}["']?\\s*$`);
  const matching = ranges.filter(([start, end]) => lines.slice(start, end).some((line) => kindPattern.test(line.text)));
  return matching[0] ?? [0, lines.length];
}

/** Locates `path` of a rendered object (`body`, of `kind`) in its template text. */
export function locateInTemplate(text: string, kind: string, body: unknown, path: Path, defines: Defines): TemplateHit {
  const lines = scanLines(text);
  const [docStart, docEnd] = documentRange(lines, kind);
  let block: Block = { start: docStart, end: docEnd, indent: -1 };
  let found: TemplateLine | undefined;
  let matched = 0;
  let rangeIndex: number | undefined;
  for (; matched < path.length; matched++) {
    const segment = path[matched];
    let next: TemplateLine | undefined;
    if (typeof segment === "number") {
      const item = findItem(lines, block, segment, valueAtPath(body, path.slice(0, matched + 1)));
      if (!item) break;
      next = item.item;
      if (item.rangeIndex !== undefined) rangeIndex = item.rangeIndex;
      // The item's own line (`- name: x`) holds its first key, so the block starts there.
      block = { ...blockAfter(lines, next, true, block.end), start: next.index };
    } else {
      next = findChildKey(lines, block, segment);
      if (!next) break;
      block = blockAfter(lines, next, false, block.end);
    }
    found = next;
  }

  const anchor = found ?? lines.at(docStart) ?? lines[0];
  const remainder = path.slice(matched);
  const scopes = withScopes(lines, anchor.index, docStart);
  const scope = [...scopes].reverse().find((entry) => entry !== undefined);
  let values: ValuesReference | undefined;
  let valuesLine: TemplateLine | undefined;
  // A list item's own line (`- name: {{ .name }}`) sets its first key; the item itself is the scope's value.
  const anchorIsItem = found !== undefined && typeof path[matched - 1] === "number";
  // Its missing keys are not injected from values, so no values line can supply them.
  const onLine = anchorIsItem ? (remainder.length === 0 ? scope : undefined) : valuesPathIn(anchor.text, defines, scope);
  if (onLine) {
    values = { valuesPath: onLine, remainder };
  } else if (remainder.length > 0 && !anchorIsItem) {
    // The missing part is injected by an action line inside the block (toYaml/include/tpl).
    // Only lines at the block's own child level inject content there; deeper ones feed nested keys.
    const searchStart = found ? block.start : docStart;
    let childIndent = Infinity;
    for (let i = searchStart; i < block.end; i++) if (lines[i].key !== undefined && lines[i].keyIndent > block.indent) childIndent = Math.min(childIndent, lines[i].keyIndent);
    for (let i = searchStart; i < block.end; i++) {
      const line = lines[i];
      if (!line.actionOnly || line.indent > childIndent || !/\b(toYaml|include|tpl|template)\b/.test(line.text)) continue;
      const lineScope = [...withScopes(lines, i, docStart)].reverse().find((entry) => entry !== undefined);
      const refPath = valuesPathIn(line.text, defines, lineScope);
      if (refPath) {
        values = { valuesPath: refPath, remainder };
        valuesLine = line;
        break;
      }
    }
  }

  if (values) {
    const item = values.valuesPath.indexOf(RANGE_ITEM);
    if (item !== -1) {
      values = rangeIndex === undefined
        ? { valuesPath: values.valuesPath.slice(0, item), remainder: [] }
        : { valuesPath: values.valuesPath.slice(0, item), remainder: [rangeIndex, ...values.valuesPath.slice(item + 1), ...values.remainder] };
    }
  }
  const target = found ? anchor : (valuesLine ?? anchor);
  const content = target.text.replace(/\s+#.*$/, "").trimEnd();
  const column = found ? target.keyIndent + 1 : target.indent + 1;
  return { line: target.index + 1, column, endColumn: Math.max(column, content.length + 1), matchedSegments: matched, values };
}
