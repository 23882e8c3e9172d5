import { readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCodeCache } from "../../src/code-cache.js";
import { type CliResult, PRIVILEGED_POD, ensureBuilt, kubeward, removeTempDirs, tempDir } from "./cli-harness.js";

// The launcher (dist/cli.cjs) and V8's code cache: a cache only ever changes how fast a run starts.

const args = ["lint", "pod.yaml", "--format", "compact"];
let cwd: string;
/** The run without a cache, which every cached run must match. */
let uncached: CliResult;

beforeAll(() => {
  ensureBuilt();
  cwd = tempDir({ "pod.yaml": PRIVILEGED_POD });
  uncached = kubeward(args, { cwd, env: { NODE_DISABLE_COMPILE_CACHE: "1" } });
});
afterAll(removeTempDirs);

function entries(cacheHome: string): string[] {
  const dir = path.join(cacheHome, "kubeward", "compile");
  try {
    return readdirSync(dir).map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}

describe("the code cache", () => {
  it("is written by the first run, read and kept by the next, and changes nothing in the output", () => {
    expect(uncached.status).toBe(1);
    expect(uncached.stdout).toMatch(/privileged-container/);
    const cacheHome = tempDir();
    const first = kubeward(args, { cwd, env: { XDG_CACHE_HOME: cacheHome } });
    expect(first).toMatchObject({ status: uncached.status, stdout: uncached.stdout, stderr: uncached.stderr });
    const [entry] = entries(cacheHome);
    expect(entries(cacheHome)).toHaveLength(1);
    expect(path.basename(entry)).toMatch(new RegExp(`^kubeward-[0-9a-f]{16}-${process.version.replaceAll(".", "\\.")}-${process.arch}\\.v8cache$`));
    expect(readCodeCache(entry)?.length).toBeGreaterThan(100_000);
    const written = statSync(entry).mtimeMs;
    const second = kubeward(args, { cwd, env: { XDG_CACHE_HOME: cacheHome } });
    expect(second).toMatchObject({ status: uncached.status, stdout: uncached.stdout, stderr: uncached.stderr });
    expect(entries(cacheHome)).toEqual([entry]);
    expect(statSync(entry).mtimeMs).toBe(written);
  });

  it("a damaged entry is not used and is written anew", () => {
    const cacheHome = tempDir();
    kubeward(args, { cwd, env: { XDG_CACHE_HOME: cacheHome } });
    const [entry] = entries(cacheHome);
    writeFileSync(entry, "KWCC and then nothing V8 could read");
    const run = kubeward(args, { cwd, env: { XDG_CACHE_HOME: cacheHome } });
    expect(run).toMatchObject({ status: uncached.status, stdout: uncached.stdout, stderr: uncached.stderr });
    expect(readCodeCache(entry)?.length).toBeGreaterThan(100_000);
  });

  it("a cache folder that cannot be made costs nothing but the speed-up", () => {
    const notAFolder = path.join(tempDir({ file: "" }), "file");
    const run = kubeward(args, { cwd, env: { XDG_CACHE_HOME: notAFolder } });
    expect(run).toMatchObject({ status: uncached.status, stdout: uncached.stdout, stderr: "" });
  });

  it("NODE_DISABLE_COMPILE_CACHE turns it off", () => {
    const cacheHome = tempDir();
    kubeward(args, { cwd, env: { XDG_CACHE_HOME: cacheHome, NODE_DISABLE_COMPILE_CACHE: "1" } });
    expect(entries(cacheHome)).toEqual([]);
  });
});
