// Bundles the entry points with esbuild. The CLI's dependencies stay external (installed by npm);
// the GitHub Action's bundle, dist/action.js, holds everything and is committed.
import { build } from "esbuild";
import { actionBundleOptions } from "./action-bundle.mjs";

/** @type {import("esbuild").BuildOptions} */
const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
};

await build({ ...common, entryPoints: ["src/bin.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" } });
await build({ ...common, entryPoints: ["scripts/generate-docs.ts"], outfile: "dist/generate-docs.js" });
await build(actionBundleOptions);
