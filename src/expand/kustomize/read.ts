import path from "node:path";
import { isRecord } from "../../core/json.js";
import { parseManifest } from "../../manifest/parse.js";
import { FILE_START, type InputProblem, type Path, type Region } from "../../core/types.js";
import { KUSTOMIZE_ERROR, PARSE_ERROR } from "../../core/diagnostics.js";
import { findKustomizationFile, isDirectory, isFile, isRemoteReference, readTextFile } from "./kustomization-file.js";
import { readKustomizeYaml, type KustomizeYaml } from "./kustomize-yaml.js";
import { itemsAt, problem, settingAt, stringOf, type LayerContext, type ReadState } from "./layer-context.js";
import { readPatches } from "./read-patches.js";
import type { GeneratorEntry, KustomizationLayer, KustomizationTree, RemoteReference, ResourceDocument, ResourceFileCache } from "./model.js";

/** Reads the kustomization in `dir` and, recursively, every local kustomization it builds on. */
export function readKustomizationTree(dir: string, cache: ResourceFileCache = new Map()): KustomizationTree {
  const state: ReadState = { layers: new Map(), problems: [], remote: [], manifests: cache, reported: new Set(), reading: new Set() };
  readLayer(dir, state);
  return { root: dir, layers: state.layers, problems: state.problems, remote: state.remote };
}

function readLayer(dir: string, state: ReadState): KustomizationLayer | undefined {
  const key = path.resolve(dir);
  const known = state.layers.get(key);
  if (known) return known;
  const file = findKustomizationFile(dir);
  if (!file) return undefined;
  const read = readTextFile(file);
  if ("failure" in read) {
    state.problems.push({ ruleId: KUSTOMIZE_ERROR, file, region: FILE_START, message: read.failure });
    return undefined;
  }
  const yaml = readKustomizeYaml(read.text, file);
  const root = yaml.value;
  const layer: KustomizationLayer = {
    dir,
    file,
    kind: isRecord(root) && root.kind === "Component" ? "Component" : "Kustomization",
    bases: [],
    components: [],
    resources: [],
    patches: [],
    images: [],
    helmCharts: [],
    generators: [],
    inputs: [],
    inputDirs: [],
  };
  const context: LayerContext = { layer, yaml, state };
  if (yaml.error) problem(context, yaml.error.region, `Invalid YAML in ${path.basename(file)}: ${yaml.error.reason}`, file, PARSE_ERROR);
  state.layers.set(key, layer);
  state.reading.add(key);
  for (const field of ["resources", "bases"] as const) readResources(context, field);
  readComponents(context);
  readSettings(context);
  readPatches(context);
  readImages(context);
  readHelmCharts(context);
  readGenerators(context);
  readOtherInputs(context);
  state.reading.delete(key);
  return layer;
}

/** A referenced folder, read as a layer; a problem when it has no kustomization or forms a cycle. */
function readReferencedLayer(context: LayerContext, target: string, entry: string, region: Region, field: string): KustomizationLayer | undefined {
  if (context.state.reading.has(path.resolve(target))) {
    problem(context, region, `${field} entry "${entry}" refers back to a kustomization that includes this one (a cycle).`);
    return undefined;
  }
  if (!findKustomizationFile(target)) {
    problem(context, region, `${field} entry "${entry}" is a folder without kustomization.yaml, kustomization.yml or Kustomization.`);
    return undefined;
  }
  return readLayer(target, context.state);
}

/**
 * The local entries of a list of paths (`resources`, `bases`, `components`): each with its region and
 * the path it names. Remote references are recorded, and entries that are not strings passed over.
 */
function* localEntries(context: LayerContext, field: RemoteReference["field"]): Generator<{ entry: string; region: Region; target: string }> {
  for (const { item, index } of itemsAt(context.yaml.value, field)) {
    const entry = stringOf(item);
    if (entry === undefined) continue;
    const region = context.yaml.regionAt([field, index]);
    if (isRemoteReference(entry)) context.state.remote.push({ file: context.layer.file, field, reference: entry, region });
    else yield { entry, region, target: path.join(context.layer.dir, entry) };
  }
}

function readResources(context: LayerContext, field: "resources" | "bases"): void {
  const { layer } = context;
  for (const { entry, region, target } of localEntries(context, field)) {
    if (isDirectory(target)) {
      if (readReferencedLayer(context, target, entry, region, field)) layer.bases.push({ dir: target });
    } else if (isFile(target)) {
      layer.resources.push(...readManifestFile(target, context.state, { file: layer.file, region }));
    } else {
      problem(context, region, `${field} entry "${entry}" does not exist.`);
    }
  }
}

function readComponents(context: LayerContext): void {
  for (const { entry, region, target } of localEntries(context, "components")) {
    if (!isDirectory(target)) {
      problem(context, region, `components entry "${entry}" does not exist or is not a folder.`);
    } else if (readReferencedLayer(context, target, entry, region, "components")) {
      context.layer.components.push({ dir: target });
    }
  }
}

function readManifestFile(file: string, state: ReadState, at: { file: string; region: Region }): ResourceDocument[] {
  const key = path.resolve(file);
  let known = state.manifests.get(key);
  if (!known) {
    known = parseResourceFile(file, at);
    state.manifests.set(key, known);
  }
  if (!state.reported.has(key)) {
    state.reported.add(key);
    state.problems.push(...known.problems);
  }
  return known.documents;
}

function parseResourceFile(file: string, at: { file: string; region: Region }): { documents: ResourceDocument[]; problems: InputProblem[] } {
  const read = readTextFile(file);
  if ("failure" in read) return { documents: [], problems: [{ ruleId: KUSTOMIZE_ERROR, file: at.file, region: at.region, message: read.failure }] };
  const parsed = parseManifest(file, read.text);
  const documents = parsed.objects.map(
    (object): ResourceDocument => ({ kind: object.kind, name: object.name, namespace: object.namespace, file, docIndex: object.origin.docIndex, object }),
  );
  return { documents, problems: parsed.problems };
}

function readSettings(context: LayerContext): void {
  const { layer, yaml } = context;
  layer.namePrefix = settingAt(yaml, yaml.value, [], "namePrefix");
  layer.nameSuffix = settingAt(yaml, yaml.value, [], "nameSuffix");
  layer.namespace = settingAt(yaml, yaml.value, [], "namespace");
}

function readImages(context: LayerContext): void {
  const { yaml } = context;
  for (const { item, index } of itemsAt(yaml.value, "images")) {
    const name = isRecord(item) ? stringOf(item.name) : undefined;
    if (name === undefined) continue;
    const at = ["images", index];
    context.layer.images.push({
      name,
      newName: settingAt(yaml, item, at, "newName"),
      newTag: settingAt(yaml, item, at, "newTag"),
      digest: settingAt(yaml, item, at, "digest"),
      region: yaml.firstKeyRegionAt(at),
    });
  }
}

/** The region of a list entry's `name:`, or of its first key. */
function nameRegion(yaml: KustomizeYaml, item: Record<string, unknown>, at: Path): Region {
  return Object.hasOwn(item, "name") ? yaml.regionAt([...at, "name"]) : yaml.firstKeyRegionAt(at);
}

function readHelmCharts(context: LayerContext): void {
  const { yaml } = context;
  for (const { item, index } of itemsAt(yaml.value, "helmCharts")) {
    const name = isRecord(item) ? stringOf(item.name) : undefined;
    if (name === undefined || !isRecord(item)) continue;
    context.layer.helmCharts.push({ name, releaseName: stringOf(item.releaseName), region: nameRegion(yaml, item, ["helmCharts", index]) });
  }
}

function disablesHash(options: unknown): boolean {
  return isRecord(options) && options.disableNameSuffixHash === true;
}

const GENERATOR_KINDS = [
  ["configMapGenerator", "ConfigMap"],
  ["secretGenerator", "Secret"],
] as const;

function readGenerators(context: LayerContext): void {
  const { yaml } = context;
  const layerDisablesHash = disablesHash(isRecord(yaml.value) ? yaml.value.generatorOptions : undefined);
  for (const [field, kind] of GENERATOR_KINDS) {
    for (const { item, index } of itemsAt(yaml.value, field)) {
      const name = isRecord(item) ? stringOf(item.name) : undefined;
      if (name === undefined || !isRecord(item)) continue;
      const at = [field, index];
      const literals = new Map<string, Region>();
      for (const literal of itemsAt(item, "literals")) {
        const text = stringOf(literal.item);
        const equals = text?.indexOf("=") ?? -1;
        if (text !== undefined && equals > 0) literals.set(text.slice(0, equals).trim(), yaml.regionAt([...at, "literals", literal.index]));
      }
      const generator: GeneratorEntry = { kind, name, hashSuffix: !layerDisablesHash && !disablesHash(item.options), literals, region: nameRegion(yaml, item, at) };
      context.layer.generators.push(generator);
    }
  }
}

/** The string at `key` of a mapping, if it is one. */
function stringAt(parent: unknown, key: string): string | undefined {
  return isRecord(parent) ? stringOf(parent[key]) : undefined;
}

/** The strings of the list at `key` of a mapping. */
function stringsAt(parent: unknown, key: string): Array<string | undefined> {
  return itemsAt(parent, key).map(({ item }) => stringOf(item));
}

/**
 * Files named by the fields that neither list resources nor patch them. Kustomize reports the missing
 * ones when it builds; they are recorded so that they count as used, not as stray files of the tree.
 */
function readOtherInputs(context: LayerContext): void {
  const root = context.yaml.value;
  const entries: Array<string | undefined> = [];
  for (const field of ["crds", "configurations", "transformers", "generators", "validators"]) entries.push(...stringsAt(root, field));
  for (const [field] of GENERATOR_KINDS) {
    for (const { item } of itemsAt(root, field)) {
      // A `files` entry may name its key: `key=path`.
      entries.push(...stringsAt(item, "files").map((file) => file?.replace(/^[^=]*=/, "")));
      entries.push(...stringsAt(item, "envs"), stringAt(item, "env"));
    }
  }
  for (const { item } of itemsAt(root, "replacements")) entries.push(stringAt(item, "path"));
  for (const { item } of itemsAt(root, "helmCharts")) entries.push(stringAt(item, "valuesFile"), ...stringsAt(item, "additionalValuesFiles"));
  entries.push(stringAt(isRecord(root) ? root.openapi : undefined, "path"));
  for (const entry of entries) {
    if (entry === undefined || isRemoteReference(entry)) continue;
    const file = path.join(context.layer.dir, entry);
    if (isFile(file)) context.layer.inputs.push(file);
    else if (isDirectory(file)) context.layer.inputDirs.push(file);
  }
}
