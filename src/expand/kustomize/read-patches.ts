import path from "node:path";
import { isRecord } from "../../core/json.js";
import { parseManifest } from "../../manifest/parse.js";
import { PARSE_ERROR } from "../../core/diagnostics.js";
import type { Path, Region } from "../../core/types.js";
import { isFile, readTextFile } from "./kustomization-file.js";
import { readKustomizeYaml, type KustomizeYaml, type RegionMap } from "./kustomize-yaml.js";
import { itemsAt, problem, stringOf, type LayerContext } from "./layer-context.js";
import type { JsonPatchOperation, KustomizePatch, PatchTarget, StrategicMergeDocument } from "./model.js";

/** Patch text from a file (`path:`) or written inline (`patch:`), with where its regions land. */
interface PatchSource {
  file: string;
  text: string;
  inline: boolean;
  toFile?: RegionMap;
}

/** Reads the layer's patches in the order Kustomize applies them: `patchesStrategicMerge`, `patches`, `patchesJson6902`. */
export function readPatches(context: LayerContext): void {
  readStrategicMergePatches(context);
  for (const { item, index } of itemsAt(context.yaml.value, "patches")) readPatchEntry(context, item, ["patches", index], "patches");
  // Kustomize also accepts the spelling patchesJSON6902.
  const root = context.yaml.value;
  const written = isRecord(root) && Object.hasOwn(root, "patchesJson6902") ? "patchesJson6902" : "patchesJSON6902";
  for (const { item, index } of itemsAt(root, written)) readPatchEntry(context, item, [written, index], "patchesJson6902", written);
}

const TARGET_KEYS = ["group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector"] as const;

function readTarget(node: unknown): PatchTarget | undefined {
  if (!isRecord(node)) return undefined;
  const target: PatchTarget = {};
  for (const key of TARGET_KEYS) {
    const value = stringOf(node[key]);
    if (value !== undefined) target[key] = value;
  }
  return target;
}

function patchFromFile(context: LayerContext, entry: string, region: Region, field: string): PatchSource | undefined {
  const file = path.join(context.layer.dir, entry);
  if (!isFile(file)) {
    problem(context, region, `${field} entry "${entry}" does not exist.`);
    return undefined;
  }
  const read = readTextFile(file);
  if ("failure" in read) {
    problem(context, region, read.failure);
    return undefined;
  }
  return { file, text: read.text, inline: false };
}

function inlinePatch(context: LayerContext, at: Path): PatchSource | undefined {
  const inline = context.yaml.inlineTextAt(at);
  return inline && { file: context.layer.file, text: inline.text, inline: true, toFile: inline.toFile };
}

function readStrategicMergePatches(context: LayerContext): void {
  const field = "patchesStrategicMerge";
  for (const { item, index } of itemsAt(context.yaml.value, field)) {
    const entry = stringOf(item);
    if (entry === undefined) continue;
    // Kustomize reads an entry as a file name first and as an inline patch when that fails.
    const looksInline = entry.includes("\n") || (!isFile(path.join(context.layer.dir, entry)) && /:\s/.test(entry));
    const source = looksInline ? inlinePatch(context, [field, index]) : patchFromFile(context, entry, context.yaml.regionAt([field, index]), field);
    if (source) addPatch(context, source, { field });
  }
}

function readPatchEntry(context: LayerContext, item: unknown, at: Path, field: "patches" | "patchesJson6902", written: string = field): void {
  if (!isRecord(item)) return;
  const target = readTarget(item.target);
  const entry = stringOf(item.path);
  let source: PatchSource | undefined;
  if (entry !== undefined) source = patchFromFile(context, entry, context.yaml.regionAt([...at, "path"]), written);
  else if (stringOf(item.patch) !== undefined) source = inlinePatch(context, [...at, "patch"]);
  if (source) addPatch(context, source, { field, target });
}

function addPatch(context: LayerContext, source: PatchSource, common: { field: KustomizePatch["field"]; target?: PatchTarget }): void {
  const shared = { ...common, file: source.file, inline: source.inline };
  const toFile = source.toFile ?? ((region: Region) => region);
  if (common.field === "patchesJson6902" || isOperationList(source.text)) {
    const yaml = readKustomizeYaml(source.text, source.file, toFile);
    if (yaml.error) problem(context, yaml.error.region, `Invalid JSON 6902 patch: ${yaml.error.reason}`, source.file, PARSE_ERROR);
    context.layer.patches.push({ ...shared, type: "json6902", operations: readOperations(yaml) });
    return;
  }
  const parsed = parseManifest(source.file, source.text);
  for (const found of parsed.problems) context.state.problems.push({ ...found, region: toFile(found.region) });
  const documents = parsed.objects.map(
    (object): StrategicMergeDocument => ({
      kind: object.kind,
      name: object.name,
      body: object.body,
      locate: (path) => toFile(object.locate(path).region),
    }),
  );
  context.layer.patches.push({ ...shared, type: "strategic-merge", documents });
}

/** A JSON 6902 patch is a list (`- op: …` or `[{"op": …}]`); a strategic-merge patch is a mapping. */
function isOperationList(text: string): boolean {
  const first = text.split("\n").find((line) => line.trim() !== "" && !/^\s*#/.test(line) && !/^---\s*$/.test(line));
  return first !== undefined && /^\s*(-(\s|$)|\[)/.test(first);
}

/** Splits a JSON pointer (`/spec/containers/0/name`) into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === "" || pointer === "/") return [];
  return pointer
    .replace(/^\//, "")
    .split("/")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function readOperations(yaml: KustomizeYaml): JsonPatchOperation[] {
  const operations: JsonPatchOperation[] = [];
  const list = Array.isArray(yaml.value) ? yaml.value : [];
  list.forEach((item: unknown, index) => {
    if (!isRecord(item)) return;
    const op = stringOf(item.op);
    const pointer = stringOf(item.path);
    if (op === undefined || pointer === undefined) return;
    operations.push({
      op,
      path: pointerSegments(pointer),
      value: Object.hasOwn(item, "value") ? item.value : undefined,
      pathRegion: yaml.regionAt([index, "path"]),
      locateValue: (valuePath) => yaml.regionAt([index, "value", ...valuePath]),
    });
  });
  return operations;
}
