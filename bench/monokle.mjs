// The peer: @monokle/validation with its pod-security-standards and practices plugins, in-process and offline
// (plugins from its own package, no schema or policy download; fetch fails if anything tries the network).
// It gets the objects kubeward gets: every document of every file, read and parsed here with `yaml`, the
// parser monokle uses for positions, as its CLI does.
//   node bench/monokle.mjs DIR    prints the number of resources and of results
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DefaultPluginLoader, DisabledFixer, MonokleValidator, ResourceParser } from "@monokle/validation";
import { LineCounter, parseAllDocuments } from "yaml";

/** @param {unknown} url */
globalThis.fetch = (url) => Promise.reject(new Error(`the benchmark is offline; monokle tried to fetch ${String(url)}`));

const PLUGINS = { "pod-security-standards": true, practices: true };

const dir = process.argv[2];
/** @type {import("@monokle/validation").Resource[]} */
const resources = [];
for (const name of readdirSync(dir).sort()) {
  const filePath = path.join(dir, name);
  const text = readFileSync(filePath, "utf8");
  parseAllDocuments(text, { lineCounter: new LineCounter() }).forEach((document, index) => {
    /** @type {unknown} */
    const value = document.toJS();
    const content = /** @type {{ apiVersion?: string, kind?: string, metadata?: { name?: string, namespace?: string } } | null} */ (value);
    if (!content?.kind) return;
    const [start, , end] = document.range;
    resources.push({
      id: `${name}#${index}`,
      fileId: name,
      filePath,
      fileOffset: start,
      name: content.metadata?.name ?? "",
      apiVersion: content.apiVersion ?? "",
      kind: content.kind,
      namespace: content.metadata?.namespace,
      content,
      text: text.slice(start, end),
    });
  });
}

const validator = new MonokleValidator({ loader: new DefaultPluginLoader(), parser: new ResourceParser(), suppressors: [], fixer: new DisabledFixer() }, { plugins: PLUGINS });
await validator.preload({ plugins: PLUGINS });
const response = await validator.validate({ resources });
const results = response.runs.reduce((total, run) => total + run.results.length, 0);
process.stdout.write(`${resources.length} resources, ${results} results\n`);
