// The parse floor: read every file of a folder and load its YAML documents, nothing else.
//   node bench/parse-only.mjs js-yaml-4 DIR   js-yaml 4 `loadAll`, the fastest loader measured (issue 17)
//   node bench/parse-only.mjs kubeward DIR    the loader kubeward uses: src/manifest/parse.ts `parseManifest`
//                                             (js-yaml 4 with its listener for positions, js-yaml 5 for what
//                                             that does not follow), bundled by lint-bench.mjs into bench/out
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** @typedef {(source: string, filename: string) => number} Loader documents (objects) loaded */
/** @type {Record<string, () => Promise<Loader>>} */
const LOADERS = {
  "js-yaml-4": async () => {
    // js-yaml 4 ships no types.
    /** @type {unknown} */
    const module = await import("js-yaml-4");
    const { loadAll } = /** @type {{ loadAll: (source: string) => unknown[] }} */ (module);
    return (source) => loadAll(source).length;
  },
  kubeward: async () => {
    /** @type {unknown} */
    const module = await import(path.join(import.meta.dirname, "out/kubeward-loader.mjs"));
    const { parseManifest } = /** @type {{ parseManifest: (file: string, text: string) => { objects: unknown[] } }} */ (module);
    return (source, filename) => parseManifest(filename, source).objects.length;
  },
};

const [loader, dir] = process.argv.slice(2);
if (!Object.hasOwn(LOADERS, loader) || !dir) throw new Error(`usage: parse-only.mjs ${Object.keys(LOADERS).join("|")} DIR`);
const load = await LOADERS[loader]();
let documents = 0;
for (const name of readdirSync(dir)) documents += load(readFileSync(path.join(dir, name), "utf8"), name);
process.stdout.write(`${documents}\n`);
