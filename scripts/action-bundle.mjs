// esbuild options for dist/action.js, shared by scripts/build.mjs and the test that checks the
// committed bundle is current. Unlike the CLI, the action bundles its dependencies: a runner runs
// dist/action.js straight from a checkout of this repository, with no `npm install`.
import path from "node:path";

export const repoRoot = path.resolve(import.meta.dirname, "..");

export const actionBundleOptions = {
  absWorkingDir: repoRoot, // paths in the bundle's comments are relative to the repository, whoever builds it
  entryPoints: ["src/action.ts"],
  outfile: "dist/action.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20", // runners use node24 (action.yml); node20 keeps it runnable on this project's own minimum
  sourcemap: false, // a committed file compared byte for byte: nothing machine-specific in it
  legalComments: "eof",
  logLevel: "warning",
  // Bundled CommonJS dependencies (undici, under @actions/core) call require(); ESM output has none.
  banner: { js: 'import { createRequire as __kubewardCreateRequire } from "node:module";\nconst require = __kubewardCreateRequire(import.meta.url);' },
};
