// The engine, the rules and the loader in one ES module, bundled as the CLI bundles them, for the benchmarks
// that drive the linter in-process (bench/rule-cost.mjs, bench/worker-split.mjs).
import path from "node:path";
import { build } from "esbuild";

/** @typedef {{ rule: { meta: { category: string } } }} ActiveRule */
/** @typedef {{ lint(objects: unknown[]): void, finish(): unknown[] }} Linter */
/**
 * @typedef {object} Engine
 * @property {unknown[]} BUILTIN_RULES
 * @property {(rules: unknown[], settings: object) => ActiveRule[]} activeRules
 * @property {(rules: ActiveRule[], settings: { messageData: boolean }) => Linter} createLinter
 * @property {(file: string, text: string) => { objects: unknown[] }} parseManifest
 */

const root = path.resolve(import.meta.dirname, "..");
export const ENGINE_BUNDLE = path.join(root, "bench/out/engine.mjs");

/** Writes ENGINE_BUNDLE. */
export async function bundleEngine() {
  await build({
    stdin: {
      contents: [
        'export { BUILTIN_RULES } from "./src/registry.ts";',
        'export { activeRules, createLinter } from "./src/engine/engine.ts";',
        'export { parseManifest } from "./src/manifest/parse.ts";',
      ].join("\n"),
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: ENGINE_BUNDLE,
    logLevel: "warning",
    banner: { js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);' },
  });
}

/** The bundled engine (after `bundleEngine`). */
export async function loadEngine() {
  /** @type {unknown} */
  const bundled = await import(ENGINE_BUNDLE);
  return /** @type {Engine} */ (bundled);
}
