import { parseEvents, type Event } from "js-yaml";

/**
 * js-yaml follows YAML 1.2: a line inside a flow collection (`[...]`, `{...}`) or a multi-line quoted
 * scalar must be indented more than the block that holds it. Kubernetes' reader (sigs.k8s.io/yaml
 * over go-yaml, a port of libyaml) ignores indentation there, so `args: [` with its `]` under the
 * key deploys, and must be read. Such a line is the only place js-yaml says "deficient indentation".
 */
const DEFICIENT_INDENTATION = "deficient indentation";

/** Each padded line costs a parse of the text again; past this many, the text stays an error. */
const MAX_PADDED_LINES = 200;

type ParseOptions = Parameters<typeof parseEvents>[1];

/** A run of spaces inserted before `at` (an offset in the padded text). */
interface Padding {
  at: number;
  width: number;
}

function reasonOf(error: unknown): string | undefined {
  const reason = (error as { reason?: unknown }).reason;
  return typeof reason === "string" ? reason : undefined;
}

function positionOf(error: unknown): number | undefined {
  const position = (error as { mark?: { position?: unknown } }).mark?.position;
  return typeof position === "number" ? position : undefined;
}

/** `---` or `...` at a line start: a document boundary, which libyaml does not read through either. */
function isDocumentMarker(text: string, lineStart: number): boolean {
  const marker = text.slice(lineStart, lineStart + 3);
  return (marker === "---" || marker === "...") && /^\s?$/.test(text.charAt(lineStart + 3));
}

/**
 * Length of the longest line before `end`. The indentation js-yaml asks of a line is at most the
 * column of the bracket or quote it is inside, which opened on an earlier line of the original text.
 */
function widestLineBefore(text: string, end: number): number {
  let widest = 0;
  let lineStart = 0;
  while (lineStart < end) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 || newline > end ? end : newline;
    widest = Math.max(widest, lineEnd - lineStart);
    lineStart = lineEnd + 1;
  }
  return widest;
}

/** Maps an offset in the padded text back to the original text. */
function originalOffset(paddings: readonly Padding[], offset: number): number {
  let shift = 0;
  for (const { at, width } of paddings) {
    if (offset < at) break;
    shift += Math.min(width, offset - at);
  }
  return offset - shift;
}

const OFFSET_FIELDS = ["start", "valueStart", "valueEnd", "anchorStart", "anchorEnd", "tagStart", "tagEnd"] as const;

function unpad(events: Event[], paddings: readonly Padding[]): Event[] {
  for (const event of events) {
    const fields = event as unknown as Record<string, unknown>;
    for (const field of OFFSET_FIELDS) {
      const value = fields[field];
      if (typeof value === "number" && value >= 0) fields[field] = originalOffset(paddings, value);
    }
  }
  return events;
}

/**
 * The parser's events for `source` as Kubernetes reads it: text js-yaml refuses only for the
 * indentation of a line inside a flow collection or a quoted scalar is read with that line indented
 * far enough, and every offset still points into `source`. Indentation there carries no meaning
 * (values fold leading spaces away), so the values are the ones libyaml reads. Other errors are
 * thrown as js-yaml throws them, at their place in `source`.
 */
export function parseKubernetesYamlEvents(source: string, options: ParseOptions): Event[] {
  try {
    return parseEvents(source, options);
  } catch (error) {
    if (reasonOf(error) !== DEFICIENT_INDENTATION) throw error;
  }
  let text = source;
  const paddings: Padding[] = [];
  for (;;) {
    try {
      return unpad(parseEvents(text, options), paddings);
    } catch (error) {
      const position = positionOf(error);
      const lineStart = position === undefined ? -1 : text.lastIndexOf("\n", position - 1) + 1;
      const previous = paddings.at(-1)?.at ?? -1;
      const paddable =
        reasonOf(error) === DEFICIENT_INDENTATION && lineStart > previous && paddings.length < MAX_PADDED_LINES && !isDocumentMarker(text, lineStart);
      if (!paddable) {
        if (position !== undefined) (error as { mark: { position: number } }).mark.position = originalOffset(paddings, position);
        throw error;
      }
      const width = widestLineBefore(source, originalOffset(paddings, lineStart)) + 1;
      text = text.slice(0, lineStart) + " ".repeat(width) + text.slice(lineStart);
      paddings.push({ at: lineStart, width });
    }
  }
}
