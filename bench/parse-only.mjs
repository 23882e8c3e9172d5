// The parse floor: read every file of a folder and load its YAML documents, nothing else.
//   node bench/parse-only.mjs js-yaml-4 DIR   js-yaml 4 `loadAll`, the fastest loader measured (issue 17)
//   node bench/parse-only.mjs js-yaml-5 DIR   the loader kubeward uses: js-yaml 5.5's event parser, then
//                                             its constructor from the events (as src/manifest/parse.ts)
//   node bench/parse-only.mjs js-yaml-4-listener DIR   js-yaml 4 recording what its `listener` gives for
//                                             positions (each node's open and close: offset, line, line start),
//                                             what a switch to it would have to build on (not part of the floor)
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { CORE_SCHEMA, constructFromEvents, parseEvents } from "js-yaml";

// js-yaml 4 ships no types.
/** @type {unknown} */
const jsYaml4 = await import("js-yaml-4");
/** @typedef {{ position: number, line: number, lineStart: number, kind: string | null }} State */
const { loadAll: loadAll4 } =
  /** @type {{ loadAll: (source: string, iterator?: undefined, options?: { listener: (type: string, state: State) => void }) => unknown[] }} */ (jsYaml4);

/** @type {Record<string, (source: string, filename: string) => unknown[]>} */
const LOADERS = {
  "js-yaml-4": (source) => loadAll4(source),
  "js-yaml-4-listener": (source) => {
    /** @type {number[]} */
    const events = [];
    return loadAll4(source, undefined, {
      listener: (type, state) => void events.push(type === "open" ? 1 : 2, state.position, state.line, state.lineStart, state.kind === null ? 0 : 1),
    });
  },
  "js-yaml-5": (source, filename) => constructFromEvents(parseEvents(source, { filename }), { source, filename, schema: CORE_SCHEMA }),
};

const [loader, dir] = process.argv.slice(2);
if (!Object.hasOwn(LOADERS, loader) || !dir) throw new Error(`usage: parse-only.mjs ${Object.keys(LOADERS).join("|")} DIR`);
let documents = 0;
for (const name of readdirSync(dir)) documents += LOADERS[loader](readFileSync(path.join(dir, name), "utf8"), name).length;
process.stdout.write(`${documents}\n`);
