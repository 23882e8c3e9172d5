import { valueAtPath } from "../../core/json.js";
import { endOfLineContent } from "../../manifest/text.js";
import { readYamlDocument } from "../../manifest/yaml-file.js";
import type { Path, Region } from "../../core/types.js";

/**
 * The short YAML texts Kustomize adds around resources (kustomization files, JSON 6902 patches,
 * patches written inline), read with the manifest reader and placed in the file that holds them.
 */

/** Moves a region found in one text (an inline patch) to where that text sits in its file. */
export type RegionMap = (region: Region) => Region;

const sameRegion: RegionMap = (region) => region;

export interface KustomizeYaml {
  /** The text's value; undefined when it does not parse. */
  value: unknown;
  /** Why the text does not parse, at its place in the file. */
  error?: { region: Region; reason: string };
  /** The file region of the node at `path` (or the deepest that exists): a scalar's text, a collection's first line, an entry's key and scalar value. */
  regionAt(path: Path): Region;
  /** Where a list item's mapping starts (its first key), for entries of a list of mappings. */
  firstKeyRegionAt(path: Path): Region;
  /**
   * The string at `path`, written inline (an inline patch), with a map from regions in that text to
   * regions in the file. Literal block scalars (`|`) map line for line; single-line strings map
   * column for column; anything else (folded, escaped, multi-line quoted) maps to the string's first line.
   */
  inlineTextAt(path: Path): { text: string; toFile: RegionMap } | undefined;
}

/** Reads a kustomization file, or a patch; `toFile` places the text in its file when it is written inline. */
export function readKustomizeYaml(text: string, file: string, toFile: RegionMap = sameRegion): KustomizeYaml {
  const document = readYamlDocument(text, file);
  const { source } = document;
  const regionAt = (path: Path): Region => toFile(document.locate(path));
  return {
    value: document.value,
    error: document.error && { region: toFile(document.error.region), reason: document.error.reason },
    regionAt,
    firstKeyRegionAt(path) {
      const entry = valueAtPath(document.value, path);
      const firstKey = entry !== null && typeof entry === "object" && !Array.isArray(entry) ? Object.keys(entry)[0] : undefined;
      return regionAt(firstKey === undefined ? path : [...path, firstKey]);
    },
    inlineTextAt(path) {
      const scalar = document.scalarAt(path);
      if (!scalar) return undefined;
      const value = valueAtPath(document.value, path);
      const inline = typeof value === "string" ? value : String(value);
      if (scalar.writing === "literal" || scalar.writing === "folded") {
        const header = blockHeader(source.text, scalar.start);
        if (scalar.writing === "folded") {
          const whole = source.regionOf(header, endOfLineContent(source.text, header));
          return { text: inline, toFile: () => toFile(whole) };
        }
        const headerLine = source.regionOf(header, header).startLine;
        const firstContent = source.text.slice(scalar.start, scalar.end).split("\n").find((line) => line.trim() !== "") ?? "";
        const indent = firstContent.length - firstContent.trimStart().length;
        return {
          text: inline,
          toFile: (region) =>
            toFile({
              startLine: region.startLine + headerLine,
              startColumn: region.startColumn + indent,
              endLine: region.endLine + headerLine,
              endColumn: region.endColumn + indent,
            }),
        };
      }
      const quote = scalar.writing === "plain" ? 0 : 1;
      const raw = source.text.slice(scalar.start, scalar.end);
      const startRegion = source.regionOf(scalar.start, scalar.start);
      if (!raw.includes("\n") && raw.slice(quote, raw.length - quote) === inline) {
        const shift = startRegion.startColumn - 1 + quote;
        return {
          text: inline,
          toFile: (region) =>
            toFile({
              startLine: startRegion.startLine,
              startColumn: region.startColumn + shift,
              endLine: startRegion.startLine,
              endColumn: (region.endLine === region.startLine ? region.endColumn : region.startColumn) + shift,
            }),
        };
      }
      const whole = source.regionOf(scalar.start, endOfLineContent(source.text, scalar.start));
      return { text: inline, toFile: () => toFile(whole) };
    },
  };
}

/** Offset of a block scalar's indicator (`|`, `>`), on the line before its content starts at `contentStart`. */
function blockHeader(text: string, contentStart: number): number {
  const lineStart = text.lastIndexOf("\n", contentStart - 2) + 1;
  const line = text.slice(lineStart, Math.max(lineStart, contentStart - 1));
  const indicator = /[|>][-+0-9]*[ \t]*(#.*)?\r?$/.exec(line);
  return indicator ? lineStart + indicator.index : lineStart;
}
