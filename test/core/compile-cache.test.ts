import module from "node:module";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { enableCompileCache } from "../../src/compile-cache.js";

interface WithCache { enableCompileCache?: (directory?: string) => unknown }
const nodeModule = module as WithCache;
const original = nodeModule.enableCompileCache;

afterEach(() => {
  nodeModule.enableCompileCache = original;
});

describe("enableCompileCache", () => {
  it("does nothing where Node has no compile cache", () => {
    nodeModule.enableCompileCache = undefined;
    expect(() => {
      enableCompileCache({});
    }).not.toThrow();
  });

  it("puts the cache under $XDG_CACHE_HOME/kubeward when set", () => {
    const dirs: Array<string | undefined> = [];
    nodeModule.enableCompileCache = (directory) => dirs.push(directory);
    enableCompileCache({ XDG_CACHE_HOME: "/home/someone/.cache" });
    expect(dirs).toEqual([path.join("/home/someone/.cache", "kubeward", "compile")]);
  });

  it("else under node_modules/.cache/kubeward", () => {
    const dirs: Array<string | undefined> = [];
    nodeModule.enableCompileCache = (directory) => dirs.push(directory);
    enableCompileCache({});
    expect(dirs[0]?.split(path.sep).slice(-4)).toEqual(["node_modules", ".cache", "kubeward", "compile"]);
  });

  it("never fails the run when the cache cannot be used", () => {
    nodeModule.enableCompileCache = () => {
      throw new Error("EACCES: permission denied");
    };
    expect(() => {
      enableCompileCache({ XDG_CACHE_HOME: "/proc/read-only" });
    }).not.toThrow();
  });
});
