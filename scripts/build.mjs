// Bundles the entry points with esbuild. The CLI, dist/cli.js, holds its dependencies too: resolving and
// loading packages from node_modules at every start cost a third of a small run's time. Code a run may not
// need (chart and overlay expansion, the SARIF, JSON and compact reporters, the rule documentation, the config
// reader, the CEL compiler) sits in chunks under dist/cli-chunks/, loaded by `await import()` only when used
// (test/e2e/startup.test.ts). Whitespace and syntax are minified, which cut a small run's compile time by a
// third; names are kept, for stack traces and those tests. The GitHub Action's bundle,
// dist/action.js, holds everything in one file and is committed.
import { rmSync } from "node:fs";
import { build } from "esbuild";
import { actionBundleOptions } from "./action-bundle.mjs";

/**
 * The CommonJS build of `yaml` calls require("process") and require("buffer"), which ESM output cannot do
 * without a require made by createRequire, and making one loads Node's CommonJS loader (4 ms of every start).
 * Those two modules are Node's globals `process` and `Buffer` (the only member yaml reads), so the calls get them.
 * @type {import("esbuild").Plugin}
 */
const nodeGlobalsForRequire = {
  name: "node-globals-for-require",
  setup(build) {
    build.onResolve({ filter: /^(node:)?(process|buffer)$/ }, (args) =>
      args.kind === "require-call" ? { path: args.path.replace(/^node:/, ""), namespace: "node-global" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "node-global" }, (args) => ({
      contents: args.path === "process" ? "module.exports = process;" : "module.exports = { Buffer };",
      loader: "js",
    }));
  },
};

/** @type {import("esbuild").BuildOptions} */
const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
};

// Chunk names carry a content hash: old ones would otherwise pile up in the package.
rmSync("dist/cli-chunks", { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { cli: "src/bin.ts" },
  outdir: "dist",
  splitting: true,
  chunkNames: "cli-chunks/[name]-[hash]",
  legalComments: "eof",
  banner: { js: "#!/usr/bin/env node" },
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [nodeGlobalsForRequire],
});
await build({ ...common, packages: "external", entryPoints: ["scripts/generate-docs.ts"], outfile: "dist/generate-docs.js" });
await build(actionBundleOptions);
