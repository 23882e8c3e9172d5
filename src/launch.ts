import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { codeCacheDir, codeCacheFile, readCodeCache, writeCodeCache } from "./code-cache.js";

// The kubeward command (dist/cli.cjs): runs the bundle, dist/kubeward.cjs, with V8's code cache (src/code-cache.ts).

/** The bundle's content hash, set by scripts/build.mjs. */
declare const KUBEWARD_BUNDLE_ID: string;

const bundle = path.join(__dirname, "kubeward.cjs");
// The bundle is ASCII (test/e2e/startup.test.ts), so read as Latin-1 it is the same text, without UTF-8 decoding.
const source = readFileSync(bundle, "latin1");
const dir = codeCacheDir(process.env, __dirname);
const cacheFile = dir && codeCacheFile(dir, { bundleId: KUBEWARD_BUNDLE_ID, nodeVersion: process.version, arch: process.arch });
const cachedData = cacheFile ? readCodeCache(cacheFile) : undefined;
// CommonJS's own wrapper, on a line of its own so that line numbers in stack traces are the bundle's.
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {\n${source}\n})`, { filename: bundle, lineOffset: -1, cachedData });
if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
  // Made at exit, when V8 has compiled the functions the run called: the cache holds those too.
  process.once("exit", () => {
    writeCodeCache(cacheFile, script.createCachedData());
  });
}
const bundleModule = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void)(bundleModule.exports, require, bundleModule, bundle, __dirname);
