// Bundles the entry points with esbuild. The CLI is two files: dist/kubeward.cjs holds it with its dependencies
// (resolving and loading packages from node_modules at every start cost a third of a small run's time), and
// dist/cli.cjs, the command, runs it with V8's code cache (scripts/cli-bundle.mjs, src/launch.ts). The GitHub
// Action's bundle, dist/action.js, holds everything in one file and is committed.
import { createHash } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { build } from "esbuild";
import { actionBundleOptions } from "./action-bundle.mjs";
import { cliBundleOptions, launcherOptions } from "./cli-bundle.mjs";

// What earlier builds wrote and this one does not.
for (const old of ["dist/cli-chunks", "dist/cli.js", "dist/cli.js.map"]) rmSync(old, { recursive: true, force: true });
await build(cliBundleOptions);
const bundleId = createHash("sha256").update(readFileSync("dist/kubeward.cjs")).digest("hex").slice(0, 16);
await build(launcherOptions(bundleId));
await build({ bundle: true, platform: "node", format: "esm", target: "node20", sourcemap: true, logLevel: "warning", packages: "external", entryPoints: ["scripts/generate-docs.ts"], outfile: "dist/generate-docs.js" });
await build(actionBundleOptions);
