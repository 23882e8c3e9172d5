// esbuild options for the CLI, shared by scripts/build.mjs and the test that checks what a run evaluates only
// when it needs it (test/e2e/startup.test.ts).
import { repoRoot } from "./action-bundle.mjs";

/**
 * The CommonJS build of `yaml` calls require("process") and require("buffer"); those two modules are Node's
 * globals `process` and `Buffer` (the only member yaml reads), so the calls get the globals without a lookup.
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

/**
 * dist/kubeward.cjs: the whole CLI with its dependencies in one CommonJS file, which the launcher runs with
 * V8's code cache (src/launch.ts). Modules the source loads with `await import()` are evaluated only when a
 * run gets there. Whitespace and syntax are minified (less to read and hash); names are kept, for stack traces.
 * @type {import("esbuild").BuildOptions}
 */
export const cliBundleOptions = {
  absWorkingDir: repoRoot,
  entryPoints: ["src/bin.ts"],
  outfile: "dist/kubeward.cjs",
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  sourcemap: true,
  legalComments: "eof",
  logLevel: "warning",
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [nodeGlobalsForRequire],
};

/** dist/cli.cjs, the `kubeward` command: the launcher, told the bundle's content hash (its code cache's key). */
export function launcherOptions(bundleId) {
  return {
    absWorkingDir: repoRoot,
    entryPoints: ["src/launch.ts"],
    outfile: "dist/cli.cjs",
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    logLevel: "warning",
    banner: { js: "#!/usr/bin/env node" },
    define: { KUBEWARD_BUNDLE_ID: JSON.stringify(bundleId) },
  };
}
