import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/**
 * V8's code cache for the CLI's bundle, kept on disk between runs: compiling the bundle is most of a small
 * run's time (issue 17: start in a blink), and with the cache V8 reads the compiled code instead. Node 22's
 * `module.enableCompileCache` does this for modules, Node 20 has nothing like it, so the launcher runs the
 * bundle as a `vm.Script` with `cachedData` on every Node version. Best effort: a missing, stale, corrupt or
 * unwritable cache only costs the speed-up, never the run.
 */

/** What identifies one compiled bundle: V8 checks only the source's length, so the content hash is ours to check. */
export interface CodeCacheKey {
  /** The bundle's content hash, written into the launcher at build time. */
  bundleId: string;
  nodeVersion: string;
  arch: string;
}

/** Entries not used for this long are removed when another is written. */
const UNUSED_FOR_MS = 30 * 24 * 3600 * 1000;
const ENTRY = /^kubeward-.*\.v8cache$/;
/** An entry: "KWCC", a CRC-32 of the payload, its length, then V8's cached data. */
const MAGIC = 0x4b574343;
const HEADER_BYTES = 12;
/** Node 20.15 and later; without it, no cache (an unchecked entry could crash V8 if damaged). */
const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/**
 * `$XDG_CACHE_HOME/kubeward/compile` when set, else `node_modules/.cache/kubeward/compile` in the project the
 * bundle is installed in (or, run from a checkout, the checkout's node_modules). None with
 * NODE_DISABLE_COMPILE_CACHE set, the switch Node's own compile cache obeys.
 */
export function codeCacheDir(env: Readonly<Record<string, string | undefined>>, bundleDir: string): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, "kubeward", "compile");
  const parts = bundleDir.split(path.sep);
  const nodeModules = parts.lastIndexOf("node_modules");
  const base = nodeModules >= 0 ? parts.slice(0, nodeModules + 1).join(path.sep) : path.join(bundleDir, "..", "node_modules");
  return path.join(base, ".cache", "kubeward", "compile");
}

export function codeCacheFile(dir: string, key: CodeCacheKey): string {
  return path.join(dir, `kubeward-${key.bundleId}-${key.nodeVersion}-${key.arch}.v8cache`);
}

/** V8's cached data in an entry, or undefined when there is none or it is damaged. */
export function readCodeCache(file: string): Buffer | undefined {
  if (!crc32) return undefined;
  let entry: Buffer;
  try {
    entry = readFileSync(file);
  } catch {
    return undefined;
  }
  if (entry.length < HEADER_BYTES || entry.readUInt32BE(0) !== MAGIC) return undefined;
  const payload = entry.subarray(HEADER_BYTES);
  if (payload.length !== entry.readUInt32BE(8) || crc32(payload) !== entry.readUInt32BE(4)) return undefined;
  return payload;
}

/**
 * Writes an entry whole or not at all (a temporary file renamed into place), so a concurrent run reads either
 * the old entry or the new one, and removes other entries unused for 30 days (other builds, other Node versions).
 */
export function writeCodeCache(file: string, cachedData: Buffer): void {
  if (!crc32) return;
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32BE(MAGIC, 0);
  header.writeUInt32BE(crc32(cachedData), 4);
  header.writeUInt32BE(cachedData.length, 8);
  const dir = path.dirname(file);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temporary, Buffer.concat([header, cachedData]));
    renameSync(temporary, file);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The folder could not be made, so there is no temporary file either.
    }
    return;
  }
  removeUnused(dir, file, Date.now());
}

function removeUnused(dir: string, kept: string, now: number): void {
  for (const name of readdirSync(dir)) {
    const entry = path.join(dir, name);
    if (entry === kept || !ENTRY.test(name)) continue;
    try {
      const { atimeMs, mtimeMs } = statSync(entry);
      if (now - Math.max(atimeMs, mtimeMs) > UNUSED_FOR_MS) rmSync(entry, { force: true });
    } catch {
      // Removed by a concurrent run.
    }
  }
}
