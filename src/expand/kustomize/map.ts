import path from "node:path";
import { isRecord, recordOf, valueAtPath } from "../../core/json.js";
import { type ContainerList, type KustomizeProvenance, type ObjectIdentity, type Path, type Region, FILE_START } from "../../core/types.js";
import { followPath, isMergedValue, sameJson } from "./merge-path.js";
import { regionOfPath, type GeneratorEntry, type HelmChartEntry, type ImageOverride, type JsonPatchOperation, type KustomizationLayer, type KustomizationTree, type KustomizePatch, type PatchTarget, type ResourceDocument } from "./read.js";

/** An object of `kustomize build` output, as far as the mapper needs it. */
export interface BuiltObject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  body: unknown;
}

/** Where a person edits a field of a built object. */
export interface SourceLocation {
  file: string;
  region: Region;
  /** What set the field when the location alone does not tell it (an `images:` override, an object without a source file). */
  provenance?: KustomizeProvenance;
}

export interface SourceMapper {
  /** The file, line and column that set the field at `path` of a built object. */
  locateSource(object: BuiltObject, path: Path): SourceLocation;
  /** The resource file and document that define a built object, when one does. */
  originOf(object: BuiltObject): { file: string; docIndex: number } | undefined;
}

/** Kinds whose names Kustomize's namePrefix and nameSuffix leave alone. */
const UNPREFIXED_KINDS = new Set(["Namespace", "CustomResourceDefinition"]);

/** Guards against a pathological diamond of bases multiplying without end. */
const MAX_INSTANCES = 10_000;

/** One use of a layer: a base listed by two overlays is used twice, with different prefixes. */
interface LayerUse {
  layer: KustomizationLayer;
  parent?: LayerUse;
  /** Position among the parent's components, when this use is a component. */
  componentIndex?: number;
  components: LayerUse[];
  /** Layers whose transformers reach objects from this use, the last applied first (filled on demand). */
  effects?: KustomizationLayer[];
}

interface Origin {
  document: ResourceDocument;
  use: LayerUse;
  /** The object's names, from the file's to the built one. */
  names: string[];
  namespaces: string[];
}

interface GeneratedOrigin {
  generator: GeneratorEntry;
  file: string;
  name: string;
}

/** A source that contributes a field, and how much of the path it holds. */
interface Candidate {
  file: string;
  region: Region;
  depth: number;
  /** The source sets the value outright, so it wins over anything applied before it. */
  decisive: boolean;
  /** The source deletes the field or a parent of it (JSON 6902 `remove`, `key: null`, `$patch: delete` or `replace`). */
  deletes?: boolean;
  /** The value this source gives the field, when it holds the whole path. */
  value?: unknown;
}

function layerUses(tree: KustomizationTree): { root?: LayerUse; uses: LayerUse[] } {
  const uses: LayerUse[] = [];
  const use = (dir: string, parent?: LayerUse, componentIndex?: number): LayerUse | undefined => {
    const layer = tree.layers.get(path.resolve(dir));
    if (!layer || uses.length >= MAX_INSTANCES) return undefined;
    const current: LayerUse = { layer, parent, componentIndex, components: [] };
    uses.push(current);
    for (const base of layer.bases) use(base.dir, current);
    layer.components.forEach((component, index) => {
      const child = use(component.dir, current, index);
      if (child) current.components.push(child);
    });
    return current;
  };
  const root = use(tree.root);
  return { root, uses };
}

function namesThrough(kind: string, name: string, use: LayerUse): string[] {
  const names = [name];
  let current = name;
  for (let at: LayerUse | undefined = use; at; at = at.parent) {
    if (kind === "Namespace") {
      if (at.layer.namespace) current = at.layer.namespace.value;
    } else if (!UNPREFIXED_KINDS.has(kind)) {
      current = `${at.layer.namePrefix?.value ?? ""}${current}${at.layer.nameSuffix?.value ?? ""}`;
    }
    names.push(current);
  }
  return names;
}

function namespacesThrough(namespace: string | undefined, use: LayerUse): string[] {
  const namespaces = namespace === undefined ? [] : [namespace];
  for (let at: LayerUse | undefined = use; at; at = at.parent) {
    if (at.layer.namespace) namespaces.push(at.layer.namespace.value);
  }
  return namespaces;
}

/** Layers whose patches and images reach objects that come from `use`, the last applied first. */
function effectsOf(use: LayerUse): KustomizationLayer[] {
  if (use.effects) return use.effects;
  const chain: LayerUse[] = [];
  for (let at: LayerUse | undefined = use; at; at = at.parent) chain.unshift(at);
  const effects: KustomizationLayer[] = [];
  const addComponent = (component: LayerUse): void => {
    effects.push(component.layer);
    for (let i = component.components.length - 1; i >= 0; i--) addComponent(component.components[i]);
  };
  chain.forEach((at, i) => {
    // A layer's own transformers run after its components, which run after its resources.
    effects.push(at.layer);
    const child = chain[i + 1];
    const after = child?.componentIndex !== undefined ? child.componentIndex + 1 : 0;
    for (let j = at.components.length - 1; j >= after; j--) addComponent(at.components[j]);
  });
  use.effects = effects;
  return effects;
}

function identityOf(object: BuiltObject): ObjectIdentity {
  const { apiVersion, kind, name, namespace } = object;
  return namespace === undefined ? { apiVersion, kind, name } : { apiVersion, kind, name, namespace };
}

function matchesPattern(pattern: string | undefined, value: string | undefined): boolean {
  if (pattern === undefined) return true;
  if (value === undefined) return false;
  try {
    return new RegExp(`^(?:${pattern})$`).test(value);
  } catch {
    return pattern === value;
  }
}

/** Kubernetes label selector syntax: `a=b`, `a==b`, `a!=b`, `a`, `!a`, `a in (x,y)`, `a notin (x,y)`. */
export function matchesSelector(selector: string, labels: Record<string, unknown>): boolean {
  const requirements = selector.split(/,(?![^(]*\))/).map((part) => part.trim()).filter(Boolean);
  return requirements.every((requirement) => {
    const set = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(requirement);
    if (set) {
      const values = set[3].split(",").map((value) => value.trim());
      const has = typeof labels[set[1]] === "string" && values.includes(labels[set[1]] as string);
      return set[2] === "in" ? has : !has;
    }
    const compare = /^([^\s!=]+)\s*(==|=|!=)\s*(.*)$/.exec(requirement);
    if (compare) {
      const equal = labels[compare[1]] === compare[3].trim();
      return compare[2] === "!=" ? !equal : equal;
    }
    if (requirement.startsWith("!")) return !Object.hasOwn(labels, requirement.slice(1).trim());
    return Object.hasOwn(labels, requirement);
  });
}

interface Identity {
  group: string;
  version: string;
  kind: string;
  names: Set<string>;
  namespaces: Set<string>;
  labels: Record<string, unknown>;
  annotations: Record<string, unknown>;
}

function targetMatches(target: PatchTarget, identity: Identity): boolean {
  if (target.group !== undefined && target.group !== identity.group) return false;
  if (target.version !== undefined && target.version !== identity.version) return false;
  if (!matchesPattern(target.kind, identity.kind)) return false;
  if (target.name !== undefined && ![...identity.names].some((name) => matchesPattern(target.name, name))) return false;
  if (target.namespace !== undefined && ![...identity.namespaces].some((namespace) => matchesPattern(target.namespace, namespace))) return false;
  if (target.labelSelector && !matchesSelector(target.labelSelector, identity.labels)) return false;
  if (target.annotationSelector && !matchesSelector(target.annotationSelector, identity.annotations)) return false;
  return true;
}

/**
 * The field's path as JSON 6902 operations see it: operations applied later may have inserted or
 * removed list items before it, shifting its index; undefined once an insertion created the item.
 */
interface AppliedPath {
  path: Path | undefined;
}

/** What a patch contributes to the field at `path` of the built object, the last applied part first. */
function patchCandidates(patch: KustomizePatch, identity: Identity, body: unknown, path: Path, applied: AppliedPath): Candidate[] {
  if (patch.target && !targetMatches(patch.target, identity)) return [];
  const candidates: Candidate[] = [];
  if (patch.type === "strategic-merge") {
    for (const document of patch.documents) {
      if (!patch.target && (document.kind !== identity.kind || !identity.names.has(document.name))) continue;
      const followed = followPath(body, document.body, path);
      const deletion = strategicDeletion(document.body, followed.path, body, path);
      if (deletion) {
        candidates.push({ file: patch.file, region: document.locate(deletion), depth: path.length, decisive: true, deletes: true });
        continue;
      }
      const complete = followed.depth === path.length;
      candidates.push({
        file: patch.file,
        region: document.locate(followed.path),
        depth: followed.depth,
        decisive: complete && !isMergedValue(followed.value),
        value: followed.value,
      });
    }
    // Later documents of one patch are applied after earlier ones.
    return candidates.reverse();
  }
  if (!patch.target) return candidates;
  for (let i = patch.operations.length - 1; i >= 0 && applied.path; i--) {
    const operation = patch.operations[i];
    const candidate = operationCandidate(operation, patch.file, body, path, applied.path);
    if (candidate) candidates.push(candidate);
    applied.path = beforeOperation(operation, applied.path);
  }
  return candidates;
}

/**
 * Where a strategic-merge document deletes the field at `path` (built coordinates) or a parent of it,
 * given the part of the path it holds (`followed`, in its own coordinates): a `key: null`, a mapping
 * with `$patch: delete`, or a `$patch: replace` mapping without the next key. Undefined when nothing
 * on the path is deleted, or the built object has the node again (a later patch put it back).
 */
function strategicDeletion(document: unknown, followed: Path, body: unknown, path: Path): Path | undefined {
  for (let depth = 1; depth <= followed.length; depth++) {
    const at = followed.slice(0, depth);
    const node = valueAtPath(document, at);
    const gone = (length: number): boolean => typeof path[length - 1] === "string" && valueAtPath(body, path.slice(0, length)) === undefined;
    if (node === null && gone(depth)) return at;
    if (!isRecord(node)) continue;
    if (node.$patch === "delete" && gone(depth)) return [...at, "$patch"];
    if (node.$patch === "replace" && depth === followed.length && depth < path.length && gone(depth + 1)) return [...at, "$patch"];
  }
  return undefined;
}

/** The path before `operation` ran: an insertion before the item lowers its index, a removal raises it. */
function beforeOperation(operation: JsonPatchOperation, path: Path): Path | undefined {
  const last = operation.path[operation.path.length - 1];
  if ((operation.op !== "add" && operation.op !== "remove") || !/^\d+$/.test(last ?? "")) return path;
  const list = operation.path.slice(0, -1);
  const index = path[list.length];
  if (typeof index !== "number" || !list.every((segment, i) => String(path[i]) === segment)) return path;
  const at = Number(last);
  if (operation.op === "remove") return index >= at ? [...path.slice(0, list.length), index + 1, ...path.slice(list.length + 1)] : path;
  if (index === at) return undefined;
  return index > at ? [...path.slice(0, list.length), index - 1, ...path.slice(list.length + 1)] : path;
}

/** A JSON 6902 operation whose `path` is the field or one of its parents (`applied` is the field's path as the operation saw it). */
function operationCandidate(operation: JsonPatchOperation, file: string, body: unknown, path: Path, applied: Path): Candidate | undefined {
  if (!["add", "replace", "copy", "move", "remove"].includes(operation.op) || operation.path.length > path.length) return undefined;
  let node = body;
  for (let i = 0; i < operation.path.length; i++) {
    const segment = operation.path[i];
    const item = valueAtPath(node, [path[i]]);
    const appended = segment === "-" && i === operation.path.length - 1 && typeof applied[i] === "number";
    if (appended ? !sameItem(item, operation.value) : String(applied[i]) !== segment) return undefined;
    node = item;
  }
  if (operation.op === "remove") {
    // A removed field explains a missing one; a removed list item leaves its index to the next item.
    return node === undefined ? { file, region: operation.pathRegion, depth: path.length, decisive: true, deletes: true } : undefined;
  }
  if (operation.op === "copy" || operation.op === "move") {
    return { file, region: operation.pathRegion, depth: path.length, decisive: true };
  }
  const remainder = path.slice(operation.path.length);
  const followed = followPath(node, operation.value, remainder);
  const depth = operation.path.length + followed.depth;
  // The `path:` line names a field set to a whole block; a scalar is best shown by its `value:` line.
  const region = remainder.length === 0 && isMergedValue(operation.value) ? operation.pathRegion : operation.locateValue(followed.path);
  // `add` and `replace` set the whole value at their path: a field below it that the built object lacks, they dropped.
  const dropped = depth < path.length && valueAtPath(node, remainder) === undefined;
  return { file, region, depth, decisive: depth === path.length || dropped, deletes: dropped, value: followed.value };
}

/** An item appended with `/-` is recognised by its content or, if later changed, by its name. */
function sameItem(item: unknown, value: unknown): boolean {
  if (sameJson(item, value)) return true;
  return isRecord(item) && isRecord(value) && typeof value.name === "string" && item.name === value.name;
}

/**
 * The patches' contributions to a field, walking the layers from the last applied back until one
 * sets it outright: that one, else the one holding most of the path, and how many layers were walked.
 */
function scanPatches(effects: KustomizationLayer[], identity: Identity, body: unknown, fieldPath: Path): { decisive?: Candidate; best?: Candidate; layersScanned: number } {
  let best: Candidate | undefined;
  const applied: AppliedPath = { path: fieldPath };
  for (let layerIndex = 0; layerIndex < effects.length; layerIndex++) {
    const patches = effects[layerIndex].patches;
    for (let i = patches.length - 1; i >= 0; i--) {
      for (const candidate of patchCandidates(patches[i], identity, body, fieldPath, applied)) {
        if (candidate.decisive) return { decisive: candidate, best, layersScanned: layerIndex + 1 };
        if (!best || candidate.depth > best.depth) best = candidate;
      }
    }
  }
  return { best, layersScanned: effects.length };
}

/** securityContext fields a container sets for itself or inherits from the pod (PodSecurityContext and SecurityContext share them). */
const INHERITED_SECURITY_FIELDS = new Set(["runAsNonRoot", "runAsUser", "runAsGroup", "seccompProfile", "appArmorProfile", "seLinuxOptions", "windowsOptions"]);

const CONTAINER_LISTS: readonly ContainerList[] = ["containers", "initContainers", "ephemeralContainers"];

/**
 * For a pod-level securityContext field that no container sets either: a patch that deleted the same
 * field from a container whose resource set it. Without that deletion the container would set it,
 * so the patch, not the pod, is what to change.
 */
function removalFromContainers(
  effects: KustomizationLayer[],
  identity: Identity,
  resource: ResourceDocument,
  body: unknown,
  fieldPath: Path,
): SourceLocation | undefined {
  const at = fieldPath.lastIndexOf("securityContext");
  if (at < 0 || valueAtPath(body, fieldPath) !== undefined) return undefined;
  const podPath = fieldPath.slice(0, at);
  const field = fieldPath.slice(at + 1);
  const pod = valueAtPath(body, podPath);
  if (!INHERITED_SECURITY_FIELDS.has(String(field[0])) || !isRecord(pod)) return undefined;
  for (const list of CONTAINER_LISTS) {
    const containers = pod[list];
    if (!Array.isArray(containers)) continue;
    for (let index = 0; index < containers.length; index++) {
      const containerPath = [...podPath, list, index, "securityContext", ...field];
      const set = followPath(body, resource.object.body, containerPath);
      if (set.depth !== containerPath.length) continue;
      const { decisive } = scanPatches(effects, identity, body, containerPath);
      if (!decisive?.deletes) continue;
      const name = recordOf(containers[index]).name;
      const provenance: KustomizeProvenance = {
        kind: "removed-by-patch",
        container: typeof name === "string" ? { list, name } : { list },
        field: field.join("."),
        ...(isScalar(set.value) ? { value: set.value } : {}),
      };
      return { file: decisive.file, region: decisive.region, provenance };
    }
  }
  return undefined;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/** Image name without tag or digest: `reg:5000/app:1.2@sha256:…` → `reg:5000/app`. */
function imageName(image: string): string {
  const withoutDigest = image.split("@")[0];
  const lastSlash = withoutDigest.lastIndexOf("/");
  const colon = withoutDigest.indexOf(":", lastSlash + 1);
  return colon === -1 ? withoutDigest : withoutDigest.slice(0, colon);
}

function imageApplies(entry: ImageOverride, image: string): boolean {
  return image === entry.name || image.startsWith(`${entry.name}:`) || image.startsWith(`${entry.name}@`);
}

function applyImage(entry: ImageOverride, image: string): string {
  const [withoutDigest, digest] = image.split("@");
  const name = imageName(withoutDigest);
  const tag = withoutDigest.slice(name.length + 1) || undefined;
  const newName = entry.newName?.value ?? name;
  if (entry.digest) return `${newName}@${entry.digest.value}`;
  if (entry.newTag) return `${newName}:${entry.newTag.value}`;
  return `${newName}${tag ? `:${tag}` : ""}${digest ? `@${digest}` : ""}`;
}

function imageLocation(entry: ImageOverride, file: string): SourceLocation {
  const setting = entry.newTag ?? entry.digest ?? entry.newName;
  const provenance: KustomizeProvenance = {
    kind: "images-entry",
    name: entry.name,
    ...(entry.newName && { newName: entry.newName.value }),
    ...(entry.newTag && { newTag: entry.newTag.value }),
    ...(entry.digest && { digest: entry.digest.value }),
  };
  return { file, region: setting?.region ?? entry.region, provenance };
}

function isImagePath(body: unknown, path: Path): boolean {
  return path[path.length - 1] === "image" && typeof valueAtPath(body, path) === "string";
}

/** Builds the mapper for one tree: indexes its resources by kind and name once. */
export function createSourceMapper(tree: KustomizationTree): SourceMapper {
  const { root, uses } = layerUses(tree);
  const rootFile = root?.layer.file ?? tree.root;
  const byName = new Map<string, Array<{ origin: Origin; final: boolean }>>();
  const generated: Array<{ generator: GeneratorEntry; file: string; name: string }> = [];
  const charts: Array<{ chart: HelmChartEntry; file: string }> = [];
  for (const use of uses) {
    for (const document of use.layer.resources) {
      const names = namesThrough(document.kind, document.name, use);
      const origin: Origin = { document, use, names, namespaces: namespacesThrough(document.namespace, use) };
      new Set(names).forEach((name) => {
        const key = `${document.kind}\u0000${name}`;
        const list = byName.get(key) ?? [];
        list.push({ origin, final: name === names[names.length - 1] });
        byName.set(key, list);
      });
    }
    for (const generator of use.layer.generators) {
      const names = namesThrough(generator.kind, generator.name, use);
      generated.push({ generator, file: use.layer.file, name: names[names.length - 1] });
    }
    for (const chart of use.layer.helmCharts) charts.push({ chart, file: use.layer.file });
  }

  const originCache = new WeakMap<object, Origin | null>();
  const findOrigin = (object: BuiltObject): Origin | undefined => {
    const key = isRecord(object.body) ? object.body : undefined;
    const cached = key ? originCache.get(key) : undefined;
    if (cached !== undefined) return cached ?? undefined;
    const matches = byName.get(`${object.kind}\u0000${object.name}`) ?? [];
    const score = (match: { origin: Origin; final: boolean }): number =>
      (match.final ? 2 : 0) + (object.namespace !== undefined && match.origin.namespaces.at(-1) === object.namespace ? 1 : 0);
    let best: { origin: Origin; final: boolean } | undefined;
    for (const match of matches) if (!best || score(match) > score(best)) best = match;
    if (key) originCache.set(key, best?.origin ?? null);
    return best?.origin;
  };

  const findGenerated = (object: BuiltObject): GeneratedOrigin | undefined =>
    generated.find(
      ({ generator, name }) =>
        generator.kind === object.kind &&
        (object.name === name || (generator.hashSuffix && object.name.startsWith(`${name}-`) && /^[a-z0-9]{10}$/.test(object.name.slice(name.length + 1)))),
    );

  const chartFor = (object: BuiltObject): SourceLocation | undefined => {
    if (charts.length === 0) return undefined;
    const labels = recordOf(recordOf(recordOf(object.body).metadata).labels);
    const chartLabel = typeof labels["helm.sh/chart"] === "string" ? labels["helm.sh/chart"] : "";
    const found =
      charts.find(({ chart }) => chartLabel.startsWith(`${chart.name}-`) || labels["app.kubernetes.io/instance"] === chart.releaseName) ?? charts[0];
    return { file: found.file, region: found.chart.region, provenance: { kind: "helm-charts-entry", object: identityOf(object), chart: found.chart.name } };
  };

  const fallback = (object: BuiltObject): SourceLocation => ({ file: rootFile, region: FILE_START, provenance: { kind: "kustomization-only", object: identityOf(object) } });

  const locateGenerated = (object: BuiltObject, found: GeneratedOrigin, fieldPath: Path): SourceLocation => {
    const [field, key] = fieldPath;
    const literal = (field === "data" || field === "stringData") && typeof key === "string" ? found.generator.literals.get(key) : undefined;
    const generator = found.generator.kind === "Secret" ? "secretGenerator" : "configMapGenerator";
    return { file: found.file, region: literal ?? found.generator.region, provenance: { kind: "generator", object: identityOf(object), generator, name: found.generator.name } };
  };

  const locateSource = (object: BuiltObject, fieldPath: Path): SourceLocation => {
    const origin = findOrigin(object);
    if (!origin) {
      const generatedOrigin = findGenerated(object);
      if (generatedOrigin) return locateGenerated(object, generatedOrigin, fieldPath);
      return chartFor(object) ?? fallback(object);
    }
    const body = object.body;
    const metadata = recordOf(recordOf(body).metadata);
    const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/", 2) : ["", object.apiVersion];
    const identity: Identity = {
      group,
      version,
      kind: object.kind,
      names: new Set([...origin.names, object.name]),
      namespaces: new Set([...origin.namespaces, ...(object.namespace ? [object.namespace] : [])]),
      labels: recordOf(metadata.labels),
      annotations: recordOf(metadata.annotations),
    };
    const effects = effectsOf(origin.use);
    const wantsImage = isImagePath(body, fieldPath);
    const { decisive, best, layersScanned } = scanPatches(effects, identity, body, fieldPath);
    if (!decisive) {
      const removal = removalFromContainers(effects, identity, origin.document, body, fieldPath);
      if (removal) return removal;
    }

    const resource = origin.document;
    const followed = followPath(body, resource.object.body, fieldPath);
    const fromResource: Candidate = {
      file: resource.file,
      region: regionOfPath(resource.object, followed.path),
      depth: followed.depth,
      decisive: followed.depth === fieldPath.length,
      value: followed.value,
    };
    const source = decisive ?? (best && best.depth > fromResource.depth ? best : fromResource);

    if (wantsImage) {
      // Only the images: entries of the decisive patch's layer and of layers applied after it act on the image it set.
      const imageLayers = effects.slice(0, layersScanned).filter((layer) => layer.images.length > 0);
      const override = imageOverride(imageLayers, source.value, valueAtPath(body, fieldPath) as string);
      if (override) return override;
    }
    if (fieldPath.length === 2 && fieldPath[0] === "metadata" && fieldPath[1] === "namespace" && !decisive) {
      const layer = effects.find((candidate) => candidate.namespace?.value === object.namespace);
      if (layer?.namespace) return { file: layer.file, region: layer.namespace.region, provenance: { kind: "kustomization-namespace" } };
    }
    return { file: source.file, region: source.region };
  };

  return {
    locateSource,
    originOf(object) {
      const origin = findOrigin(object);
      if (origin) return { file: origin.document.file, docIndex: origin.document.docIndex };
      const generatedOrigin = findGenerated(object);
      return generatedOrigin ? { file: generatedOrigin.file, docIndex: 0 } : undefined;
    },
  };
}

/**
 * The `images:` entry that last changed an image, replaying the layers' entries from the first
 * applied on `startImage` (the value the patch or resource gave); without a start value, the last
 * applied entry that produces the built image's name.
 */
function imageOverride(layers: KustomizationLayer[], startImage: unknown, builtImage: string): SourceLocation | undefined {
  if (typeof startImage === "string") {
    let image = startImage;
    let last: SourceLocation | undefined;
    for (let i = layers.length - 1; i >= 0; i--) {
      for (const entry of layers[i].images) {
        if (!imageApplies(entry, image)) continue;
        image = applyImage(entry, image);
        last = imageLocation(entry, layers[i].file);
      }
    }
    return last;
  }
  const name = imageName(builtImage);
  for (const layer of layers) {
    const entry = layer.images.find((candidate) => (candidate.newName?.value ?? candidate.name) === name);
    if (entry) return imageLocation(entry, layer.file);
  }
  return undefined;
}
