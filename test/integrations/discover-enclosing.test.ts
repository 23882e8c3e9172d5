import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { discover, type Source } from "../../src/discover/discover.js";
import { writeFiles } from "../e2e/cli-harness.js";

// Hooks and editors name single changed files; each must bring in the chart or overlay it belongs to.

const KUSTOMIZATION = (resources: string[], patches: string[] = []): string =>
  [
    "apiVersion: kustomize.config.k8s.io/v1beta1",
    "kind: Kustomization",
    "resources:",
    ...resources.map((resource) => `  - ${resource}`),
    ...(patches.length ? ["patches:", ...patches.map((patch) => `  - path: ${patch}`)] : []),
  ].join("\n");

const root = mkdtempSync(path.join(tmpdir(), "kubeward-discover-"));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});
writeFiles(root, {
  "base/kustomization.yaml": KUSTOMIZATION(["deployment.yaml"]),
  "base/deployment.yaml": "kind: Deployment\n",
  "overlays/prod/kustomization.yml": KUSTOMIZATION(["../../base"], ["patches/replicas.yaml"]),
  "overlays/prod/patches/replicas.yaml": "kind: Deployment\n",
  "overlays/dev/Kustomization": KUSTOMIZATION(["../../base"]),
  "overlays/dev/notes.yaml": "kind: ConfigMap\n",
  "plain/app/pod.yaml": "kind: Pod\n",
  "kustomized-chart/kustomization.yaml": KUSTOMIZATION([]),
  "kustomized-chart/chart/Chart.yaml": "name: chart\n",
  "kustomized-chart/chart/templates/pod.yaml": "kind: Pod\n",
});

/** `kind display` for each source, as discover() returns them for these inputs. */
async function sourcesFor(...inputs: string[]): Promise<string[]> {
  const discovery = await discover(inputs, { cwd: root, include: { patterns: [], base: root }, exclude: [] });
  expect(discovery.problems).toEqual([]);
  return discovery.sources.map((source: Source) => `${source.kind} ${source.display}`);
}

describe("a named file inside a kustomization folder", () => {
  it("brings in the nearest kustomization above it, through subfolders", async () => {
    expect(await sourcesFor("overlays/prod/patches/replicas.yaml")).toEqual([
      "kustomize overlays/prod",
      // Still listed: run() skips it, as linted through the overlay when that uses it, and as no object Kustomize builds otherwise.
      "manifests overlays/prod/patches/replicas.yaml",
    ]);
  });

  it("brings in a base when the base's own file is named, and every file name Kustomize accepts counts", async () => {
    expect(await sourcesFor("base/deployment.yaml")).toEqual(["kustomize base", "manifests base/deployment.yaml"]);
    expect(await sourcesFor("overlays/dev/notes.yaml")).toEqual(["kustomize overlays/dev", "manifests overlays/dev/notes.yaml"]);
  });

  it("names each kustomization once, and the kustomization file itself only as its folder", async () => {
    expect(await sourcesFor("overlays/prod/kustomization.yml", "overlays/prod/patches/replicas.yaml", "base/deployment.yaml")).toEqual([
      "kustomize base",
      "kustomize overlays/prod",
      "manifests base/deployment.yaml",
      "manifests overlays/prod/patches/replicas.yaml",
    ]);
  });

  it("does the same for a folder walked below the kustomization's folder", async () => {
    expect(await sourcesFor("overlays/prod/patches")).toEqual(["kustomize overlays/prod", "manifests overlays/prod/patches/replicas.yaml"]);
  });

  it("does the same for files matched by a glob", async () => {
    expect(await sourcesFor("overlays/*/patches/*.yaml")).toEqual(["kustomize overlays/prod", "manifests overlays/prod/patches/replicas.yaml"]);
  });

  it("still belongs to a Helm chart first when the chart sits inside the kustomization folder", async () => {
    expect(await sourcesFor("kustomized-chart/chart/templates/pod.yaml")).toEqual(["helm kustomized-chart/chart"]);
  });
});

describe("a named file with no kustomization above it", () => {
  it("stays a plain manifest, named or in a walked folder beside the kustomizations", async () => {
    expect(await sourcesFor("plain/app/pod.yaml")).toEqual(["manifests plain/app/pod.yaml"]);
    expect(await sourcesFor("plain")).toEqual(["manifests plain/app/pod.yaml"]);
  });
});
