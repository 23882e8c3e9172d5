import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { createRenderCache, evictRenderCache, type EvictionLimits, type RenderInputs } from "../../src/expand/render-cache.js";
import { repoRoot } from "../e2e/cli-harness.js";
import { scratchFolders } from "../helpers/files.js";

const { scratch, folder } = scratchFolders("kubeward-render-cache-eviction-");

const DAY = 24 * 3_600_000;
const now = Date.UTC(2026, 11, 3, 12);
const limits: EvictionLimits = { maxAgeMs: 30 * DAY, maxBytes: 1 << 20, intervalMs: DAY };

/** A file in `dir` last used (modified) `daysAgo` days before `now`. */
function file(dir: string, name: string, daysAgo: number, bytes = 10): string {
  const target = path.join(dir, name);
  writeFileSync(target, "x".repeat(bytes));
  const at = new Date(now - daysAgo * DAY);
  utimesSync(target, at, at);
  return target;
}

const key = (n: number): string => n.toString(16).padStart(64, "0");

/** A tool that prints its arguments (and a version), like helm as far as the cache can tell. */
function echoTool(): string {
  const binary = path.join(folder("bin"), "helm");
  writeFileSync(binary, `#!/bin/sh\nif [ "$1" = version ]; then echo v1; exit 0; fi\necho "rendered $*"\n`);
  chmodSync(binary, 0o755);
  return binary;
}

const inputs: RenderInputs = { dirs: [], files: [], env: [] };

describe("render cache eviction", () => {
  it("removes entries unused for longer than the age bound and stale temporary files; keeps recent entries and every other file", () => {
    const dir = folder("cache");
    const old = file(dir, `${key(1)}.render`, 31);
    const recent = file(dir, `${key(2)}.render`, 29);
    const staleTemporary = file(dir, `.${key(3)}.123.abcdef012345.tmp`, 1);
    const liveTemporary = path.join(dir, `.${key(4)}.123.abcdef012345.tmp`);
    writeFileSync(liveTemporary, "being written");
    const others = [file(dir, "notes.txt", 400), file(dir, `${key(5)}.render.bak`, 400), file(dir, `${key(6)}.RENDER`, 400)];
    mkdirSync(path.join(dir, `${key(7)}.render`));
    // A symlink named like an entry, to an old file outside the folder: neither it nor its target goes.
    const outside = file(folder("outside"), "precious.render", 400);
    symlinkSync(outside, path.join(dir, `${key(8)}.render`));

    expect(evictRenderCache(dir, limits, now)).toBe(1);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(staleTemporary)).toBe(false);
    for (const kept of [recent, liveTemporary, ...others, path.join(dir, `${key(7)}.render`), path.join(dir, `${key(8)}.render`), outside]) expect(existsSync(kept)).toBe(true);
  });

  it("removes the least recently used entries first while the entries exceed the size bound", () => {
    const dir = folder("cache");
    const sizes = [400_000, 400_000, 400_000, 400_000];
    const files = sizes.map((bytes, i) => file(dir, `${key(i)}.render`, [5, 1, 3, 2][i], bytes));
    expect(evictRenderCache(dir, limits, now)).toBe(2);
    expect(files.map((entry) => existsSync(entry))).toEqual([false, true, false, true]);
  });

  it("looks through a folder at most once per interval, and again after it", () => {
    const dir = folder("cache");
    file(dir, `${key(1)}.render`, 31);
    expect(evictRenderCache(dir, limits, now - 2 * DAY)).toBe(0);
    // Within a day of that look: the old entry is not even seen.
    const older = file(dir, `${key(2)}.render`, 40);
    expect(evictRenderCache(dir, limits, now - 2 * DAY + DAY / 2)).toBeUndefined();
    expect(existsSync(older)).toBe(true);
    expect(evictRenderCache(dir, limits, now)).toBe(2);
    expect(readdirSync(dir)).toEqual([".evicted"]);
  });

  it("runs at the end of a run that used the folder, and a hit marks its entry used, so eviction keeps it", async () => {
    const dir = folder("cache");
    const binary = echoTool();
    const first = createRenderCache(dir);
    expect((await first.run(binary, ["template", "a"], scratch, inputs)).stdout).toBe("rendered template a\n");
    await first.run(binary, ["template", "b"], scratch, inputs);
    first.evict();
    expect(first.stats()).toMatchObject({ stored: 2, evicted: 0 });
    const entries = readdirSync(dir).filter((name) => name.endsWith(".render"));
    expect(entries).toHaveLength(2);
    // Both written 40 days ago; then `a` is read back.
    const longAgo = new Date(Date.now() - 40 * DAY);
    for (const name of entries) utimesSync(path.join(dir, name), longAgo, longAgo);
    utimesSync(path.join(dir, ".evicted"), longAgo, longAgo);
    const second = createRenderCache(dir);
    expect(await second.run(binary, ["template", "a"], scratch, inputs)).toMatchObject({ code: 0, stdout: "rendered template a\n" });
    second.evict();
    expect(second.stats()).toMatchObject({ hits: 1, stored: 0, evicted: 1 });
    const left = readdirSync(dir).filter((name) => name.endsWith(".render"));
    expect(left).toHaveLength(1);
    expect(Date.now() - statSync(path.join(dir, left[0])).mtimeMs).toBeLessThan(DAY);
    // `b` is gone: read again, it is rendered again, the same.
    const third = createRenderCache(dir);
    expect((await third.run(binary, ["template", "b"], scratch, inputs)).stdout).toBe("rendered template b\n");
    expect(third.stats()).toMatchObject({ hits: 0, stored: 1 });
  });

  it("a run reading entries while another evicts them gets each render right, from the cache or the tool", async () => {
    const dir = folder("cache");
    const binary = echoTool();
    const module = path.join(folder("bundle"), "render-cache.mjs");
    await build({ entryPoints: [path.join(repoRoot, "src/expand/render-cache.ts")], bundle: true, platform: "node", format: "esm", outfile: module, logLevel: "silent" });
    const reader = path.join(path.dirname(module), "reader.mjs");
    // Each round, a new cache (as a new run) reads 20 renders back and checks every one.
    writeFileSync(
      reader,
      `import { createRenderCache } from ${JSON.stringify(module)};
const inputs = { dirs: [], files: [], env: [] };
let hits = 0;
for (let round = 0; round < 30; round++) {
  const cache = createRenderCache(${JSON.stringify(dir)});
  // Each render twice: the second read follows its store closely, so it is mostly a hit.
  for (let i = 0; i < 40; i++) {
    const n = i >> 1;
    const run = await cache.run(${JSON.stringify(binary)}, ["template", String(n)], ${JSON.stringify(scratch)}, inputs);
    if (run.code !== 0 || run.stdout !== "rendered template " + n + "\\n") throw new Error("wrong render " + JSON.stringify(run));
  }
  hits += cache.stats().hits;
}
console.log(hits);
`,
    );
    const warm = createRenderCache(dir);
    for (let i = 0; i < 20; i++) await warm.run(binary, ["template", String(i)], scratch, inputs);
    const child = spawn(process.execPath, [reader], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    const state = { evictions: 0, running: true };
    void exited.then(() => (state.running = false));
    // Evict everything, ten times a second, while the reader runs.
    while (state.running) {
      rmSync(path.join(dir, ".evicted"), { force: true });
      state.evictions += evictRenderCache(dir, { maxAgeMs: 0, maxBytes: 0, intervalMs: DAY }) ?? 0;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect({ code: await exited, stderr }).toEqual({ code: 0, stderr: "" });
    expect(state.evictions).toBeGreaterThan(0);
    // Some renders came from the cache, between evictions.
    expect(Number(stdout)).toBeGreaterThan(0);
  }, 60_000);
});
