import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isRecord, valueAtPath } from "../../src/core/json.js";
import { podSpecOf, workloadContainers } from "../../src/engine/workload.js";
import { buildKustomization } from "../../src/expand/kustomize/build.js";
import { findKustomizationFile } from "../../src/expand/kustomize/kustomization-file.js";
import { createSourceMapper } from "../../src/expand/kustomize/map.js";
import type { ResourceFileCache } from "../../src/expand/kustomize/model.js";
import { readKustomizationTree } from "../../src/expand/kustomize/read.js";
import { rootKustomizations } from "../../src/expand/kustomize/roots.js";
import { mapBounded } from "../../src/expand/tools.js";
import { parseManifest } from "../../src/manifest/parse.js";
import type { Path } from "../../src/core/types.js";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const kubectl = path.join(repoRoot, ".tools/helm4/kubectl");
/** The third-party corpus beside the repo (CI always has it); read in place. */
const corpus = path.resolve(repoRoot, "../shared/corpus/kustomize");

function kustomizationDirs(dir: string): string[] {
  const found = findKustomizationFile(dir) ? [dir] : [];
  for (const entry of readdirSync(dir)) {
    const child = path.join(dir, entry);
    if (statSync(child).isDirectory()) found.push(...kustomizationDirs(child));
  }
  return found;
}

/** Text the mapped line must hold: the last key of `path` that exists in the built object, or for a list item its `- ` or name. */
function expectedOnLine(body: unknown, fieldPath: Path): string[] {
  let expected: string[] = [];
  for (let i = 1; i <= fieldPath.length; i++) {
    const value = valueAtPath(body, fieldPath.slice(0, i));
    if (value === undefined) break;
    const segment = fieldPath[i - 1];
    if (typeof segment === "string") expected = [segment];
    else expected = ["- ", ...(isRecord(value) && typeof value.name === "string" ? [value.name] : [])];
    // An image may be set by an images: entry: its new name, tag or digest is on the line.
    if (segment === "image" && typeof value === "string") expected.push(...value.split(/[:@]/).filter((part) => part.length > 2));
  }
  // A JSON 6902 `remove` of the field explains why it is missing: its `path:` ends with the field's key.
  const asked = [...fieldPath].reverse().find((segment) => typeof segment === "string");
  if (asked !== undefined && valueAtPath(body, fieldPath) === undefined) expected.push(`/${asked}`);
  return expected;
}

/** The fields checked per workload: the pod spec and its keys; each container's image and securityContext, and every key of both. */
function fieldsOf(object: Parameters<typeof podSpecOf>[0]): Path[] {
  const pod = podSpecOf(object);
  if (!pod) return [];
  const fields: Path[] = [pod.path, ...Object.keys(pod.spec).map((key) => [...pod.path, key])];
  for (const container of workloadContainers(object)) {
    fields.push([...container.path, "image"], [...container.path, "securityContext"]);
    for (const key of Object.keys(container.container)) if (key !== "image" && key !== "securityContext") fields.push([...container.path, key]);
    for (const key of Object.keys(container.securityContext)) fields.push([...container.path, "securityContext", key]);
  }
  return fields;
}

function share(part: number, whole: number): string {
  return `${part}/${whole} (${((part / whole) * 100).toFixed(1)}%)`;
}

if (!existsSync(kubectl) || !existsSync(corpus)) console.log(`${corpus} or kubectl is absent: the Kustomize corpus tests are skipped; CI always has both`);

describe.skipIf(!existsSync(kubectl) || !existsSync(corpus))("source mapping over the real Kustomize corpus", () => {
  it("maps pod spec, container, image and securityContext fields to lines that hold them", async () => {
    const roots = rootKustomizations(kustomizationDirs(corpus));
    const builds = await mapBounded(roots, (root) => buildKustomization(root, { binary: kubectl, flavour: "kubectl", enableHelm: false }));
    const cache: ResourceFileCache = new Map();
    const files = new Map<string, string[]>();
    const lineOf = (file: string, line: number): string => {
      if (!files.has(file)) files.set(file, existsSync(file) ? readFileSync(file, "utf8").split("\n") : []);
      return files.get(file)?.[line - 1] ?? "";
    };
    const keyMisses: string[] = [];
    const valueMisses: string[] = [];
    let fields = 0;
    let scalars = 0;
    for (const [index, root] of roots.entries()) {
      const build = builds[index];
      if (!build.ok) continue;
      const mapper = createSourceMapper(readKustomizationTree(root, cache));
      for (const object of parseManifest("built", build.output).objects) {
        for (const fieldPath of fieldsOf(object)) {
          const expected = expectedOnLine(object.body, fieldPath);
          if (expected.length === 0) continue;
          fields++;
          const location = mapper.locateSource(object, fieldPath);
          const text = lineOf(location.file, location.region.startLine);
          const where = `${root} ${object.kind}/${object.name} ${fieldPath.join(".")} -> ${location.file}:${location.region.startLine} ${JSON.stringify(text)}`;
          if (!expected.some((part) => text.includes(part))) keyMisses.push(where);
          // Stricter: a scalar's line also shows the built value (for an image, part of it).
          const value = valueAtPath(object.body, fieldPath);
          if (!["string", "number", "boolean"].includes(typeof value)) continue;
          scalars++;
          const shown = typeof value === "string" && fieldPath.at(-1) === "image" ? expected.slice(1) : [String(value)];
          if (!shown.some((part) => text.includes(part))) valueMisses.push(`${where} (built value ${JSON.stringify(value)})`);
        }
      }
    }
    const built = builds.filter((build) => build.ok).length;
    console.log(
      [
        `Kustomize corpus: ${built} of ${roots.length} roots built.`,
        `  fields mapped to a line that names them: ${share(fields - keyMisses.length, fields)}`,
        `  scalar fields whose line also shows the built value: ${share(scalars - valueMisses.length, scalars)}`,
        ...keyMisses.slice(0, 20),
        ...valueMisses.slice(0, 20),
      ].join("\n"),
    );
    expect(built).toBeGreaterThanOrEqual(roots.length * 0.9);
    expect(fields).toBeGreaterThan(1000);
    expect(keyMisses.length / fields).toBeLessThanOrEqual(0.05);
    expect(valueMisses.length / scalars).toBeLessThanOrEqual(0.05);
  });
});
