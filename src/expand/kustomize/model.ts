import type { InputProblem, JsonObject, K8sObject, KustomizeProvenance, Path, Region } from "../../core/types.js";

/** A setting in a kustomization file and where it is written. */
export interface Setting<T = string> {
  value: T;
  region: Region;
}

/** One YAML document of a resource file a kustomization lists. */
export interface ResourceDocument {
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

/** A `helmCharts:` entry, as far as telling which chart rendered an object needs it. */
export interface HelmChartEntry {
  name: string;
  releaseName?: string;
  region: Region;
}

/** A `configMapGenerator` or `secretGenerator` entry. */
export interface GeneratorEntry {
  kind: "ConfigMap" | "Secret";
  name: string;
  /** Kustomize appends a content hash to the name unless told not to. */
  hashSuffix: boolean;
  /** `KEY=value` literals, by key. */
  literals: Map<string, Region>;
  region: Region;
}

/** A resource or component that lives outside the tree (URL, git reference): reported, never fetched. */
export interface RemoteReference {
  file: string;
  /** The kustomization field that lists it. */
  field: "resources" | "bases" | "components";
  reference: string;
  region: Region;
}

/** A reference from one kustomization to another folder. */
export interface LayerReference {
  /** Folder path as built from the referencing folder (relative in, relative out). */
  dir: string;
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
  /** Kustomizations named by `transformers`, `generators` or `validators`, which Kustomize builds and reads too. */
  inputDirs: string[];
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
  /** Remote resources and components of every layer. */
  remote: RemoteReference[];
}

/**
 * Parsed resource files by absolute path. Pass one cache to every tree of a run: overlays that share
 * a base then parse its files once.
 */
export type ResourceFileCache = Map<string, { documents: ResourceDocument[]; problems: InputProblem[] }>;

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
