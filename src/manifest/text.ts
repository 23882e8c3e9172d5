import type { Region } from "./types.js";

/** Source text with lazily computed line starts, so offsets become lines only for findings. */
export interface SourceText {
  readonly text: string;
  regionOf(start: number, end: number): Region;
  lineOf(offset: number): number;
  /** Text of a 1-based line, without its line break. */
  lineText(line: number): string;
  readonly lineCount: number;
}

export function sourceText(text: string): SourceText {
  let starts: number[] | undefined;
  const lineStarts = (): number[] => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
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
  const point = (offset: number): [number, number] => {
    const index = lineIndexOf(offset);
    return [index + 1, offset - lineStarts()[index] + 1];
  };
  return {
    text,
    regionOf(start, end) {
      const [startLine, startColumn] = point(start);
      const [endLine, endColumn] = point(Math.max(start, end));
      return { startLine, startColumn, endLine, endColumn };
    },
    lineOf: (offset) => lineIndexOf(offset) + 1,
    lineText(line) {
      const s = lineStarts();
      const start = s[line - 1];
      if (start === undefined) return "";
      const next = s[line];
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
