import { mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { codeCacheDir, codeCacheFile, readCodeCache, writeCodeCache } from "../../src/code-cache.js";

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const made = mkdtempSync(path.join(tmpdir(), "kubeward-code-cache-"));
  folders.push(made);
  return made;
}

const key = { bundleId: "0123456789abcdef", nodeVersion: "v20.20.2", arch: "x64" };
const payload = Buffer.from("compiled code, as V8 would write it");

describe("codeCacheDir", () => {
  it("is $XDG_CACHE_HOME/kubeward/compile when set", () => {
    expect(codeCacheDir({ XDG_CACHE_HOME: "/home/someone/.cache" }, "/project/node_modules/kubeward/dist")).toBe(path.join("/home/someone/.cache", "kubeward", "compile"));
  });

  it("else the cache folder of the node_modules the bundle is installed in", () => {
    expect(codeCacheDir({}, path.join("/project", "node_modules", "kubeward", "dist"))).toBe(path.join("/project", "node_modules", ".cache", "kubeward", "compile"));
  });

  it("else, run from a checkout, the checkout's node_modules", () => {
    expect(codeCacheDir({}, path.join("/checkout", "dist"))).toBe(path.join("/checkout", "node_modules", ".cache", "kubeward", "compile"));
  });

  it("is none with NODE_DISABLE_COMPILE_CACHE set", () => {
    expect(codeCacheDir({ NODE_DISABLE_COMPILE_CACHE: "1", XDG_CACHE_HOME: "/home/someone/.cache" }, "/checkout/dist")).toBeUndefined();
  });
});

describe("codeCacheFile", () => {
  it("names the bundle, the Node version and the architecture, so another of any of them never reads the entry", () => {
    const names = [key, { ...key, bundleId: "fedcba9876543210" }, { ...key, nodeVersion: "v22.12.0" }, { ...key, arch: "arm64" }].map((each) => path.basename(codeCacheFile("/cache", each)));
    expect(names[0]).toBe("kubeward-0123456789abcdef-v20.20.2-x64.v8cache");
    expect(new Set(names).size).toBe(4);
  });
});

describe("readCodeCache and writeCodeCache", () => {
  it("read back what was written, making the folder", () => {
    const file = codeCacheFile(path.join(folder(), "a", "b"), key);
    writeCodeCache(file, payload);
    expect(readCodeCache(file)).toEqual(payload);
    expect(readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
  });

  it("read nothing from a missing entry", () => {
    expect(readCodeCache(codeCacheFile(folder(), key))).toBeUndefined();
  });

  it("reject a truncated entry, garbage, and an entry with one byte changed", () => {
    const file = codeCacheFile(folder(), key);
    writeCodeCache(file, payload);
    const entry = readFileSync(file);
    writeFileSync(file, entry.subarray(0, entry.length - 1));
    expect(readCodeCache(file)).toBeUndefined();
    writeFileSync(file, "not a cache entry at all");
    expect(readCodeCache(file)).toBeUndefined();
    const flipped = Buffer.from(entry);
    flipped[flipped.length - 3] ^= 0x01;
    writeFileSync(file, flipped);
    expect(readCodeCache(file)).toBeUndefined();
    writeFileSync(file, entry);
    expect(readCodeCache(file)).toEqual(payload);
  });

  it("a write that cannot happen leaves no temporary file and does not throw", () => {
    const dir = folder();
    writeFileSync(path.join(dir, "a-file"), "");
    expect(() => {
      writeCodeCache(codeCacheFile(path.join(dir, "a-file"), key), payload);
    }).not.toThrow();
    expect(readdirSync(dir)).toEqual(["a-file"]);
  });

  it("a write removes other entries unused for 30 days, and nothing else", () => {
    const dir = folder();
    const stale = codeCacheFile(dir, { ...key, nodeVersion: "v20.1.0" });
    const recent = codeCacheFile(dir, { ...key, arch: "arm64" });
    const unrelated = path.join(dir, "notes.txt");
    for (const file of [stale, recent, unrelated]) writeFileSync(file, "x");
    const longAgo = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    for (const file of [stale, unrelated]) utimesSync(file, longAgo, longAgo);
    writeCodeCache(codeCacheFile(dir, key), payload);
    expect(readdirSync(dir).sort()).toEqual([path.basename(codeCacheFile(dir, key)), path.basename(recent), "notes.txt"].sort());
  });
});
