import { parseKubernetesYamlEvents } from "./flow-indentation.js";
import { locateInStream, packEvents, type EventStream } from "./locate.js";
import { MAX_DEPTH } from "./parse.js";
import type { SourceText } from "./text.js";
import type { Path, Region } from "../core/types.js";

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
