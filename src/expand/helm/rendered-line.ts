import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readYamlDocument } from "../../manifest/yaml-file.js";
import { FILE_START, type Region } from "../../core/types.js";
import { copyChart, removeCopy } from "./instrument.js";
import { actionEnd } from "./template-actions.js";

/**
 * Helm names invalid YAML out of a template by a line of the rendered document, not of the template.
 * This finds the template line that produced it the way DESIGN.md asks, by letting helm say: the
 * template is rendered once more, in a copy of the chart, with a tag at the end of every line naming
 * that line, and the tag that ends the rendered line names the template line.
 */

/**
 * How a template line ends: outside any action, where a tag can go ("tagged"); inside an action, or
 * right after one that trims the newline, so its text runs on into the next line ("merged"); or
 * inside a `define` or `block`, whose text is not written where it stands ("silent").
 */
export type LineEnd = "tagged" | "merged" | "silent";

const BODY_ACTIONS = new Set(["define", "block"]);
const BLOCK_ACTIONS = new Set(["if", "range", "with", "define", "block"]);

/** How each line of a template ends (index 0 is line 1). */
export function lineEnds(template: string): LineEnd[] {
  const ends: LineEnd[] = [];
  const blocks: string[] = [];
  let bodies = 0;
  let trimmed = false;
  for (let i = 0; i < template.length; ) {
    if (template.startsWith("{{", i)) {
      const end = actionEnd(template, i);
      const action = template.slice(i, end);
      for (let newline = action.indexOf("\n"); newline !== -1; newline = action.indexOf("\n", newline + 1)) ends.push(bodies > 0 ? "silent" : "merged");
      const keyword = /^\{\{-?\s*([a-z]+)\b/.exec(action)?.[1] ?? "";
      if (BLOCK_ACTIONS.has(keyword)) {
        blocks.push(keyword);
        if (BODY_ACTIONS.has(keyword)) bodies++;
      } else if (keyword === "end" && BODY_ACTIONS.has(blocks.pop() ?? "")) {
        bodies--;
      }
      trimmed = /\s-\}\}$/.test(action);
      i = end;
      continue;
    }
    const char = template[i];
    if (char === "\n") {
      ends.push(bodies > 0 ? "silent" : trimmed ? "merged" : "tagged");
      trimmed = false;
    } else if (char !== " " && char !== "\t" && char !== "\r") {
      trimmed = false;
    }
    i++;
  }
  ends.push(bodies > 0 ? "silent" : trimmed ? "merged" : "tagged");
  return ends;
}

/** The template with ` # kubeward-NONCE:LINE` before the end of each line a tag can end; a YAML comment, so the YAML stays as it was. */
export function tagEveryLine(template: string, ends: readonly LineEnd[], nonce: string): string {
  const lines = template.split("\n");
  return lines
    .map((line, index) => {
      if (ends[index] !== "tagged" || (index === lines.length - 1 && line === "")) return line;
      const tag = ` # kubeward-${nonce}:${index + 1}`;
      return line.endsWith("\r") ? `${line.slice(0, -1)}${tag}\r` : `${line}${tag}`;
    })
    .join("\n");
}

/**
 * What one template rendered to, from `helm template --debug` output after a YAML error: helm then
 * prints each template's text whole as `---\n# Source: PATH\nTEXT\n`.
 */
export function renderedText(debugOutput: string, helmPath: string): string | undefined {
  const header = `---\n# Source: ${helmPath}\n`;
  const at = debugOutput.startsWith(header) ? 0 : debugOutput.indexOf(`\n${header}`) + 1;
  if (at === 0 && !debugOutput.startsWith(header)) return undefined;
  const start = at + header.length;
  const next = debugOutput.indexOf("\n---\n# Source: ", start);
  return next === -1 ? debugOutput.slice(start).replace(/\n$/, "") : debugOutput.slice(start, next);
}

/** Go's strings.TrimSpace and regexp `\s`, which helm splits and trims documents with. */
const LEADING_SPACE = /^[\t\n\v\f\r ]*/;
const TRAILING_SPACE = /[\t\n\v\f\r ]*$/;

/** The run of `pattern`, which matches every string (perhaps empty), in `text`. */
function spaceRun(pattern: RegExp, text: string): string {
  return pattern.exec(text)?.[0] ?? "";
}
const DOCUMENT_SEPARATOR = /(?:^|[\t\n\f\r ]*\n)---[\t\n\f\r ]*/g;

export interface RenderedDocument {
  /** 0-based line of the template's rendered text that the document's line 1 is. */
  firstLine: number;
  text: string;
}

/** The documents helm reads from a template's text (releaseutil.SplitManifests), where go-yaml's line numbers start. */
export function helmDocuments(text: string): RenderedDocument[] {
  const start = spaceRun(LEADING_SPACE, text).length;
  const body = text.slice(start, text.length - spaceRun(TRAILING_SPACE, text).length);
  const documents: RenderedDocument[] = [];
  const add = (from: number, to: number): void => {
    const piece = body.slice(from, to);
    const lead = spaceRun(LEADING_SPACE, piece).length;
    const trimmed = piece.slice(lead, piece.length - spaceRun(TRAILING_SPACE, piece).length);
    if (!trimmed) return;
    const offset = start + from + lead;
    documents.push({ firstLine: text.slice(0, offset).split("\n").length - 1, text: trimmed });
  };
  let from = 0;
  for (const separator of body.matchAll(DOCUMENT_SEPARATOR)) {
    add(from, separator.index);
    from = separator.index + separator[0].length;
  }
  add(from, body.length);
  return documents;
}

/**
 * The document helm's line number is in: the one whose first YAML error (read as Kubernetes reads
 * YAML, as helm does) is on that line, else the one with any YAML error, else the only one that
 * long. Helm stops at the first document that fails.
 */
export function failingDocument(documents: readonly RenderedDocument[], line: number): RenderedDocument | undefined {
  const long = documents.filter((document) => document.text.split("\n").length >= line);
  const errorLines = long.map((document) => readYamlDocument(document.text, "").error?.region.startLine);
  return long.find((_, i) => errorLines[i] === line) ?? long.find((_, i) => errorLines[i] !== undefined) ?? (long.length === 1 ? long[0] : undefined);
}

/** A line of the tagged render: its text with the tags taken out, the template lines its tags name, and the text around them. */
interface TaggedLine {
  text: string;
  tags: number[];
  /** The text before the first tag, between each two, and after the last (one more than `tags`). */
  pieces: string[];
}

function untag(text: string, nonce: string): TaggedLine[] {
  const tag = new RegExp(`[ \\t]* # kubeward-${nonce}:(\\d+)`);
  return text.split("\n").map((line) => {
    const parts = line.split(tag);
    const pieces = parts.filter((_, i) => i % 2 === 0);
    return { text: pieces.join(""), tags: parts.filter((_, i) => i % 2 === 1).map(Number), pieces };
  });
}

/** Template lines `first`..`last` (1-based), from the first character that is not a space to the end. */
function linesRegion(template: string, first: number, last: number): Region {
  const lines = template.split("\n").map((line) => line.replace(/\r$/, ""));
  const startColumn = (lines[first - 1] ?? "").search(/\S|$/) + 1;
  return { startLine: first, startColumn, endLine: last, endColumn: (lines[last - 1] ?? "").length + 1 };
}

/**
 * Whether the tagged render, tags taken out, is the plain one line for line. Only the failing line must
 * be the same text: elsewhere a value may differ (a chart's `randAlphaNum`), but not the indentation.
 * Trailing blank lines do not count: helm trims the end of whichever template it prints last.
 */
function sameLines(plain: readonly string[], tagged: readonly string[], failing: number): boolean {
  const content = (lines: readonly string[]): readonly string[] => {
    let end = lines.length;
    while (end > 0 && !lines[end - 1].trim()) end--;
    return lines.slice(0, end);
  };
  const [before, after] = [content(plain), content(tagged)];
  const indentation = (line: string): string | undefined => (line.trim() ? spaceRun(LEADING_SPACE, line) : undefined);
  return (
    before.length === after.length &&
    failing < before.length &&
    before[failing].trimEnd() === after[failing].trimEnd() &&
    before.every((line, i) => indentation(line) === indentation(after[i]))
  );
}

export interface RenderedLineQuery {
  chartDir: string;
  /** Chart-relative path of the template helm names. */
  template: string;
  helmPath: string;
  /** The line helm names, of the rendered document. */
  renderedLine: number;
  /** Runs `helm template --debug` with the failed render's settings on a chart folder; returns standard output. */
  renderDebug(chartDir: string): Promise<string>;
}

export interface RenderedLinePlace {
  region: Region;
  /** Said after the message: which template lines the rendered line comes from, or why the place is approximate. */
  note: string;
}

/** The template line (or lines) that wrote line `renderedLine` of the document helm could not read. */
export async function locateRenderedLine(query: RenderedLineQuery): Promise<RenderedLinePlace> {
  const { renderedLine } = query;
  const approximate = (why: string): RenderedLinePlace => ({
    region: FILE_START,
    note: ` (at line ${renderedLine} of a document rendered from this template; ${why}, so this place is approximate)`,
  });
  const plain = renderedText(await query.renderDebug(query.chartDir), query.helmPath);
  if (plain === undefined) return approximate("helm --debug did not print the rendered text");
  const document = failingDocument(helmDocuments(plain), renderedLine);
  if (!document) return approximate("more than one of its rendered documents could hold that line");
  const line = document.firstLine + renderedLine - 1;

  let template: string;
  try {
    template = readFileSync(path.join(query.chartDir, query.template), "utf8");
  } catch {
    return approximate("the template cannot be read");
  }
  const ends = lineEnds(template);
  const nonce = randomUUID().slice(0, 8);
  let copy: string | undefined;
  let tagged: string | undefined;
  try {
    const chartCopy = await copyChart(query.chartDir, "render");
    copy = chartCopy;
    // Invalid YAML after the last line makes helm fail, and print every template's text, whatever the tags do to the YAML.
    const sentinel = `---\n[kubeward-${nonce}`;
    writeFileSync(path.join(chartCopy, query.template), `${tagEveryLine(template, ends, nonce)}\n${sentinel}\n`);
    const text = renderedText(await query.renderDebug(chartCopy), query.helmPath) ?? "";
    const end = text.lastIndexOf(sentinel);
    if (end !== -1) tagged = text.slice(0, end);
  } catch {
    // A chart that cannot be copied (a link loop, no space left) gets the approximate place.
  } finally {
    if (copy) removeCopy(copy);
  }
  const lines = tagged === undefined ? undefined : untag(tagged, nonce);
  if (!lines || !sameLines(plain.split("\n"), lines.map((rendered) => rendered.text), line)) {
    return approximate("the render with each template line tagged came out differently");
  }
  // The text before a tag is its template line's (and that of the "merged" lines just above it); the text
  // after a line's last tag is the line's of the next tag. Those lines wrote the rendered line.
  const own = lines[line];
  const nextTag = lines.slice(line + 1).find((rendered) => rendered.tags.length > 0)?.tags[0];
  const owners = own.pieces.flatMap((piece, i) => (piece.trim() ? [i < own.tags.length ? own.tags[i] : nextTag] : []));
  if (owners.length === 0 || owners.includes(undefined)) return approximate("no template line could be told for it");
  let first = Math.min(...(owners as number[]));
  const last = Math.max(...(owners as number[]));
  while (first > 1 && ends[first - 2] !== "tagged") first--;
  while (ends[first - 1] === "silent") first++;
  const note =
    first === last
      ? ` (line ${renderedLine} of the rendered document; this template line wrote it)`
      : ` (line ${renderedLine} of the rendered document; template lines ${first}–${last} wrote it)`;
  return { region: linesRegion(template, first, last), note };
}
