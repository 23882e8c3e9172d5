import type { Region } from "../core/types.js";

/** Source text with lazily computed line starts, so offsets become lines only for findings. */
export interface SourceText {
  readonly text: string;
  regionOf(start: number, end: number): Region;
  /** Text of a 1-based line, without its line break. */
  lineText(line: number): string;
  readonly lineCount: number;
}

export function sourceText(text: string): SourceText {
  let starts: Int32Array | undefined;
  const lineStarts = (): Int32Array => {
    if (!starts) {
      // Counted first, so the table is one typed array rather than a list grown line by line.
      let lines = 1;
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
      starts = new Int32Array(lines);
      let line = 1;
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts[line++] = i + 1;
    }
    return starts;
  };
  const lineIndexOf = (offset: number): number => {
    const s = lineStarts();
    let low = 0;
    let high = s.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (s[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  return {
    text,
    regionOf(start, end) {
      const s = lineStarts();
      const startIndex = lineIndexOf(start);
      const stop = Math.max(start, end);
      // Most spans end on the line they start on: skip the second search then.
      const next = s[startIndex + 1] as number | undefined;
      const endIndex = next === undefined || stop < next ? startIndex : lineIndexOf(stop);
      return { startLine: startIndex + 1, startColumn: start - s[startIndex] + 1, endLine: endIndex + 1, endColumn: stop - s[endIndex] + 1 };
    },
    lineText(line) {
      const s = lineStarts();
      const start = s[line - 1] as number | undefined;
      if (start === undefined) return "";
      const next = s[line] as number | undefined;
      const end = next === undefined ? text.length : next - 1;
      return text.slice(start, end).replace(/\r$/, "");
    },
    get lineCount() {
      return lineStarts().length;
    },
  };
}

/** Offset just past the meaningful text of the line holding `offset` (no comment, no trailing space). */
export function endOfLineContent(text: string, offset: number): number {
  let end = offset;
  for (let i = offset; i < text.length; i++) {
    const char = text[i];
    if (char === "\n" || char === "\r") break;
    if (char === "#" && (i === offset || text[i - 1] === " " || text[i - 1] === "\t")) break;
    if (char !== " " && char !== "\t") end = i + 1;
  }
  return end;
}
