import { parseEvents } from "js-yaml";
import { locateInStream, type EventStream } from "./locate.js";
import { MAX_DEPTH, documentRoots } from "./parse.js";
import type { SourceText } from "./text.js";
import type { Path, Region } from "./types.js";

/** A YAML file that is not a manifest (values.yaml, a patch), opened only to find paths in it. */
export interface YamlFile {
  /** The region of `path` in the first document, or of its deepest existing node, and how many segments matched. */
  locate(path: Path): { region: Region; matched: number } | undefined;
}

export function openYamlFile(source: SourceText): YamlFile {
  let stream: EventStream | undefined;
  let root = -1;
  try {
    const events = parseEvents(source.text, { maxDepth: MAX_DEPTH });
    stream = { source: source.text, base: 0, events };
    root = documentRoots(events)[0] ?? -1;
  } catch {
    stream = undefined;
  }
  return {
    locate(path) {
      if (!stream || root < 0 || root >= stream.events.length) return undefined;
      const { start, end, matched } = locateInStream(stream, root, path);
      return { region: source.regionOf(start, end), matched };
    },
  };
}
