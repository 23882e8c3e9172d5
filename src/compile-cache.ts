import module from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Turns on Node's compile cache (Node 22.1 and later): V8 keeps the compiled code of the CLI's modules on
 * disk, so a later start skips most of the parsing and compiling, the largest part of a small run's time.
 * Node 20 has no such cache, and then this does nothing. Best effort: an unwritable or broken cache only
 * costs the speed-up, never the run (Node reports a failure in the returned status, and we ignore it);
 * NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 */
export function enableCompileCache(env: Readonly<Record<string, string | undefined>>): void {
  const enable = (module as { enableCompileCache?: (directory?: string) => unknown }).enableCompileCache;
  if (typeof enable !== "function") return;
  try {
    enable(compileCacheDir(env));
  } catch {
    // The cache is an optimisation only.
  }
}

/**
 * `$XDG_CACHE_HOME/kubeward/compile` when set, else `node_modules/.cache/kubeward/compile` in the project kubeward
 * is installed in (or, run from a checkout, the checkout's node_modules).
 */
function compileCacheDir(env: Readonly<Record<string, string | undefined>>): string {
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, "kubeward", "compile");
  const here = path.dirname(fileURLToPath(import.meta.url));
  const parts = here.split(path.sep);
  const nodeModules = parts.lastIndexOf("node_modules");
  const base = nodeModules >= 0 ? parts.slice(0, nodeModules + 1).join(path.sep) : path.join(here, "..", "node_modules");
  return path.join(base, ".cache", "kubeward", "compile");
}
