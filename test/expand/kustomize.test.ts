import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildArgs, buildKustomization, describeKustomizeFailure } from "../../src/expand/kustomize/build.js";
import { findKustomizationFile, isRemoteReference } from "../../src/expand/kustomize/kustomization-file.js";
import { createSourceMapper } from "../../src/expand/kustomize/map.js";
import type { BuiltObject, SourceMapper } from "../../src/expand/kustomize/model.js";
import { matchesSelector } from "../../src/expand/kustomize/patch-target.js";
import { pointerSegments } from "../../src/expand/kustomize/read-patches.js";
import { readKustomizationTree } from "../../src/expand/kustomize/read.js";
import { rootKustomizations } from "../../src/expand/kustomize/roots.js";
import { parseManifest } from "../../src/manifest/parse.js";
import type { Path } from "../../src/core/types.js";
import { DIAGNOSTIC_RULES, KUSTOMIZE_ERROR, REMOTE_BASE, UNLINTED_INPUT_RULES } from "../../src/core/diagnostics.js";
import { expandSources, type ExpandSettings } from "../../src/expand/expand.js";

const fixtures = "fixtures/kustomize";
const kubectl = path.resolve(".tools/helm4/kubectl");
const prodDir = `${fixtures}/overlays/prod`;
const stagingDir = `${fixtures}/overlays/staging`;
const base = (file: string): string => `${fixtures}/base/${file}`;
const prod = (file: string): string => `${prodDir}/${file}`;
const staging = (file: string): string => `${stagingDir}/${file}`;

/** The checked-in output of `kubectl kustomize` for an overlay (the real-build test keeps it honest). */
function builtObjects(name: "prod" | "staging"): BuiltObject[] {
  return parseManifest("built.yaml", readFileSync(`${fixtures}/expected/${name}.yaml`, "utf8")).objects;
}

function objectOf(objects: BuiltObject[], kind: string, name?: string): BuiltObject {
  const found = objects.find((object) => object.kind === kind && (name === undefined || object.name === name));
  if (!found) throw new Error(`no ${kind} ${name ?? ""} in the build`);
  return found;
}

/** file:line:column of the start of the mapped location. */
function at(mapper: SourceMapper, object: BuiltObject, fieldPath: Path): string {
  const { file, region } = mapper.locateSource(object, fieldPath);
  return `${file}:${region.startLine}:${region.startColumn}`;
}

const pod = ["spec", "template", "spec"];
const container = (index: number, ...rest: Path): Path => [...pod, "containers", index, ...rest];

describe("findKustomizationFile", () => {
  it("finds each of the three names Kustomize accepts", () => {
    expect(findKustomizationFile(prodDir)).toBe(prod("kustomization.yaml"));
    expect(findKustomizationFile(stagingDir)).toBe(staging("kustomization.yml"));
    expect(findKustomizationFile(`${fixtures}/broken`)).toBe(`${fixtures}/broken/Kustomization`);
  });

  it("returns undefined for a folder without one", () => {
    expect(findKustomizationFile(`${fixtures}/expected`)).toBeUndefined();
  });
});

describe("readKustomizationTree", () => {
  const tree = readKustomizationTree(prodDir);
  const overlay = tree.layers.get(path.resolve(prodDir));

  it("reads the overlay, its base and its component", () => {
    expect(tree.problems).toEqual([]);
    expect([...tree.layers.values()].map((layer) => [layer.file, layer.kind])).toEqual([
      [prod("kustomization.yaml"), "Kustomization"],
      [base("kustomization.yaml"), "Kustomization"],
      [`${fixtures}/components/debug/kustomization.yaml`, "Component"],
    ]);
    const baseLayer = tree.layers.get(path.resolve(`${fixtures}/base`));
    expect(baseLayer?.resources.map(({ kind, name, file, docIndex }) => ({ kind, name, file, docIndex }))).toEqual([
      { kind: "Deployment", name: "web", file: base("deployment.yaml"), docIndex: 0 },
      { kind: "Service", name: "web", file: base("service.yaml"), docIndex: 0 },
      { kind: "ServiceAccount", name: "web", file: base("serviceaccount.yaml"), docIndex: 0 },
    ]);
  });

  it("records settings, images, patches and generators with their lines", () => {
    expect(overlay?.namePrefix).toMatchObject({ value: "prod-", region: { startLine: 3, startColumn: 1 } });
    expect(overlay?.namespace).toMatchObject({ value: "shop", region: { startLine: 4, startColumn: 1 } });
    expect(overlay?.bases.map((reference) => reference.dir)).toEqual([`${fixtures}/base`]);
    expect(overlay?.components.map((reference) => reference.dir)).toEqual([`${fixtures}/components/debug`]);
    expect(overlay?.images).toEqual([
      {
        name: "nginx",
        newName: undefined,
        newTag: { value: "latest", region: { startLine: 11, startColumn: 5, endLine: 11, endColumn: 19 } },
        digest: undefined,
        region: { startLine: 10, startColumn: 5, endLine: 10, endColumn: 16 },
      },
    ]);
    expect(overlay?.patches.map((patch) => [patch.type, patch.field, patch.file, patch.inline, patch.target])).toEqual([
      ["strategic-merge", "patches", prod("privileged.yaml"), false, undefined],
      ["json6902", "patches", prod("host-network.json"), false, { kind: "Deployment", name: "web" }],
      ["strategic-merge", "patches", prod("kustomization.yaml"), true, undefined],
    ]);
    expect(overlay?.generators.map(({ kind, name, hashSuffix }) => ({ kind, name, hashSuffix }))).toEqual([
      { kind: "ConfigMap", name: "settings", hashSuffix: true },
    ]);
  });

  it("reads legacy patchesStrategicMerge and patchesJson6902 entries", () => {
    const layer = readKustomizationTree(stagingDir).layers.get(path.resolve(stagingDir));
    expect(layer?.nameSuffix?.value).toBe("-staging");
    expect(layer?.patches.map((patch) => [patch.type, patch.field, patch.inline])).toEqual([
      ["strategic-merge", "patchesStrategicMerge", true],
      ["json6902", "patches", true],
      ["json6902", "patches", true],
      ["json6902", "patches", true],
      ["json6902", "patchesJson6902", false],
    ]);
    const jsonPatch = layer?.patches[4];
    expect(jsonPatch?.type === "json6902" && jsonPatch.target).toEqual({ group: "apps", version: "v1", kind: "Deployment", name: "web" });
    expect(jsonPatch?.type === "json6902" && jsonPatch.operations.map((operation) => [operation.op, operation.path.join("/")])).toEqual([
      ["add", "spec/template/spec/containers/-"],
      ["replace", "spec/replicas"],
    ]);
  });

  it("reports missing files and folders at the kustomization line, and notes remote resources without fetching them", () => {
    const broken = readKustomizationTree(`${fixtures}/broken`);
    const file = `${fixtures}/broken/Kustomization`;
    expect(broken.problems.map((problem) => [problem.ruleId, problem.file, problem.region.startLine, problem.region.startColumn, problem.message])).toEqual([
      [KUSTOMIZE_ERROR, file, 3, 5, `resources entry "missing.yaml" does not exist.`],
      [KUSTOMIZE_ERROR, file, 4, 5, `resources entry "../no-such-base" does not exist.`],
      [KUSTOMIZE_ERROR, file, 7, 5, `patches entry "missing-patch.yaml" does not exist.`],
    ]);
    expect(broken.remote).toEqual([
      { file, field: "resources", reference: "https://github.com/example/manifests//deploy?ref=v1.0.0", region: { startLine: 5, startColumn: 5, endLine: 5, endColumn: 60 } },
    ]);
    expect(broken.layers.get(path.resolve(`${fixtures}/broken`))?.resources.map((resource) => resource.name)).toEqual(["present"]);
  });

  it("notes a remote base at its entry, as a low-severity note that is not unlinted input", async () => {
    const settings: ExpandSettings = {
      cwd: process.cwd(),
      env: process.env,
      helm: { releaseName: "release", apiVersions: [], valuesFiles: [], set: [], ciValues: false, dependencyUpdate: false, charts: [] },
      kustomize: { enableHelm: false },
    };
    const expansion = await expandSources([], [`${fixtures}/broken`], settings);
    const notes = expansion.problems.filter((problem) => problem.ruleId === REMOTE_BASE);
    expect(notes.map((note) => [note.file, note.region.startLine, note.region.startColumn, note.message])).toEqual([
      [
        `${fixtures}/broken/Kustomization`,
        5,
        5,
        `Remote base "https://github.com/example/manifests//deploy?ref=v1.0.0": kubeward does not fetch remote bases, so objects from it are not linted unless kustomize build fetches it (their findings then point at this kustomization).`,
      ],
    ]);
    expect(DIAGNOSTIC_RULES.find((meta) => meta.id === REMOTE_BASE)?.severity).toBe("low");
    expect(UNLINTED_INPUT_RULES.has(REMOTE_BASE)).toBe(false);
  });

  it("records the other local files a kustomization reads, and no missing or remote ones", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kubeward-inputs-"));
    try {
      const inputs = ["crd.yaml", "naming.yaml", "labels.yaml", "app.properties", "secret.env", "replace.yaml", "values.yaml", "more-values.yaml", "schema.json"];
      for (const file of inputs) writeFileSync(path.join(dir, file), "a: b\n");
      writeFileSync(
        path.join(dir, "kustomization.yaml"),
        [
          "crds: [crd.yaml]",
          "configurations: [naming.yaml, missing.yaml]",
          "transformers: [labels.yaml, https://example.com/transformer.yaml]",
          "configMapGenerator:",
          "  - name: app",
          "    files: [config=app.properties]",
          "secretGenerator:",
          "  - name: app",
          "    envs: [secret.env]",
          "replacements:",
          "  - path: replace.yaml",
          "helmCharts:",
          "  - name: web",
          "    valuesFile: values.yaml",
          "    additionalValuesFiles: [more-values.yaml]",
          "openapi:",
          "  path: schema.json",
        ].join("\n"),
      );
      const layer = readKustomizationTree(dir).layers.get(path.resolve(dir));
      expect(layer?.inputs.map((file) => path.basename(file)).sort()).toEqual([...inputs].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reports a kustomization that includes itself through a base", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kubeward-cycle-"));
    try {
      writeFileSync(path.join(dir, "kustomization.yaml"), "resources:\n  - ./inner\n");
      const inner = path.join(dir, "inner");
      mkdirSync(inner);
      writeFileSync(path.join(inner, "kustomization.yaml"), "resources:\n  - ..\n");
      const cyclic = readKustomizationTree(dir);
      expect(cyclic.problems.map((problem) => [problem.file, problem.region.startLine, problem.message])).toEqual([
        [path.join(inner, "kustomization.yaml"), 2, 'resources entry ".." refers back to a kustomization that includes this one (a cycle).'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("isRemoteReference", () => {
  it("tells URLs and git references from local paths", () => {
    for (const reference of ["https://github.com/org/repo//dir?ref=v1", "github.com/org/repo/dir?ref=main", "git@github.com:org/repo.git", "ssh://git@host/repo"]) {
      expect(isRemoteReference(reference), reference).toBe(true);
    }
    for (const reference of ["../base", "deployment.yaml", "github-manifests/app"]) {
      expect(isRemoteReference(reference), reference).toBe(false);
    }
  });
});

describe("patch targets", () => {
  it("reads Kubernetes label selectors", () => {
    const labels = { app: "web", tier: "front" };
    expect(matchesSelector("app=web", labels)).toBe(true);
    expect(matchesSelector("app==web,tier!=back", labels)).toBe(true);
    expect(matchesSelector("app in (api, web),!canary", labels)).toBe(true);
    expect(matchesSelector("tier notin (front)", labels)).toBe(false);
    expect(matchesSelector("canary", labels)).toBe(false);
  });

  it("unescapes JSON pointers", () => {
    expect(pointerSegments("/metadata/annotations/example.com~1role/~0x")).toEqual(["metadata", "annotations", "example.com/role", "~x"]);
    expect(pointerSegments("")).toEqual([]);
  });
});

describe("rootKustomizations", () => {
  const all = [`${fixtures}/base`, `${fixtures}/components/debug`, prodDir, stagingDir, `${fixtures}/broken`];

  it("keeps the overlays and drops the base and component they build on", () => {
    expect(rootKustomizations(all)).toEqual([prodDir, stagingDir, `${fixtures}/broken`]);
  });

  it("keeps a base linted on its own", () => {
    expect(rootKustomizations([`${fixtures}/base`])).toEqual([`${fixtures}/base`]);
  });
});

describe("createSourceMapper", () => {
  const prodMapper = createSourceMapper(readKustomizationTree(prodDir));
  const prodBuild = builtObjects("prod");
  const deployment = objectOf(prodBuild, "Deployment");

  it("points a field set by a strategic-merge patch at the patch file, matching containers by name", () => {
    // The patch lists only "web"; in the build it is the second container.
    expect(at(prodMapper, deployment, container(1, "securityContext", "privileged"))).toBe(`${prod("privileged.yaml")}:11:13`);
  });

  it("points a field set by a JSON 6902 patch file at the operation's value", () => {
    expect(at(prodMapper, deployment, [...pod, "hostNetwork"])).toBe(`${prod("host-network.json")}:2:61`);
    // A field inside an added block: its own line in the operation's value.
    expect(at(prodMapper, deployment, [...pod, "securityContext", "runAsNonRoot"])).toBe(`${prod("host-network.json")}:7:7`);
  });

  it("points a field set by an inline patch at its line in the kustomization file", () => {
    expect(at(prodMapper, deployment, container(0, "securityContext", "runAsUser"))).toBe(`${prod("kustomization.yaml")}:29:19`);
  });

  it("points a field set by a component's patch at the component's patch file", () => {
    expect(at(prodMapper, deployment, [...pod, "hostPID"])).toBe(`${fixtures}/components/debug/host-pid.yaml:8:7`);
  });

  it("points an image retagged by images: at the entry's newTag line, naming the entry", () => {
    const location = prodMapper.locateSource(deployment, container(1, "image"));
    expect(`${location.file}:${location.region.startLine}:${location.region.startColumn}`).toBe(`${prod("kustomization.yaml")}:11:5`);
    expect(location.provenance).toEqual({ kind: "images-entry", name: "nginx", newTag: "latest" });
    // An image no entry touches stays in the base file.
    expect(at(prodMapper, deployment, container(0, "image"))).toBe(`${base("deployment.yaml")}:20:11`);
  });

  it("points fields no patch touches at the base resource, across namePrefix and namespace", () => {
    expect(at(prodMapper, deployment, container(0, "securityContext", "readOnlyRootFilesystem"))).toBe(`${base("deployment.yaml")}:22:13`);
    expect(at(prodMapper, deployment, container(1, "ports", 0, "containerPort"))).toBe(`${base("deployment.yaml")}:26:15`);
    expect(at(prodMapper, deployment, ["spec", "replicas"])).toBe(`${base("deployment.yaml")}:8:3`);
    expect(at(prodMapper, objectOf(prodBuild, "ServiceAccount"), ["automountServiceAccountToken"])).toBe(`${base("serviceaccount.yaml")}:5:1`);
    expect(at(prodMapper, objectOf(prodBuild, "ConfigMap", "prod-debug"), ["data", "LOG_LEVEL"])).toBe(`${fixtures}/components/debug/debug-config.yaml:6:3`);
  });

  it("points a missing field at the deepest node that exists, preferring a patch that holds more of the path", () => {
    // No resources in log-shipper anywhere: the container itself, in the base.
    expect(at(prodMapper, deployment, container(0, "resources"))).toBe(`${base("deployment.yaml")}:19:11`);
    // The patch holds web's securityContext, the base does not: that is where runAsNonRoot belongs.
    expect(at(prodMapper, deployment, container(1, "securityContext", "runAsNonRoot"))).toBe(`${prod("privileged.yaml")}:10:11`);
  });

  it("points the namespace at the kustomization that sets it", () => {
    const location = prodMapper.locateSource(deployment, ["metadata", "namespace"]);
    expect(`${location.file}:${location.region.startLine}:${location.region.startColumn}`).toBe(`${prod("kustomization.yaml")}:4:1`);
    expect(location.provenance).toEqual({ kind: "kustomization-namespace" });
  });

  it("points a generated ConfigMap's key at its literal", () => {
    const generated = objectOf(prodBuild, "ConfigMap", "prod-settings-7gd9hfb57m");
    const location = prodMapper.locateSource(generated, ["data", "API_TOKEN"]);
    expect(`${location.file}:${location.region.startLine}:${location.region.startColumn}`).toBe(`${prod("kustomization.yaml")}:34:9`);
    expect(location.provenance).toEqual({
      kind: "generator",
      object: { apiVersion: "v1", kind: "ConfigMap", name: "prod-settings-7gd9hfb57m", namespace: "shop" },
      generator: "configMapGenerator",
      name: "settings",
    });
  });

  it("falls back to the root kustomization, naming the object, when nothing defines it", () => {
    const stranger: BuiltObject = { apiVersion: "v1", kind: "Secret", name: "elsewhere", namespace: "shop", body: {} };
    expect(prodMapper.locateSource(stranger, ["data"])).toEqual({
      file: prod("kustomization.yaml"),
      region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
      provenance: { kind: "kustomization-only", object: { apiVersion: "v1", kind: "Secret", name: "elsewhere", namespace: "shop" } },
    });
    expect(prodMapper.originOf(stranger)).toBeUndefined();
  });

  it("places an object rendered from a helmCharts: entry at the entry, naming both", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kubeward-helmcharts-"));
    try {
      writeFileSync(path.join(dir, "kustomization.yaml"), "helmCharts:\n  - name: other\n    releaseName: other\n  - name: podinfo\n    releaseName: web\n");
      const mapper = createSourceMapper(readKustomizationTree(dir));
      const body = { metadata: { name: "web-podinfo", labels: { "helm.sh/chart": "podinfo-6.5.0" } } };
      const rendered: BuiltObject = { apiVersion: "apps/v1", kind: "Deployment", name: "web-podinfo", body };
      expect(mapper.locateSource(rendered, ["spec"])).toEqual({
        file: path.join(dir, "kustomization.yaml"),
        region: expect.objectContaining({ startLine: 4 }) as unknown,
        provenance: { kind: "helm-charts-entry", object: { apiVersion: "apps/v1", kind: "Deployment", name: "web-podinfo" }, chart: "podinfo" },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("tells the base file and document of an object", () => {
    expect(prodMapper.originOf(deployment)).toEqual({ file: base("deployment.yaml"), docIndex: 0 });
  });

  describe("the staging overlay (nameSuffix, legacy fields, inline JSON patches)", () => {
    const mapper = createSourceMapper(readKustomizationTree(stagingDir));
    const build = builtObjects("staging");
    const stagingDeployment = objectOf(build, "Deployment");
    const service = objectOf(build, "Service");

    it("maps an inline patchesStrategicMerge entry", () => {
      expect(at(mapper, objectOf(build, "ServiceAccount"), ["automountServiceAccountToken"])).toBe(`${staging("kustomization.yml")}:10:3`);
    });

    it("maps a container appended with /- by its name, and a replaced scalar", () => {
      expect(at(mapper, stagingDeployment, container(2, "securityContext", "allowPrivilegeEscalation"))).toBe(`${staging("add-debug-container.yaml")}:7:7`);
      expect(at(mapper, stagingDeployment, ["spec", "replicas"])).toBe(`${staging("add-debug-container.yaml")}:10:3`);
    });

    it("maps images: entries that rename or pin by digest", () => {
      expect(at(mapper, stagingDeployment, container(1, "image"))).toBe(`${staging("kustomization.yml")}:20:3`);
      expect(at(mapper, stagingDeployment, container(2, "image"))).toBe(`${staging("kustomization.yml")}:22:3`);
    });

    it("maps inline JSON 6902 patches, block and single-line", () => {
      expect(at(mapper, service, ["spec", "type"])).toBe(`${staging("kustomization.yml")}:30:7`);
      expect(at(mapper, service, ["spec", "externalTrafficPolicy"])).toBe(`${staging("kustomization.yml")}:32:65`);
      expect(at(mapper, service, ["spec", "ports", 0, "port"])).toBe(`${base("service.yaml")}:9:7`);
    });

    it("maps a patch whose target is a label selector", () => {
      expect(at(mapper, stagingDeployment, [...pod, "shareProcessNamespace"])).toBe(`${staging("kustomization.yml")}:39:7`);
    });
  });
});

describe("buildKustomization", () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "kubeward-kustomize-"));
  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it("shapes the arguments for kustomize and for kubectl", () => {
    expect(buildArgs("dir", { flavour: "kustomize", enableHelm: false })).toEqual(["build", "dir"]);
    expect(buildArgs("dir", { flavour: "kustomize", enableHelm: true })).toEqual(["build", "--enable-helm", "dir"]);
    expect(buildArgs("dir", { flavour: "kubectl", enableHelm: true })).toEqual(["kustomize", "--enable-helm", "dir"]);
  });

  it("runs a standalone kustomize as `kustomize build`", async () => {
    const fake = path.join(scratch, "kustomize");
    writeFileSync(fake, '#!/bin/sh\necho "$@"\n');
    chmodSync(fake, 0o755);
    const result = await buildKustomization(prodDir, { binary: fake, flavour: "kustomize", enableHelm: true });
    expect(result.ok && result.output.trim()).toBe(`build --enable-helm ${path.resolve(prodDir)}`);
  });

  it("cleans Kustomize's error output into one sentence and names the file", () => {
    const failure = describeKustomizeFailure(
      {
        code: 1,
        stdout: "",
        ms: 1,
        stderr: [
          "# Warning: 'patchesJson6902' is deprecated. Please use 'patches' instead.",
          "I1123 08:51:47.314172   18757 log.go:245] well-defined vars that were never replaced: X",
          "Error: accumulating resources: accumulating resources from 'deployment.yaml': MalformedYAMLError: yaml: line 5: did not find expected node content in File: deployment.yaml",
        ].join("\n"),
      },
      `${fixtures}/base`,
    );
    expect(failure).toEqual({
      message: "accumulating resources: accumulating resources from 'deployment.yaml': MalformedYAMLError: yaml: line 5: did not find expected node content in File: deployment.yaml",
      file: base("deployment.yaml"),
    });
    const panic = describeKustomizeFailure({ code: 2, stdout: "", ms: 1, stderr: "panic: runtime error: index out of range\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/main.go:10" }, ".");
    expect(panic).toEqual({ message: "panic: runtime error: index out of range", file: undefined });
  });

  describe.skipIf(!existsSync(kubectl))("with the real kubectl (skipped when .tools/helm4/kubectl is absent: run node scripts/install-tools.mjs)", () => {
    it("builds the overlays exactly as the checked-in expected output", async () => {
      for (const name of ["prod", "staging"] as const) {
        const result = await buildKustomization(`${fixtures}/overlays/${name}`, { binary: kubectl, flavour: "kubectl", enableHelm: false });
        expect(result.ok, result.ok ? "" : result.failure.message).toBe(true);
        if (!result.ok) continue;
        const bodies = parseManifest("built.yaml", result.output).objects.map((object) => object.body);
        expect(bodies).toEqual(builtObjects(name).map((object) => object.body));
      }
    });

    it("returns Kustomize's own message, cleaned, when the build fails", async () => {
      const result = await buildKustomization(`${fixtures}/broken`, { binary: kubectl, flavour: "kubectl", enableHelm: false });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const missing = path.resolve(`${fixtures}/broken/missing.yaml`);
      expect(result.failure).toEqual({ message: `accumulating resources from 'missing.yaml': ${missing} does not exist`, file: undefined });
    });
  });
});
