/**
 * A content-addressed cache of helm and kustomize output across runs: a render whose inputs (tool,
 * arguments, every file the tool can read, the environment that changes its output) are unchanged
 * is read back instead of run again, with the bytes the tool printed, so everything downstream is
 * unchanged. Successful runs are stored; failures only where the caller asks (see `failures`).
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runTool, type ToolRun } from "./tools.js";

/** Bump when the key's ingredients or the entry layout change: older entries then simply miss. */
const FORMAT = "kubeward-render-cache 2";
/** Folders larger than this are not hashed (a kustomization at the root of a big repository): their renders run uncached. */
const MAX_TREE_BYTES = 64 << 20;
const MAX_TREE_FILES = 20_000;

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
}

export interface RenderCache {
  /** Runs `binary args` in `cwd`, or gives what an identical earlier run printed. */
  run(binary: string, args: readonly string[], cwd: string, inputs: RenderInputs | undefined): Promise<ToolRun>;
  stats(): RenderCacheStats;
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

  const store = (key: string, run: ToolRun): void => {
    const file = path.join(dir, `${key}.render`);
    // A temporary file in the same folder, then a rename: a concurrent run reads the old entry, the new one or none, never half of one.
    const temporary = path.join(dir, `.${key}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(temporary, entryText(key, run));
      renameSync(temporary, file);
      stats.stored++;
    } catch (error) {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // The folder is not there to hold it.
      }
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
        let entry: Buffer | undefined;
        try {
          entry = readFileSync(path.join(dir, `${key}.render`));
        } catch {
          entry = undefined;
        }
        const stored = entry && entryRun(key, entry);
        if (stored) {
          stats.hits++;
          return { ...stored, ms: performance.now() - started };
        }
      }
      await inputs?.prepare?.();
      const run = await runTool(binary, args, cwd);
      // Other failures are not stored: one may be passing (a timeout, a killed process, a full disk), and the
      // message of a real render's failure is what a person acts on, so it comes from the tool each time.
      if (key && (run.code === 0 || (run.code === 1 && inputs?.failures))) store(key, run);
      else stats.uncached++;
      return run;
    },
    stats: () => ({ ...stats }),
  };
}

/** Runs the tool through `cache` when there is one. */
export async function runCached(cache: RenderCache | undefined, binary: string, args: readonly string[], cwd: string, inputs: RenderInputs | undefined): Promise<ToolRun> {
  if (cache) return cache.run(binary, args, cwd, inputs);
  await inputs?.prepare?.();
  return runTool(binary, args, cwd);
}
