import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { isMap, isScalar, type Node, type Scalar } from "yaml";
import { parseManifest } from "../../manifest/parse.js";
import { FILE_START, type InputProblem, type JsonObject, type K8sObject, type Path, type Region } from "../../core/types.js";
import { firstKeyRegion, inlineText, itemsOf, locateInNode, nodeRegion, pairOf, pairRegion, parseYamlText, regionIn, stringOf, valueOf, type RegionMap, type YamlText } from "./yaml-text.js";
import { KUSTOMIZE_ERROR, PARSE_ERROR } from "../../core/diagnostics.js";
import { KUSTOMIZATION_FILE_NAMES } from "../../core/file-names.js";

/** A setting in a kustomization file and where it is written. */
export interface Setting<T = string> {
  value: T;
  region: Region;
}

/** One YAML document of a resource file a kustomization lists. */
export interface ResourceDocument {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  file: string;
  docIndex: number;
  /** The parsed document: body and positions. */
  object: K8sObject;
}

/** Which objects a patch applies to (`target:`); name, kind and namespace are regular expressions, as in Kustomize. */
export interface PatchTarget {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

/** One document of a strategic-merge patch. */
export interface StrategicMergeDocument {
  kind: string;
  name: string;
  namespace?: string;
  body: JsonObject;
  /** Region of the node at `path` (or the deepest that exists), in the file that holds the patch. */
  locate(path: Path): Region;
}

/** One operation of a JSON 6902 patch. */
export interface JsonPatchOperation {
  op: string;
  /** The operation's `path`, split into unescaped segments. */
  path: string[];
  value?: unknown;
  /** Region of the `path:` entry. */
  pathRegion: Region;
  /** Region of the node at `["value", ...path]` (or the deepest that exists). */
  locateValue(path: Path): Region;
}

interface PatchCommon {
  /** The file a person edits: the patch file, or the kustomization file for an inline patch. */
  file: string;
  inline: boolean;
  target?: PatchTarget;
  /** Which kustomization field lists it. */
  field: "patches" | "patchesStrategicMerge" | "patchesJson6902";
  /** The entry in the kustomization file. */
  region: Region;
}

export interface StrategicMergePatch extends PatchCommon {
  type: "strategic-merge";
  documents: StrategicMergeDocument[];
}

export interface JsonPatch extends PatchCommon {
  type: "json6902";
  operations: JsonPatchOperation[];
}

export type KustomizePatch = StrategicMergePatch | JsonPatch;

/** An `images:` entry. */
export interface ImageOverride {
  name: string;
  newName?: Setting;
  newTag?: Setting;
  digest?: Setting;
  /** The entry's first line. */
  region: Region;
}

export interface HelmChartEntry {
  name: string;
  repo?: string;
  version?: string;
  releaseName?: string;
  region: Region;
}

/** A `configMapGenerator` or `secretGenerator` entry. */
export interface GeneratorEntry {
  kind: "ConfigMap" | "Secret";
  name: string;
  namespace?: string;
  /** Kustomize appends a content hash to the name unless told not to. */
  hashSuffix: boolean;
  /** `KEY=value` literals, by key. */
  literals: Map<string, Region>;
  region: Region;
}

/** A resource that lives outside the tree (URL, git reference): noted, never fetched. */
export interface RemoteReference {
  file: string;
  reference: string;
  region: Region;
}

/** A reference from one kustomization to another folder, and where it is written. */
export interface LayerReference {
  /** Folder path as built from the referencing folder (relative in, relative out). */
  dir: string;
  region: Region;
}

/** One kustomization file and what it contributes. */
export interface KustomizationLayer {
  dir: string;
  file: string;
  kind: "Kustomization" | "Component";
  /** Folders listed in `resources` or `bases`, in order. */
  bases: LayerReference[];
  components: LayerReference[];
  /** Documents of the files listed in `resources`. */
  resources: ResourceDocument[];
  /** In the order Kustomize applies them: `patchesStrategicMerge`, `patches`, `patchesJson6902`. */
  patches: KustomizePatch[];
  images: ImageOverride[];
  namePrefix?: Setting;
  nameSuffix?: Setting;
  namespace?: Setting;
  helmCharts: HelmChartEntry[];
  generators: GeneratorEntry[];
  /** Other local files it reads: generator sources, CRDs, transformer configurations, replacements, Helm values. */
  inputs: string[];
  remote: RemoteReference[];
}

export interface KustomizationTree {
  /** The root folder as given. */
  root: string;
  /** Every kustomization reached from the root, keyed by absolute folder path. */
  layers: Map<string, KustomizationLayer>;
  /**
   * Missing files and folders (at the kustomization line that names them), reference cycles, and
   * YAML errors in the files read. `kustomize build` fails on the same inputs, less precisely.
   */
  problems: InputProblem[];
  /** Remote resources of every layer. */
  remote: RemoteReference[];
}

/** The kustomization file in `dir`, if it has one. */
export function findKustomizationFile(dir: string): string | undefined {
  for (const name of KUSTOMIZATION_FILE_NAMES) {
    const file = path.join(dir, name);
    if (isFile(file)) return file;
  }
  return undefined;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** URLs, `git@` and `github.com/…` style references, and anything with a `?ref=`: Kustomize fetches these. */
export function isRemoteReference(reference: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(reference) ||
    /^git@/.test(reference) ||
    /^(github\.com|gitlab\.com|bitbucket\.org)\//i.test(reference) ||
    /[?&](ref|version|submodules|timeout)=/.test(reference)
  );
}

/** Local folders a kustomization file names in `resources`, `bases` and `components` (for finding roots without reading resources). */
export function referencedFolders(dir: string): string[] {
  const file = findKustomizationFile(dir);
  if (!file) return [];
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  const root = parseYamlText(text).doc.contents;
  const folders: string[] = [];
  for (const field of ["resources", "bases", "components"]) {
    for (const item of itemsOf(valueOf(root, field))) {
      const entry = stringOf(item);
      if (entry === undefined || isRemoteReference(entry)) continue;
      const target = path.join(dir, entry);
      if (isDirectory(target)) folders.push(target);
    }
  }
  return folders;
}

/**
 * Parsed resource files by absolute path. Pass one cache to every tree of a run: overlays that share
 * a base then parse its files once.
 */
export type ResourceFileCache = Map<string, { documents: ResourceDocument[]; problems: InputProblem[] }>;

interface ReadState {
  layers: Map<string, KustomizationLayer>;
  problems: InputProblem[];
  remote: RemoteReference[];
  manifests: ResourceFileCache;
  /** Files whose problems this tree already reports. */
  reported: Set<string>;
  /** Absolute folders being read, to detect cycles. */
  reading: Set<string>;
}

/** Reads the kustomization in `dir` and, recursively, every local kustomization it builds on. */
export function readKustomizationTree(dir: string, cache: ResourceFileCache = new Map()): KustomizationTree {
  const state: ReadState = { layers: new Map(), problems: [], remote: [], manifests: cache, reported: new Set(), reading: new Set() };
  readLayer(dir, state);
  return { root: dir, layers: state.layers, problems: state.problems, remote: state.remote };
}

function problem(state: ReadState, file: string, region: Region, message: string, ruleId = KUSTOMIZE_ERROR): void {
  state.problems.push({ ruleId, file, region, message });
}

function readText(file: string, state: ReadState, at?: { file: string; region: Region }): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    problem(state, at?.file ?? file, at?.region ?? FILE_START, `Cannot read ${file} (${reason}).`);
    return undefined;
  }
}

function readLayer(dir: string, state: ReadState): KustomizationLayer | undefined {
  const key = path.resolve(dir);
  const known = state.layers.get(key);
  if (known) return known;
  const file = findKustomizationFile(dir);
  if (!file) return undefined;
  const text = readText(file, state);
  if (text === undefined) return undefined;
  const yamlText = parseYamlText(text);
  for (const error of yamlText.doc.errors) {
    problem(state, file, regionIn(yamlText, error.pos[0], error.pos[1]), `Invalid YAML in ${path.basename(file)}: ${error.message.split("\n")[0]}`, PARSE_ERROR);
  }
  const root = yamlText.doc.contents;
  const layer: KustomizationLayer = {
    dir,
    file,
    kind: stringOf(valueOf(root, "kind")) === "Component" ? "Component" : "Kustomization",
    bases: [],
    components: [],
    resources: [],
    patches: [],
    images: [],
    helmCharts: [],
    generators: [],
    inputs: [],
    remote: [],
  };
  state.layers.set(key, layer);
  state.reading.add(key);
  const context: LayerContext = { layer, yamlText, state };
  for (const field of ["resources", "bases"] as const) readResources(context, field);
  readComponents(context);
  readSettings(context);
  readStrategicMergePatches(context);
  readPatches(context);
  readJsonPatches(context);
  readImages(context);
  readHelmCharts(context);
  readGenerators(context);
  readOtherInputs(context);
  state.reading.delete(key);
  return layer;
}

interface LayerContext {
  layer: KustomizationLayer;
  yamlText: YamlText;
  state: ReadState;
}

function rootOf(context: LayerContext): Node | null {
  return context.yamlText.doc.contents;
}

function fieldItems(context: LayerContext, field: string): Node[] {
  return itemsOf(valueOf(rootOf(context), field));
}

/** A referenced folder, read as a layer; a problem when it has no kustomization or forms a cycle. */
function readReferencedLayer(context: LayerContext, target: string, entry: string, region: Region, field: string): KustomizationLayer | undefined {
  const { layer, state } = context;
  if (state.reading.has(path.resolve(target))) {
    problem(state, layer.file, region, `${field} entry "${entry}" refers back to a kustomization that includes this one (a cycle).`);
    return undefined;
  }
  if (!findKustomizationFile(target)) {
    problem(state, layer.file, region, `${field} entry "${entry}" is a folder without kustomization.yaml, kustomization.yml or Kustomization.`);
    return undefined;
  }
  return readLayer(target, state);
}

function noteRemote(context: LayerContext, reference: string, region: Region): void {
  const remote = { file: context.layer.file, reference, region };
  context.layer.remote.push(remote);
  context.state.remote.push(remote);
}

/**
 * The local entries of a list of paths (`resources`, `bases`, `components`): each with its region and
 * the path it names. Remote references are noted, and entries that are not strings passed over.
 */
function* localEntries(context: LayerContext, field: "resources" | "bases" | "components"): Generator<{ entry: string; region: Region; target: string }> {
  for (const item of fieldItems(context, field)) {
    const entry = stringOf(item);
    if (entry === undefined) continue;
    const region = nodeRegion(context.yamlText, item);
    if (isRemoteReference(entry)) noteRemote(context, entry, region);
    else yield { entry, region, target: path.join(context.layer.dir, entry) };
  }
}

function readResources(context: LayerContext, field: "resources" | "bases"): void {
  const { layer, state } = context;
  for (const { entry, region, target } of localEntries(context, field)) {
    if (isDirectory(target)) {
      if (readReferencedLayer(context, target, entry, region, field)) layer.bases.push({ dir: target, region });
    } else if (isFile(target)) {
      layer.resources.push(...readManifestFile(target, state, { file: layer.file, region }));
    } else {
      problem(state, layer.file, region, `${field} entry "${entry}" does not exist.`);
    }
  }
}

function readComponents(context: LayerContext): void {
  const { layer, state } = context;
  for (const { entry, region, target } of localEntries(context, "components")) {
    if (!isDirectory(target)) {
      problem(state, layer.file, region, `components entry "${entry}" does not exist or is not a folder.`);
    } else if (readReferencedLayer(context, target, entry, region, "components")) {
      layer.components.push({ dir: target, region });
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
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return { documents: [], problems: [{ ruleId: KUSTOMIZE_ERROR, file: at.file, region: at.region, message: `Cannot read ${file} (${reason}).` }] };
  }
  const parsed = parseManifest(file, text);
  const documents = parsed.objects.map(
    (object): ResourceDocument => ({
      apiVersion: object.apiVersion,
      kind: object.kind,
      name: object.name,
      namespace: object.namespace,
      file,
      docIndex: object.origin.docIndex,
      object,
    }),
  );
  return { documents, problems: parsed.problems };
}

function setting(context: LayerContext, field: string): Setting | undefined {
  const pair = pairOf(rootOf(context), field);
  const value = stringOf(pair?.value);
  return pair && value !== undefined ? { value, region: pairRegion(context.yamlText, pair) } : undefined;
}

function readSettings(context: LayerContext): void {
  context.layer.namePrefix = setting(context, "namePrefix");
  context.layer.nameSuffix = setting(context, "nameSuffix");
  context.layer.namespace = setting(context, "namespace");
}

function readTarget(node: Node | undefined): PatchTarget | undefined {
  if (!isMap(node)) return undefined;
  const target: PatchTarget = {};
  for (const key of ["group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector"] as const) {
    const value = stringOf(valueOf(node, key));
    if (value !== undefined) target[key] = value;
  }
  return target;
}

/** Patch text from a file (`path:`) or written inline (`patch:`), with where its regions land. */
interface PatchSource {
  file: string;
  text: string;
  inline: boolean;
  toFile?: RegionMap;
}

function patchFromFile(context: LayerContext, entry: string, region: Region, field: string): PatchSource | undefined {
  const { layer, state } = context;
  const file = path.join(layer.dir, entry);
  if (!isFile(file)) {
    problem(state, layer.file, region, `${field} entry "${entry}" does not exist.`);
    return undefined;
  }
  const text = readText(file, state, { file: layer.file, region });
  return text === undefined ? undefined : { file, text, inline: false };
}

function inlinePatch(context: LayerContext, node: Scalar): PatchSource {
  const { text, toFile } = inlineText(context.yamlText, node);
  return { file: context.layer.file, text, inline: true, toFile };
}

function readStrategicMergePatches(context: LayerContext): void {
  for (const item of fieldItems(context, "patchesStrategicMerge")) {
    const entry = stringOf(item);
    if (entry === undefined || !isScalar(item)) continue;
    const region = nodeRegion(context.yamlText, item);
    // Kustomize reads an entry as a file name first and as an inline patch when that fails.
    const looksInline = entry.includes("\n") || (!isFile(path.join(context.layer.dir, entry)) && /:\s/.test(entry));
    const source = looksInline ? inlinePatch(context, item) : patchFromFile(context, entry, region, "patchesStrategicMerge");
    if (source) addPatch(context, source, { field: "patchesStrategicMerge", region });
  }
}

function readPatches(context: LayerContext): void {
  for (const item of fieldItems(context, "patches")) {
    readPatchEntry(context, item, "patches");
  }
}

function readJsonPatches(context: LayerContext): void {
  const root = rootOf(context);
  // Kustomize also accepts the spelling patchesJSON6902.
  const field = pairOf(root, "patchesJson6902") ? "patchesJson6902" : "patchesJSON6902";
  for (const item of fieldItems(context, field)) readPatchEntry(context, item, "patchesJson6902", field);
}

function readPatchEntry(context: LayerContext, item: Node, field: "patches" | "patchesJson6902", written: string = field): void {
  if (!isMap(item)) return;
  const region = firstKeyRegion(context.yamlText, item);
  const target = readTarget(valueOf(item, "target"));
  const pathPair = pairOf(item, "path");
  const patchNode = valueOf(item, "patch");
  const entry = stringOf(pathPair?.value);
  let source: PatchSource | undefined;
  if (entry !== undefined && pathPair) source = patchFromFile(context, entry, pairRegion(context.yamlText, pathPair), written);
  else if (isScalar(patchNode)) source = inlinePatch(context, patchNode);
  if (source) addPatch(context, source, { field, region, target });
}

function addPatch(context: LayerContext, source: PatchSource, common: { field: KustomizePatch["field"]; region: Region; target?: PatchTarget }): void {
  const shared = { ...common, file: source.file, inline: source.inline };
  const toFile = source.toFile ?? ((region: Region) => region);
  if (common.field === "patchesJson6902" || isOperationList(source.text)) {
    const yamlText = parseYamlText(source.text, toFile);
    for (const error of yamlText.doc.errors) {
      problem(context.state, source.file, regionIn(yamlText, error.pos[0], error.pos[1]), `Invalid JSON 6902 patch: ${error.message.split("\n")[0]}`, PARSE_ERROR);
    }
    context.layer.patches.push({ ...shared, type: "json6902", operations: readOperations(yamlText, yamlText.doc.contents) });
    return;
  }
  const parsed = parseManifest(source.file, source.text);
  for (const found of parsed.problems) context.state.problems.push({ ...found, region: toFile(found.region) });
  const documents = parsed.objects.map(
    (object): StrategicMergeDocument => ({
      kind: object.kind,
      name: object.name,
      namespace: object.namespace,
      body: object.body,
      locate: (path) => toFile(regionOfPath(object, path)),
    }),
  );
  context.layer.patches.push({ ...shared, type: "strategic-merge", documents });
}

/** A JSON 6902 patch is a list (`- op: …` or `[{"op": …}]`); a strategic-merge patch is a mapping. */
function isOperationList(text: string): boolean {
  const first = text.split("\n").find((line) => line.trim() !== "" && !/^\s*#/.test(line) && !/^---\s*$/.test(line));
  return first !== undefined && /^\s*(-(\s|$)|\[)/.test(first);
}

/** The region of a field of a parsed resource or patch document. */
export function regionOfPath(object: K8sObject, path: Path): Region {
  return object.locate(path).region;
}

/** Splits a JSON pointer (`/spec/containers/0/name`) into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === "" || pointer === "/") return [];
  return pointer
    .replace(/^\//, "")
    .split("/")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function readOperations(yamlText: YamlText, root: Node | null): JsonPatchOperation[] {
  const operations: JsonPatchOperation[] = [];
  for (const item of itemsOf(root)) {
    const op = stringOf(valueOf(item, "op"));
    const pathPair = pairOf(item, "path");
    const pointer = stringOf(pathPair?.value);
    if (op === undefined || pointer === undefined || !pathPair) continue;
    const valueNode = valueOf(item, "value");
    operations.push({
      op,
      path: pointerSegments(pointer),
      value: valueNode ? valueNode.toJSON() : undefined,
      pathRegion: pairRegion(yamlText, pathPair),
      locateValue: (valuePath) => locateInNode(yamlText, item, ["value", ...valuePath]),
    });
  }
  return operations;
}

function readImages(context: LayerContext): void {
  for (const item of fieldItems(context, "images")) {
    const name = stringOf(valueOf(item, "name"));
    if (name === undefined) continue;
    const settingOf = (key: string): Setting | undefined => {
      const pair = pairOf(item, key);
      const value = stringOf(pair?.value);
      return pair && value !== undefined ? { value, region: pairRegion(context.yamlText, pair) } : undefined;
    };
    context.layer.images.push({
      name,
      newName: settingOf("newName"),
      newTag: settingOf("newTag"),
      digest: settingOf("digest"),
      region: firstKeyRegion(context.yamlText, item),
    });
  }
}

function readHelmCharts(context: LayerContext): void {
  for (const item of fieldItems(context, "helmCharts")) {
    const name = stringOf(valueOf(item, "name"));
    if (name === undefined) continue;
    const namePair = pairOf(item, "name");
    context.layer.helmCharts.push({
      name,
      repo: stringOf(valueOf(item, "repo")),
      version: stringOf(valueOf(item, "version")),
      releaseName: stringOf(valueOf(item, "releaseName")),
      region: namePair ? pairRegion(context.yamlText, namePair) : firstKeyRegion(context.yamlText, item),
    });
  }
}

function disablesHash(node: Node | undefined): boolean {
  const value = valueOf(node, "disableNameSuffixHash");
  return isScalar(value) && value.value === true;
}

function readGenerators(context: LayerContext): void {
  const layerDisablesHash = disablesHash(valueOf(rootOf(context), "generatorOptions"));
  for (const [field, kind] of [
    ["configMapGenerator", "ConfigMap"],
    ["secretGenerator", "Secret"],
  ] as const) {
    for (const item of fieldItems(context, field)) {
      const name = stringOf(valueOf(item, "name"));
      if (name === undefined) continue;
      const literals = new Map<string, Region>();
      for (const literal of itemsOf(valueOf(item, "literals"))) {
        const text = stringOf(literal);
        const equals = text?.indexOf("=") ?? -1;
        if (text !== undefined && equals > 0) literals.set(text.slice(0, equals).trim(), nodeRegion(context.yamlText, literal));
      }
      const namePair = pairOf(item, "name");
      context.layer.generators.push({
        kind,
        name,
        namespace: stringOf(valueOf(item, "namespace")),
        hashSuffix: !layerDisablesHash && !disablesHash(valueOf(item, "options")),
        literals,
        region: namePair ? pairRegion(context.yamlText, namePair) : firstKeyRegion(context.yamlText, item),
      });
    }
  }
}

/**
 * Files named by the fields that neither list resources nor patch them. Kustomize reports the missing
 * ones when it builds; they are recorded so that they count as used, not as stray files of the tree.
 */
function readOtherInputs(context: LayerContext): void {
  const root = rootOf(context);
  const entries: Array<string | undefined> = [];
  for (const field of ["crds", "configurations", "transformers", "generators", "validators"]) {
    for (const item of fieldItems(context, field)) entries.push(stringOf(item));
  }
  for (const field of ["configMapGenerator", "secretGenerator"]) {
    for (const item of fieldItems(context, field)) {
      // A `files` entry may name its key: `key=path`.
      for (const file of itemsOf(valueOf(item, "files"))) entries.push(stringOf(file)?.replace(/^[^=]*=/, ""));
      for (const env of itemsOf(valueOf(item, "envs"))) entries.push(stringOf(env));
      entries.push(stringOf(valueOf(item, "env")));
    }
  }
  for (const item of fieldItems(context, "replacements")) entries.push(stringOf(valueOf(item, "path")));
  for (const item of fieldItems(context, "helmCharts")) {
    entries.push(stringOf(valueOf(item, "valuesFile")));
    for (const file of itemsOf(valueOf(item, "additionalValuesFiles"))) entries.push(stringOf(file));
  }
  entries.push(stringOf(valueOf(valueOf(root, "openapi"), "path")));
  for (const entry of entries) {
    if (entry === undefined || isRemoteReference(entry)) continue;
    const file = path.join(context.layer.dir, entry);
    if (isFile(file)) context.layer.inputs.push(file);
  }
}
