import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { discover } from "../../src/discover/discover.js";
import { writeFiles } from "../e2e/cli-harness.js";

const root = mkdtempSync(path.join(tmpdir(), "kubeward-exclude-"));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});
writeFiles(root, {
  "app/pod.yaml": "kind: Pod\n",
  "app/node_modules/pkg/pod.yaml": "kind: Pod\n",
  "node_modules/top.yaml": "kind: Pod\n",
  ".git/config.yaml": "kind: Pod\n",
  "vendor/lib/pod.yaml": "kind: Pod\n",
  "app/vendor.yaml": "kind: Pod\n",
  "app/my-vendor/pod.yaml": "kind: Pod\n",
  "app/vendor/pod.yaml": "kind: Pod\n",
  "app/gen/a.yaml": "kind: Pod\n",
  "app/gen-old/b.yaml": "kind: Pod\n",
  "gen/c.yaml": "kind: Pod\n",
});

async function walked(exclude: string[]): Promise<string[]> {
  const discovery = await discover(["."], { cwd: root, include: { patterns: [], base: root }, exclude: [{ patterns: exclude, base: root }] });
  return discovery.sources.map((source) => (source.kind === "manifests" ? source.display : source.kind)).sort();
}

describe("excluded files and folders", () => {
  it("drops node_modules and .git at any depth, whatever else is excluded", async () => {
    expect(await walked([])).toEqual(["app/gen-old/b.yaml", "app/gen/a.yaml", "app/my-vendor/pod.yaml", "app/pod.yaml", "app/vendor.yaml", "app/vendor/pod.yaml", "gen/c.yaml", "vendor/lib/pod.yaml"]);
  });

  it("drops every folder or file a plain name names, at any depth, and nothing that only contains the name", async () => {
    expect(await walked(["vendor"])).toEqual(["app/gen-old/b.yaml", "app/gen/a.yaml", "app/my-vendor/pod.yaml", "app/pod.yaml", "app/vendor.yaml", "gen/c.yaml"]);
    expect(await walked(["vendor.yaml", "gen"])).toEqual(["app/gen-old/b.yaml", "app/my-vendor/pod.yaml", "app/pod.yaml", "app/vendor/pod.yaml", "vendor/lib/pod.yaml"]);
  });

  it("reads a name with a slash, a trailing one too, as a path from the folder the pattern is relative to", async () => {
    expect(await walked(["gen/"])).toEqual(["app/gen-old/b.yaml", "app/gen/a.yaml", "app/my-vendor/pod.yaml", "app/pod.yaml", "app/vendor.yaml", "app/vendor/pod.yaml", "vendor/lib/pod.yaml"]);
  });

  it("reads names with glob syntax, slashes or a leading `!` as minimatch patterns", async () => {
    expect(await walked(["gen*"])).toEqual(["app/my-vendor/pod.yaml", "app/pod.yaml", "app/vendor.yaml", "app/vendor/pod.yaml", "vendor/lib/pod.yaml"]);
    expect(await walked(["app/vendor"])).toEqual(["app/gen-old/b.yaml", "app/gen/a.yaml", "app/my-vendor/pod.yaml", "app/pod.yaml", "app/vendor.yaml", "gen/c.yaml", "vendor/lib/pod.yaml"]);
    expect(await walked(["!vendor"])).toEqual([]);
  });
});
