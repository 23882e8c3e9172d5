import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expandSources, type ExpandSettings, type Expansion } from "../../src/expand/expand.js";
import { createRenderCache, renderCacheDir, type RenderInputs } from "../../src/expand/render-cache.js";
import { repoRoot, runCli, tools, toolsEnv } from "../e2e/cli-harness.js";
import { scratchFolders } from "../helpers/files.js";

const haveTools = existsSync(tools.helm4) && existsSync(tools.kubectl);
const { scratch, folder } = scratchFolders("kubeward-render-cache-");

/**
 * A wrapper named `name` around a real tool that logs each call's arguments to `log`, and adds the
 * text of `versionFile` to what `version` prints (so a test can "upgrade" it).
 */
function countingTool(name: "helm" | "kubectl", real: string): { binary: string; calls: (command: string) => number; versionFile: string } {
  const dir = folder(`${name}-bin`);
  const log = path.join(dir, "calls.log");
  const versionFile = path.join(dir, "version.txt");
  writeFileSync(versionFile, "build 1\n");
  writeFileSync(log, "");
  const binary = path.join(dir, name);
  writeFileSync(binary, `#!/bin/sh\necho "$*" >> '${log}'\nif [ "$1" = version ]; then cat '${versionFile}'; fi\nexec '${real}' "$@"\n`);
  chmodSync(binary, 0o755);
  return {
    binary,
    versionFile,
    calls: (command) =>
      readFileSync(log, "utf8")
        .split("\n")
        .filter((line) => line.split(" ")[0] === command).length,
  };
}

function settings(cwd: string, cache: string, overrides: Partial<ExpandSettings["helm"]> & { kustomize?: string; cache?: boolean } = {}): ExpandSettings {
  const { kustomize, cache: useCache, ...helm } = overrides;
  return {
    cwd,
    env: { PATH: process.env.PATH, XDG_CACHE_HOME: cache },
    helm: { releaseName: "release", apiVersions: [], valuesFiles: [], set: [], ciValues: false, dependencyUpdate: false, charts: [], ...helm },
    kustomize: { binary: kustomize, enableHelm: false },
    cache: useCache ?? true,
  };
}

/** What the rest of kubeward sees of an expansion: objects, where their fields are located, problems. */
function seen(expansion: Expansion): string {
  const objects = expansion.objects.map((object) => {
    const { file, region, provenance } = object.locate(["spec"]);
    return { body: object.body, origin: object.origin, spec: { file, region, provenance } };
  });
  return JSON.stringify({ objects, problems: expansion.problems });
}

/** The web fixture chart, copied so a test may change it. */
function webChart(): { cwd: string; chart: string } {
  const cwd = folder("work");
  const chart = path.join(cwd, "web");
  cpSync(path.join(repoRoot, "fixtures/helm/web"), chart, { recursive: true });
  return { cwd, chart };
}

function entries(cache: string): string[] {
  const dir = path.join(cache, "kubeward");
  return existsSync(dir) ? readdirSync(dir) : [];
}

describe.skipIf(!haveTools)("the render cache (helm and kubectl from scripts/install-tools.mjs)", () => {
  it("renders an unchanged chart once: the second run reads every render (real and instrumented) back, with the same objects and locations", async () => {
    const helm = countingTool("helm", tools.helm4);
    const { cwd, chart } = webChart();
    const cache = folder("cache");
    const first = await expandSources([chart], [], settings(cwd, cache, { binary: helm.binary }));
    const rendered = helm.calls("template");
    expect(rendered).toBeGreaterThanOrEqual(3);
    expect(first.renderCache).toMatchObject({ dir: path.join(cache, "kubeward"), hits: 0, stored: rendered, uncached: 0 });
    expect(first.objects.length).toBeGreaterThan(0);

    const second = await expandSources([chart], [], settings(cwd, cache, { binary: helm.binary }));
    expect(helm.calls("template")).toBe(rendered);
    expect(second.renderCache).toMatchObject({ hits: rendered, stored: 0 });
    expect(seen(second)).toBe(seen(first));
  }, 60_000);

  it("renders again when a values file, a template, a flag or the tool's version changes", async () => {
    const helm = countingTool("helm", tools.helm4);
    const { cwd, chart } = webChart();
    const cache = folder("cache");
    const run = async (overrides: Partial<ExpandSettings["helm"]> = {}): Promise<number> => {
      const before = helm.calls("template");
      await expandSources([chart], [], settings(cwd, cache, { binary: helm.binary, ...overrides }));
      return helm.calls("template") - before;
    };
    expect(await run()).toBeGreaterThanOrEqual(3);
    expect(await run()).toBe(0);

    writeFileSync(path.join(chart, "values.yaml"), `${readFileSync(path.join(chart, "values.yaml"), "utf8")}\nextra: 1\n`);
    expect(await run()).toBeGreaterThanOrEqual(3);
    expect(await run()).toBe(0);

    const template = path.join(chart, "templates/deployment.yaml");
    writeFileSync(template, `${readFileSync(template, "utf8")}\n`);
    expect(await run()).toBeGreaterThanOrEqual(3);

    const valuesFile = path.join(cwd, "prod.yaml");
    writeFileSync(valuesFile, "replicaCount: 3\n");
    expect(await run({ valuesFiles: [valuesFile] })).toBeGreaterThanOrEqual(3);
    expect(await run({ valuesFiles: [valuesFile] })).toBe(0);
    // The real and the tagged render change; the sentinel copy, where 3 and 4 are both a token, does not.
    writeFileSync(valuesFile, "replicaCount: 4\n");
    expect(await run({ valuesFiles: [valuesFile] })).toBe(2);

    expect(await run({ set: ["replicaCount=2"] })).toBeGreaterThanOrEqual(3);
    expect(await run({ namespace: "prod" })).toBeGreaterThanOrEqual(1);
    expect(await run({ namespace: "prod" })).toBe(0);

    writeFileSync(helm.versionFile, "build 2\n");
    expect(await run()).toBeGreaterThanOrEqual(3);
    expect(await run()).toBe(0);
  }, 120_000);

  it("ignores a corrupt or unreadable entry, renders again and replaces it", async () => {
    const helm = countingTool("helm", tools.helm4);
    const { cwd, chart } = webChart();
    const cache = folder("cache");
    const run = (): Promise<Expansion> => expandSources([chart], [], settings(cwd, cache, { binary: helm.binary }));
    const first = await run();
    const rendered = helm.calls("template");
    const dir = path.join(cache, "kubeward");
    // Entries, not the eviction stamp beside them.
    const files = readdirSync(dir)
      .filter((name) => name.endsWith(".render"))
      .map((name) => path.join(dir, name));
    expect(files).toHaveLength(rendered);
    const breakings: Record<string, (text: Buffer) => Buffer> = {
      "cut short": (text) => text.subarray(0, text.length - 10),
      "a byte changed": (text) => {
        const changed = Buffer.from(text);
        changed[changed.length - 5] ^= 1;
        return changed;
      },
      "another format's header": (text) => Buffer.from(text.toString("latin1").replace(/^kubeward-render-cache \d+/, "kubeward-render-cache 0"), "latin1"),
      empty: () => Buffer.alloc(0),
    };
    let calls = rendered;
    for (const [how, breaking] of Object.entries(breakings)) {
      for (const file of files) writeFileSync(file, breaking(readFileSync(file)));
      const again = await run();
      expect(again.renderCache, how).toMatchObject({ hits: 0, stored: rendered });
      expect(helm.calls("template"), how).toBe((calls += rendered));
      expect(seen(again), how).toBe(seen(first));
    }
    // The entries were replaced; a folder in an entry's place cannot be, and is only never read.
    rmSync(files[0]);
    mkdirSync(files[0]);
    const third = await run();
    expect(third.renderCache).toMatchObject({ hits: rendered - 1, stored: 0, uncached: 1 });
    expect(third.renderCache?.problem).toMatch(/cannot be written \((EISDIR|ENOTEMPTY|EPERM)/);
    expect(seen(third)).toBe(seen(first));
  }, 60_000);

  it("keeps valid entries when two runs write them at once", async () => {
    const helm = countingTool("helm", tools.helm4);
    const { cwd, chart } = webChart();
    const cache = folder("cache");
    const [a, b] = await Promise.all([0, 1].map(() => expandSources([chart], [], settings(cwd, cache, { binary: helm.binary }))));
    expect(seen(a)).toBe(seen(b));
    const rendered = helm.calls("template");
    expect(entries(cache).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    const third = await expandSources([chart], [], settings(cwd, cache, { binary: helm.binary }));
    expect(helm.calls("template")).toBe(rendered);
    expect(seen(third)).toBe(seen(a));
  }, 60_000);

  it("neither reads nor writes the cache with cache off (--no-cache)", async () => {
    const helm = countingTool("helm", tools.helm4);
    const { cwd, chart } = webChart();
    const cache = folder("cache");
    await expandSources([chart], [], settings(cwd, cache, { binary: helm.binary }));
    const rendered = helm.calls("template");
    const off = await expandSources([chart], [], settings(cwd, cache, { binary: helm.binary, cache: false }));
    expect(helm.calls("template")).toBe(2 * rendered);
    expect(off.renderCache).toBeUndefined();
    expect(helm.calls("version")).toBe(1);
  }, 60_000);

  it("works without the cache when its folder cannot be made, and says why", async () => {
    const helm = countingTool("helm", tools.helm4);
    const { cwd, chart } = webChart();
    const cache = path.join(folder("cache"), "a-file");
    writeFileSync(cache, "not a folder");
    const reference = await expandSources([chart], [], settings(cwd, cache, { binary: helm.binary, cache: false }));
    const expansion = await expandSources([chart], [], settings(cwd, cache, { binary: helm.binary }));
    expect(seen(expansion)).toBe(seen(reference));
    expect(expansion.renderCache).toMatchObject({ hits: 0, stored: 0 });
    expect(expansion.renderCache?.problem).toMatch(/^the render cache .*a-file\/kubeward cannot be written \(ENOTDIR/);
  }, 60_000);

  it("builds an unchanged overlay once, and again when a file of its base changes; an overlay with a remote base is not cached", async () => {
    const kubectl = countingTool("kubectl", tools.kubectl);
    const cwd = folder("work");
    const files: Record<string, string> = {
      "base/kustomization.yaml": "resources:\n  - deployment.yaml\n",
      "base/deployment.yaml":
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n",
      "overlay/kustomization.yaml": "resources:\n  - ../base\nnamePrefix: prod-\n",
      "remote/kustomization.yaml": "resources:\n  - ../base\n  - https://github.com/example/manifests//deploy?ref=v1.0.0\n",
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(cwd, name)), { recursive: true });
      writeFileSync(path.join(cwd, name), text);
    }
    const cache = folder("cache");
    const overlay = path.join(cwd, "overlay");
    const build = async (): Promise<Expansion> => expandSources([], [overlay], settings(cwd, cache, { kustomize: kubectl.binary }));
    const first = await build();
    expect(first.objects.map((object) => object.name)).toEqual(["prod-web"]);
    expect(kubectl.calls("kustomize")).toBe(1);
    expect(seen(await build())).toBe(seen(first));
    expect(kubectl.calls("kustomize")).toBe(1);

    writeFileSync(path.join(cwd, "base/deployment.yaml"), files["base/deployment.yaml"].replace("nginx:1.27", "nginx:1.28"));
    const changed = await build();
    expect(kubectl.calls("kustomize")).toBe(2);
    expect(JSON.stringify(changed.objects[0].body)).toContain("nginx:1.28");

    // The remote base cannot be fetched here, so the build fails; what matters is that it ran both times.
    for (let i = 0; i < 2; i++) await expandSources([], [path.join(cwd, "remote")], settings(cwd, cache, { kustomize: kubectl.binary }));
    expect(kubectl.calls("kustomize")).toBe(4);
  }, 60_000);
});

describe("renderCacheDir", () => {
  it("is node_modules/.cache/kubeward of the nearest folder up with a node_modules, else under XDG_CACHE_HOME, else under ~/.cache", () => {
    const project = folder("project");
    mkdirSync(path.join(project, "node_modules"));
    mkdirSync(path.join(project, "deploy/charts"), { recursive: true });
    expect(renderCacheDir(path.join(project, "deploy/charts"), {})).toBe(path.join(project, "node_modules/.cache/kubeward"));
    const bare = folder("bare");
    expect(renderCacheDir(bare, { XDG_CACHE_HOME: "/var/cache/me", HOME: "/home/me" })).toBe("/var/cache/me/kubeward");
    expect(renderCacheDir(bare, { XDG_CACHE_HOME: "relative", HOME: "/home/me" })).toBe("/home/me/.cache/kubeward");
    expect(renderCacheDir(bare, { HOME: "/home/me" })).toBe("/home/me/.cache/kubeward");
  });
});

describe.skipIf(!haveTools)("switching the render cache off", () => {
  const lintChart = async (args: string[], config?: string): Promise<string> => {
    const { cwd } = webChart();
    if (config !== undefined) writeFileSync(path.join(cwd, ".kubeward.yaml"), config);
    const env = { ...toolsEnv(), XDG_CACHE_HOME: folder("cache") };
    const result = await runCli(["lint", "web", "--format", "json", "--fail-on", "none", "--verbose", ...args], { cwd, env });
    expect(result.status).toBe(0);
    return result.stderr;
  };

  it("is on by default, and off with --no-cache or `cache: false` in the config", async () => {
    expect(await lintChart([])).toMatch(/^kubeward: render cache .*kubeward: 0 read back, \d+ rendered and stored, 0 rendered and not stored$/m);
    expect(await lintChart(["--no-cache"])).not.toContain("render cache");
    expect(await lintChart([], "cache: false\n")).not.toContain("render cache");
  }, 60_000);
});

describe("which runs are stored", () => {
  /** A tool that prints its arguments and exits with the status its first argument names. */
  function exitingTool(): { binary: string; calls: () => number } {
    const dir = folder("exit-bin");
    const log = path.join(dir, "calls.log");
    writeFileSync(log, "");
    const binary = path.join(dir, "tool");
    writeFileSync(binary, `#!/bin/sh\n[ "$1" = version ] && { echo v1; exit 0; }\necho "$*" >> '${log}'\necho "out $*"; echo "err $*" >&2\nexit "$1"\n`);
    chmodSync(binary, 0o755);
    return { binary, calls: () => readFileSync(log, "utf8").split("\n").filter(Boolean).length };
  }

  it("stores successes; failures only when asked and only for exit status 1; never runs without inputs to key", async () => {
    const tool = exitingTool();
    const cache = createRenderCache(folder("cache"));
    const inputs = { dirs: [], files: [], env: [] };
    const twice = async (args: string[], given: RenderInputs | undefined): Promise<number> => {
      const before = tool.calls();
      const [a, b] = [await cache.run(tool.binary, args, scratch, given), await cache.run(tool.binary, args, scratch, given)];
      expect(b).toMatchObject({ code: a.code, stdout: a.stdout, stderr: a.stderr });
      return tool.calls() - before;
    };
    expect(await twice(["0"], inputs)).toBe(1);
    expect(await twice(["1"], inputs)).toBe(2);
    expect(await twice(["1", "instrumented"], { ...inputs, failures: true })).toBe(1);
    expect(await twice(["2", "instrumented"], { ...inputs, failures: true })).toBe(2);
    expect(await twice(["0", "remote"], undefined)).toBe(2);
    expect(cache.stats()).toMatchObject({ hits: 2, stored: 2, uncached: 6 });
  });
});
