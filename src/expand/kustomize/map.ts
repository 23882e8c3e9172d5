import { isRecord, recordOf, valueAtPath } from "../../core/json.js";
import { FILE_START, type ObjectIdentity, type Path } from "../../core/types.js";
import { imageOverride, isImagePath } from "./images.js";
import { effectsOf, layerUses, namesThrough, namespacesThrough, type LayerUse } from "./layer-uses.js";
import { followPath } from "./merge-path.js";
import { removalFromContainers, scanPatches, type Candidate } from "./patch-candidates.js";
import type { Identity } from "./patch-target.js";
import type { BuiltObject, GeneratorEntry, HelmChartEntry, KustomizationLayer, KustomizationTree, ResourceDocument, SourceLocation, SourceMapper } from "./model.js";

/** The resource document a built object comes from, through one use of its layer. */
interface ResourceOrigin {
  document: ResourceDocument;
  use: LayerUse;
  /** The object's names, from the file's to the built one. */
  names: string[];
  namespaces: string[];
}

/** A resource that takes a name somewhere on its way to the build, and whether that is its built name. */
interface NamedOrigin {
  origin: ResourceOrigin;
  final: boolean;
}

interface GeneratedOrigin {
  generator: GeneratorEntry;
  file: string;
  /** The built name, before any hash suffix. */
  name: string;
}

/** The tree's sources, indexed once per tree. */
interface SourceIndex {
  /** Resources by kind and each name they take. */
  byName: Map<string, NamedOrigin[]>;
  generated: GeneratedOrigin[];
  charts: Array<{ chart: HelmChartEntry; file: string }>;
}

function nameKey(kind: string, name: string): string {
  return `${kind}\u0000${name}`;
}

function indexSources(uses: readonly LayerUse[]): SourceIndex {
  const index: SourceIndex = { byName: new Map(), generated: [], charts: [] };
  for (const use of uses) {
    for (const document of use.layer.resources) {
      const names = namesThrough(document.kind, document.name, use);
      const origin: ResourceOrigin = { document, use, names, namespaces: namespacesThrough(document.namespace, use) };
      for (const name of new Set(names)) {
        const key = nameKey(document.kind, name);
        const list = index.byName.get(key) ?? [];
        list.push({ origin, final: name === names[names.length - 1] });
        index.byName.set(key, list);
      }
    }
    for (const generator of use.layer.generators) {
      const names = namesThrough(generator.kind, generator.name, use);
      index.generated.push({ generator, file: use.layer.file, name: names[names.length - 1] });
    }
    for (const chart of use.layer.helmCharts) index.charts.push({ chart, file: use.layer.file });
  }
  return index;
}

/** The resource that best explains a built object: one whose built name it has, then one in its namespace. */
function bestOrigin(index: SourceIndex, object: BuiltObject): ResourceOrigin | undefined {
  const score = (match: NamedOrigin): number =>
    (match.final ? 2 : 0) + (object.namespace !== undefined && match.origin.namespaces.at(-1) === object.namespace ? 1 : 0);
  let best: NamedOrigin | undefined;
  for (const match of index.byName.get(nameKey(object.kind, object.name)) ?? []) if (!best || score(match) > score(best)) best = match;
  return best?.origin;
}

/** The generator whose built name (with its hash suffix, unless disabled) the object has. */
function generatedOrigin(index: SourceIndex, object: BuiltObject): GeneratedOrigin | undefined {
  return index.generated.find(
    ({ generator, name }) =>
      generator.kind === object.kind &&
      (object.name === name || (generator.hashSuffix && object.name.startsWith(`${name}-`) && /^[a-z0-9]{10}$/.test(object.name.slice(name.length + 1)))),
  );
}

function identityOf(object: BuiltObject): ObjectIdentity {
  const { apiVersion, kind, name, namespace } = object;
  return namespace === undefined ? { apiVersion, kind, name } : { apiVersion, kind, name, namespace };
}

/** A generated object's field: the literal that sets it, else the generator entry. */
function generatedLocation(object: BuiltObject, found: GeneratedOrigin, fieldPath: Path): SourceLocation {
  const [field, key] = fieldPath;
  const literal = (field === "data" || field === "stringData") && typeof key === "string" ? found.generator.literals.get(key) : undefined;
  const generator = found.generator.kind === "Secret" ? "secretGenerator" : "configMapGenerator";
  return { file: found.file, region: literal ?? found.generator.region, provenance: { kind: "generator", object: identityOf(object), generator, name: found.generator.name } };
}

/** An object rendered from a `helmCharts:` entry: the entry its labels name, else the first. */
function chartLocation(charts: SourceIndex["charts"], object: BuiltObject): SourceLocation | undefined {
  if (charts.length === 0) return undefined;
  const labels = recordOf(recordOf(recordOf(object.body).metadata).labels);
  const chartLabel = typeof labels["helm.sh/chart"] === "string" ? labels["helm.sh/chart"] : "";
  const found = charts.find(({ chart }) => chartLabel.startsWith(`${chart.name}-`) || labels["app.kubernetes.io/instance"] === chart.releaseName) ?? charts[0];
  return { file: found.file, region: found.chart.region, provenance: { kind: "helm-charts-entry", object: identityOf(object), chart: found.chart.name } };
}

/** What patch targets are matched against: the object with every name and namespace it took on its way. */
function patchIdentity(object: BuiltObject, origin: ResourceOrigin): Identity {
  const metadata = recordOf(recordOf(object.body).metadata);
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/", 2) : ["", object.apiVersion];
  return {
    group,
    version,
    kind: object.kind,
    names: new Set([...origin.names, object.name]),
    namespaces: new Set([...origin.namespaces, ...(object.namespace ? [object.namespace] : [])]),
    labels: recordOf(metadata.labels),
    annotations: recordOf(metadata.annotations),
  };
}

/** What the resource file itself contributes to the field. */
function resourceCandidate(resource: ResourceDocument, body: unknown, fieldPath: Path): Candidate {
  const followed = followPath(body, resource.object.body, fieldPath);
  return {
    file: resource.file,
    region: resource.object.locate(followed.path).region,
    depth: followed.depth,
    decisive: followed.depth === fieldPath.length,
    value: followed.value,
  };
}

/** The `namespace:` setting of the layer that gave the object its namespace. */
function namespaceSetting(effects: readonly KustomizationLayer[], namespace: string | undefined): SourceLocation | undefined {
  const layer = effects.find((candidate) => candidate.namespace?.value === namespace);
  return layer?.namespace && { file: layer.file, region: layer.namespace.region, provenance: { kind: "kustomization-namespace" } };
}

/**
 * A field of an object from a resource file: the patch that sets it outright, else whichever of the
 * patches and the resource holds most of its path; then an `images:` entry or a `namespace:` setting
 * applied after that source, when the field is an image or the namespace.
 */
function locateInResource(object: BuiltObject, origin: ResourceOrigin, fieldPath: Path): SourceLocation {
  const body = object.body;
  const effects = effectsOf(origin.use);
  const identity = patchIdentity(object, origin);
  const { decisive, best, layersScanned } = scanPatches(effects, identity, body, fieldPath);
  if (!decisive) {
    const removal = removalFromContainers(effects, identity, origin.document, body, fieldPath);
    if (removal) return removal;
  }
  const fromResource = resourceCandidate(origin.document, body, fieldPath);
  const source = decisive ?? (best && best.depth > fromResource.depth ? best : fromResource);
  if (isImagePath(body, fieldPath)) {
    // Only the images: entries of the decisive patch's layer and of layers applied after it act on the image it set.
    const imageLayers = effects.slice(0, layersScanned).filter((layer) => layer.images.length > 0);
    const override = imageOverride(imageLayers, source.value, valueAtPath(body, fieldPath) as string);
    if (override) return override;
  }
  if (!decisive && fieldPath.length === 2 && fieldPath[0] === "metadata" && fieldPath[1] === "namespace") {
    const setting = namespaceSetting(effects, object.namespace);
    if (setting) return setting;
  }
  return { file: source.file, region: source.region };
}

/** Builds the mapper for one tree: indexes its resources by kind and name once. */
export function createSourceMapper(tree: KustomizationTree): SourceMapper {
  const { root, uses } = layerUses(tree);
  const rootFile = root?.layer.file ?? tree.root;
  const index = indexSources(uses);
  const origins = new WeakMap<object, ResourceOrigin | null>();
  const originOf = (object: BuiltObject): ResourceOrigin | undefined => {
    if (!isRecord(object.body)) return bestOrigin(index, object);
    const cached = origins.get(object.body);
    if (cached !== undefined) return cached ?? undefined;
    const found = bestOrigin(index, object);
    origins.set(object.body, found ?? null);
    return found;
  };
  return {
    locateSource(object, fieldPath) {
      const origin = originOf(object);
      if (origin) return locateInResource(object, origin, fieldPath);
      const generated = generatedOrigin(index, object);
      if (generated) return generatedLocation(object, generated, fieldPath);
      return chartLocation(index.charts, object) ?? { file: rootFile, region: FILE_START, provenance: { kind: "kustomization-only", object: identityOf(object) } };
    },
    originOf(object) {
      const origin = originOf(object);
      if (origin) return { file: origin.document.file, docIndex: origin.document.docIndex };
      const generated = generatedOrigin(index, object);
      return generated ? { file: generated.file, docIndex: 0 } : undefined;
    },
  };
}
