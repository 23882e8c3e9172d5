/**
 * A content-addressed cache of helm and kustomize output across runs: a render whose inputs (tool,
 * arguments, every file the tool can read, the environment that changes its output) are unchanged
 * is read back instead of run again, with the bytes the tool printed, so everything downstream is
 * unchanged. Successful runs are stored; failures only where the caller asks (see `failures`).
 */
import { createHash, randomBytes } from "node:crypto";
import { closeSync, fstatSync, lstatSync, openSync, readFileSync, readdirSync, realpathSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { runTool, type ToolRun } from "./tools.js";

/** Bump when the key's ingredients or the entry layout change: older entries then simply miss. */
const FORMAT = "kubeward-render-cache 2";
/** Folders larger than this are not hashed (a kustomization at the root of a big repository): their renders run uncached. */
const MAX_TREE_BYTES = 64 << 20;
const MAX_TREE_FILES = 20_000;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** How far the cache may grow: see `evictRenderCache`. */
export interface EvictionLimits {
  /** Entries not read back or written for this long are removed. */
  maxAgeMs: number;
  /** Past this many bytes of entries, the least recently used are removed until they fit. */
  maxBytes: number;
  /** A folder is looked through at most this often (a stamp file says when it last was). */
  intervalMs: number;
}

export const EVICTION_LIMITS: EvictionLimits = { maxAgeMs: 30 * DAY_MS, maxBytes: 512 << 20, intervalMs: DAY_MS };
/** An entry read back is marked used (its modification time set to now) when its mark is older than this: eviction counts in days, so an hour's precision saves a write per hit and loses nothing. */
const TOUCH_AFTER_MS = HOUR_MS;
/** When the folder was last looked through for entries to evict: its modification time. */
const EVICTION_STAMP = ".evicted";
const ENTRY_NAME = /^[0-9a-f]{64}\.render$/;
/** A temporary file `store` writes before renaming it; one older than an hour is left by a killed run. */
const TEMPORARY_NAME = /^\.[0-9a-f]{64}\.\d+\.[0-9a-f]{12}\.tmp$/;

/** What a render reads besides its arguments. */
export interface RenderInputs {
  /** Folders the tool may read anything in (recursively, through symlinks). */
  dirs: readonly string[];
  /** Names of folders in `dirs` the tool never reads (`.git` for Kustomize). */
  skip?: readonly string[];
  files: readonly string[];
  /** Environment variables that change the tool's output: those with one of these prefixes, or these names. */
  env: readonly string[];
  /** Other text the output depends on (a kubeconfig's current namespace). */
  extra?: readonly string[];
  /**
   * A temporary folder named in the arguments (an instrumented copy of a chart): written as a fixed
   * name in the key, since its path differs every run while helm's output does not depend on it.
   */
  relocate?: string;
  /**
   * Store a failure too when the tool exited with status 1 (its own error exit, not a signal, a
   * timeout or a failure to start). For instrumented renders, whose failures are a deterministic step
   * of the search for a render helm accepts: without them a warm run would repeat every failed attempt.
   */
  failures?: boolean;
  /** Called before the tool runs (not when its output is read back): writes what it reads, if that is not on disk yet. */
  prepare?: () => Promise<void>;
}

export interface RenderCacheStats {
  dir: string;
  hits: number;
  /** Renders run and stored. */
  stored: number;
  /** Renders run and not stored: failed, or with inputs that cannot be keyed (remote bases, unreadable or huge trees). */
  uncached: number;
  /** Why entries could not be written (the first reason), if they could not. */
  problem?: string;
  /** Entries removed at the end of the run as unused (see `evictRenderCache`), when the folder was looked through. */
  evicted?: number;
}

export interface RenderCache {
  /** Runs `binary args` in `cwd`, or gives what an identical earlier run printed. */
  run(binary: string, args: readonly string[], cwd: string, inputs: RenderInputs | undefined): Promise<ToolRun>;
  stats(): RenderCacheStats;
  /** At the end of a run: removes unused entries, if the folder was not looked through in the last day (see `evictRenderCache`). */
  evict(): void;
}

/**
 * Where the cache lives: `node_modules/.cache/kubeward` in the nearest folder up from `cwd` that has
 * a node_modules (as Babel, ESLint and others keep theirs), else `$XDG_CACHE_HOME/kubeward`, else `~/.cache/kubeward`.
 */
export function renderCacheDir(cwd: string, env: Readonly<Record<string, string | undefined>>): string {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (isDirectory(path.join(dir, "node_modules"))) return path.join(dir, "node_modules", ".cache", "kubeward");
    if (path.dirname(dir) === dir) break;
  }
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, "kubeward");
  return path.join(env.HOME || os.homedir(), ".cache", "kubeward");
}

function isDirectory(dir: string): boolean {
  return statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** Thrown inside key computation when an input cannot be keyed; the render then runs uncached. */
class Unkeyable extends Error {}

/** sha256 of every file below `dir` (sorted, by relative path, with its size); symlinks are followed, folders named in `skip` left out. */
function treeDigest(dir: string, skip: readonly string[]): string {
  const hash = createHash("sha256");
  const budget = { bytes: MAX_TREE_BYTES, files: MAX_TREE_FILES };
  const seen = new Set<string>();
  const walk = (current: string, relative: string): void => {
    const real = realpathSync(current);
    if (seen.has(real)) throw new Unkeyable(`symlink cycle at ${current}`);
    seen.add(real);
    for (const name of readdirSync(current).sort()) {
      if (skip.includes(name)) continue;
      const file = path.join(current, name);
      const stats = statSync(file);
      const entry = relative ? `${relative}/${name}` : name;
      if (stats.isDirectory()) {
        hash.update(`d ${entry}\0`);
        walk(file, entry);
      } else if (stats.isFile()) {
        budget.bytes -= stats.size;
        if (--budget.files < 0 || budget.bytes < 0) throw new Unkeyable(`more than ${MAX_TREE_FILES} files or ${MAX_TREE_BYTES >> 20} MB`);
        hash.update(`f ${entry} ${stats.size}\0`);
        hash.update(readFileSync(file));
      }
    }
    seen.delete(real);
  };
  walk(dir, "");
  return hash.digest("hex");
}

/** The folders of `dirs` not inside another of them, each hashed once. */
function outermost(dirs: readonly string[]): string[] {
  const resolved = [...new Set(dirs.map((dir) => path.resolve(dir)))].sort();
  return resolved.filter((dir) => !resolved.some((other) => other !== dir && !path.relative(other, dir).startsWith("..") && !path.isAbsolute(path.relative(other, dir))));
}

/** The environment variables `names` selects (a name ending in `_` is a prefix), sorted. */
function selectedEnv(names: readonly string[]): string[] {
  return Object.keys(process.env)
    .filter((name) => names.some((wanted) => (wanted.endsWith("_") ? name.startsWith(wanted) : name === wanted)))
    .sort()
    .map((name) => `${name}=${process.env[name]}`);
}

/** sha256 of everything the render reads; throws when something cannot be read or is too big. `digest` gives a folder's tree digest. */
function renderKey(identity: string, args: readonly string[], cwd: string, inputs: RenderInputs, digest: (dir: string, skip: readonly string[]) => string): string {
  const hash = createHash("sha256");
  const relocated = (text: string): string => (inputs.relocate ? text.split(inputs.relocate).join("<copy>") : text);
  hash.update(`${FORMAT}\0${identity}\0${relocated(cwd)}\0`);
  for (const arg of args) hash.update(`a ${relocated(arg)}\0`);
  for (const variable of selectedEnv(inputs.env)) hash.update(`e ${variable}\0`);
  for (const text of inputs.extra ?? []) hash.update(`x ${text.length}\0${text}`);
  for (const dir of outermost(inputs.dirs)) hash.update(`t ${relocated(dir)} ${digest(dir, inputs.skip ?? [])}\0`);
  for (const file of [...new Set(inputs.files.map((name) => path.resolve(name)))].sort()) {
    const content = readFileSync(file);
    hash.update(`v ${relocated(file)} ${content.length}\0`);
    hash.update(content);
  }
  return hash.digest("hex");
}

/** An entry: a header that names its key, the exit status, the lengths of stdout and stderr and their checksum; then stdout and stderr. */
function entryText(key: string, run: ToolRun): Buffer {
  const stdout = Buffer.from(run.stdout, "utf8");
  const stderr = Buffer.from(run.stderr, "utf8");
  const checksum = createHash("sha256").update(stdout).update(stderr).digest("hex");
  return Buffer.concat([Buffer.from(`${FORMAT}\nkey ${key}\ncode ${run.code}\nbytes ${stdout.length} ${stderr.length}\nsha256 ${checksum}\n\n`), stdout, stderr]);
}

/** What an entry holds, or undefined unless its header matches the key and its body the lengths and checksum. */
function entryRun(key: string, entry: Buffer): Omit<ToolRun, "ms"> | undefined {
  const end = entry.indexOf("\n\n");
  if (end === -1) return undefined;
  const header = /^(.*)\nkey (\w+)\ncode (\d+)\nbytes (\d+) (\d+)\nsha256 (\w+)$/.exec(entry.subarray(0, end).toString("latin1"));
  if (header?.[1] !== FORMAT || header[2] !== key) return undefined;
  const body = entry.subarray(end + 2);
  const stdoutBytes = Number(header[4]);
  if (body.length !== stdoutBytes + Number(header[5]) || createHash("sha256").update(body).digest("hex") !== header[6]) return undefined;
  return { code: Number(header[3]), stdout: body.subarray(0, stdoutBytes).toString("utf8"), stderr: body.subarray(stdoutBytes).toString("utf8") };
}

/**
 * Who the tool is: its real path, size and modification time, and what it says its version is. The
 * version covers a shim or wrapper (asdf, mise) whose file stays the same while the tool behind it
 * changes; the file's stat covers a rebuilt binary that kept its version string.
 */
async function toolIdentity(binary: string): Promise<string | undefined> {
  const stats = statSync(binary);
  const kubectl = path.basename(binary).startsWith("kubectl");
  const version = await runTool(binary, kubectl ? ["version", "--client"] : ["version"], path.dirname(binary), 30_000);
  if (version.code !== 0) return undefined;
  return `${realpathSync(binary)} ${stats.size} ${stats.mtimeMs}\n${version.stdout}`;
}

/** An entry file's bytes and modification time (its last use), or undefined when it cannot be read (none, or removed by an eviction meanwhile). */
function readEntry(file: string): { entry: Buffer; usedMs: number } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    return { usedMs: fstatSync(fd).mtimeMs, entry: readFileSync(fd) };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Marks an entry used now, so eviction keeps it; an entry removed or a folder not writable meanwhile is no matter. */
function markUsed(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // Eviction may then remove it earlier than it would have: a later run renders it again.
  }
}

/**
 * Removes from `dir` the entries unused (not read back nor written) for `maxAgeMs`, then, while the
 * rest exceed `maxBytes`, the least recently used; and temporary files a killed run left. Once per
 * `intervalMs` per folder, through a stamp file, so a run does not list the folder each time. Only
 * regular files directly in `dir` whose names are those of entries or of their temporary files are
 * ever removed: nothing outside the folder, nothing a symlink points at. Safe against concurrent
 * runs: a reader that opened an entry before its removal reads it whole (POSIX keeps an open file),
 * one that opens it after gets a miss and renders again; an entry that cannot be removed (Windows,
 * while it is open) is left for the next time. Returns how many entries were removed, or undefined
 * when the folder was looked through recently or cannot be.
 */
export function evictRenderCache(dir: string, limits: EvictionLimits = EVICTION_LIMITS, now = Date.now()): number | undefined {
  const stamp = path.join(dir, EVICTION_STAMP);
  try {
    const last = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs;
    if (last !== undefined && now - last < limits.intervalMs && last <= now) return undefined;
    // Stamped before the scan: concurrent runs ending now find it fresh and skip theirs.
    writeFileSync(stamp, "");
    const at = new Date(now);
    utimesSync(stamp, at, at);
  } catch {
    return undefined;
  }
  const entries: Array<{ file: string; usedMs: number; bytes: number }> = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return undefined;
  }
  let removed = 0;
  const remove = (file: string): boolean => {
    try {
      unlinkSync(file);
      return true;
    } catch {
      return false;
    }
  };
  for (const name of names) {
    const entry = ENTRY_NAME.test(name);
    if (!entry && !TEMPORARY_NAME.test(name)) continue;
    const file = path.join(dir, name);
    const stats = lstatSync(file, { throwIfNoEntry: false });
    if (!stats?.isFile()) continue;
    if (!entry) {
      if (now - stats.mtimeMs > HOUR_MS) remove(file);
    } else if (now - stats.mtimeMs > limits.maxAgeMs) {
      if (remove(file)) removed++;
    } else {
      entries.push({ file, usedMs: stats.mtimeMs, bytes: stats.size });
    }
  }
  let bytes = entries.reduce((sum, entry) => sum + entry.bytes, 0);
  entries.sort((a, b) => a.usedMs - b.usedMs);
  for (const entry of entries) {
    if (bytes <= limits.maxBytes) break;
    if (remove(entry.file)) removed++;
    bytes -= entry.bytes;
  }
  return removed;
}

function reasonOf(error: unknown): string {
  const failure = error as NodeJS.ErrnoException;
  return failure.code ? `${failure.code} ${failure.path ?? ""}`.trim() : failure.message;
}

/** A cache in `dir`. Reading or writing it never fails a run: an entry that cannot be used is rendered again. */
export function createRenderCache(dir: string): RenderCache {
  const stats: RenderCacheStats = { dir, hits: 0, stored: 0, uncached: 0 };
  const identities = new Map<string, Promise<string | undefined>>();
  // A folder's files do not change during a run: each chart or base is hashed once, however many renders read it.
  const digests = new Map<string, string | Unkeyable>();
  const digest = (tree: string, skip: readonly string[]): string => {
    const memo = `${skip.join("/")}\0${tree}`;
    let known = digests.get(memo);
    if (known === undefined) {
      try {
        known = treeDigest(tree, skip);
      } catch (error) {
        known = error instanceof Unkeyable ? error : new Unkeyable(reasonOf(error));
      }
      digests.set(memo, known);
    }
    if (known instanceof Unkeyable) throw known;
    return known;
  };
  const identity = (binary: string): Promise<string | undefined> => {
    let known = identities.get(binary);
    if (!known) {
      known = toolIdentity(binary).catch(() => undefined);
      identities.set(binary, known);
    }
    return known;
  };

  /**
   * Written off the main thread: creating a file can take a millisecond or more where the file system is busy,
   * which held up the spawns and reads of the other renders (a fifth of a second in a cold run of the corpus charts).
   */
  const store = async (key: string, run: ToolRun): Promise<void> => {
    const file = path.join(dir, `${key}.render`);
    // A temporary file in the same folder, then a rename: a concurrent run reads the old entry, the new one or none, never half of one.
    const temporary = path.join(dir, `.${key}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
    try {
      await mkdir(dir, { recursive: true });
      await writeFile(temporary, entryText(key, run));
      await rename(temporary, file);
      stats.stored++;
    } catch (error) {
      // Not there when the folder could not hold it.
      await rm(temporary, { force: true }).catch(() => undefined);
      stats.uncached++;
      stats.problem ??= `the render cache ${dir} cannot be written (${reasonOf(error)}); charts and overlays are rendered every run`;
    }
  };

  return {
    async run(binary, args, cwd, inputs) {
      const tool = inputs && (await identity(binary));
      let key: string | undefined;
      try {
        key = tool ? renderKey(tool, args, cwd, inputs, digest) : undefined;
      } catch {
        key = undefined;
      }
      if (key) {
        const started = performance.now();
        const file = path.join(dir, `${key}.render`);
        const read = readEntry(file);
        const stored = read && entryRun(key, read.entry);
        if (stored) {
          stats.hits++;
          if (Date.now() - read.usedMs > TOUCH_AFTER_MS) markUsed(file);
          return { ...stored, ms: performance.now() - started };
        }
      }
      await inputs?.prepare?.();
      const run = await runTool(binary, args, cwd);
      // Other failures are not stored: one may be passing (a timeout, a killed process, a full disk), and the
      // message of a real render's failure is what a person acts on, so it comes from the tool each time.
      if (key && (run.code === 0 || (run.code === 1 && inputs?.failures))) await store(key, run);
      else stats.uncached++;
      return run;
    },
    stats: () => ({ ...stats }),
    evict() {
      // A run that wrote nothing and read nothing may have no folder to look through.
      if (stats.hits + stats.stored > 0) stats.evicted = evictRenderCache(dir);
    },
  };
}

/** Runs the tool through `cache` when there is one. */
export async function runCached(cache: RenderCache | undefined, binary: string, args: readonly string[], cwd: string, inputs: RenderInputs | undefined): Promise<ToolRun> {
  if (cache) return cache.run(binary, args, cwd, inputs);
  await inputs?.prepare?.();
  return runTool(binary, args, cwd);
}
