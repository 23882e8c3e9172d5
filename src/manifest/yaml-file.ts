import { parseKubernetesYamlEvents } from "./flow-indentation.js";
import { locateInStream, packEvents, writtenScalar, type EventStream, type ScalarWriting, type Span } from "./locate.js";
import { MAX_DEPTH, errorOffset, errorReason, parseYaml } from "./parse.js";
import { sourceText, type SourceText } from "./text.js";
import { FILE_START, type Path, type Region } from "../core/types.js";

/** A YAML file that is not a manifest (values.yaml, a patch), opened only to find paths in it. */
export interface YamlFile {
  /** The region of `path` in the first document, or of its deepest existing node, and how many segments matched. */
  locate(path: Path): { region: Region; matched: number } | undefined;
}

export function openYamlFile(source: SourceText): YamlFile {
  let stream: EventStream | undefined;
  let root = -1;
  try {
    stream = packEvents(source.text, 0, parseKubernetesYamlEvents(source.text, { maxDepth: MAX_DEPTH }));
    root = stream.roots[0] ?? -1;
  } catch {
    stream = undefined;
  }
  return {
    locate(path) {
      if (!stream || root < 0 || root >= stream.length) return undefined;
      const { start, end, matched } = locateInStream(stream, root, path);
      return { region: source.regionOf(start, end), matched };
    },
  };
}

/**
 * A short YAML text read for its value and the places of its nodes (a kustomization file, a JSON
 * 6902 patch), with the same reader and the same region conventions as manifests.
 */
export interface YamlDocument {
  source: SourceText;
  /** The first document's value; undefined when the text holds none or does not parse. */
  value: unknown;
  /** Why the text does not parse, and where. */
  error?: { region: Region; reason: string };
  /** The region of the node at `path`, or of the deepest node on it that exists. */
  locate(path: Path): Region;
  /** The scalar at `path` as written (style and offsets), when the path holds one. */
  scalarAt(path: Path): (Span & { writing: ScalarWriting }) | undefined;
}

export function readYamlDocument(text: string, file: string): YamlDocument {
  const source = sourceText(text);
  try {
    const { stream, documents } = parseYaml(text, file);
    // An empty text has no root at all.
    const root = stream.roots[0] as number | undefined;
    const present = root !== undefined && root < stream.length;
    return {
      source,
      value: documents[0],
      locate(path) {
        if (!present) return FILE_START;
        const { start, end } = locateInStream(stream, root, path);
        return source.regionOf(start, end);
      },
      scalarAt: (path) => (present ? writtenScalar(stream, root, path) : undefined),
    };
  } catch (error) {
    const offset = errorOffset(error) ?? 0;
    return { source, value: undefined, error: { region: source.regionOf(offset, offset + 1), reason: errorReason(error) }, locate: () => FILE_START, scalarAt: () => undefined };
  }
}
