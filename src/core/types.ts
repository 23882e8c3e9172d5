/** One step into a JSON value: a mapping key or a list index. */
export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** A span of source text; lines and columns are 1-based, the end column is exclusive (as in SARIF). */
export interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** Where a person goes to change an object. */
export interface Origin {
  /** Display path of the file: relative to the working directory, forward slashes, or "-" for stdin. */
  file: string;
  /** Zero-based index of the YAML document in the file. */
  docIndex: number;
  /** Index in a `List` kind's `items`, when the object came from one. */
  itemIndex?: number;
  /** Display path of the chart folder, for objects rendered by Helm. */
  chart?: string;
  /** Chart-relative template path from helm's `# Source:` comment. */
  template?: string;
  /** Display path of the kustomization folder, for objects built by Kustomize. */
  kustomization?: string;
  /** The namespace was not written in the chart but supplied by Helm's release namespace (`.Release.Namespace`, or set by helm at install). */
  releaseNamespace?: boolean;
  /** Other fields helm filled with the release namespace (a subject's `namespace: {{ .Release.Namespace }}`), as JSON-encoded paths. */
  releaseNamespaceFields?: readonly string[];
  /**
   * Fields whose string value differs between two renders of the chart with the same values (a
   * `randAlphaNum`, `uuidv4` or `genPrivateKey`, or a `lookup` that finds nothing offline): made at
   * install, not written. JSON-encoded paths.
   */
  generatedFields?: readonly string[];
  /** Name of the Helm value set, when a chart is rendered with more than one. */
  valueSet?: string;
  /**
   * Objects that exist together (one chart rendering, one kustomize build, or all plain manifests);
   * cross-object rules look only within a scope.
   */
  scope?: string;
}

/** A secondary place that explains a finding, e.g. the values.yaml line that feeds a template. */
export interface RelatedLocation {
  file: string;
  region: Region;
  message: string;
}

/** A Helm values key that feeds a field, or under which a missing field belongs. */
export interface ValuesSetting {
  /** The key as its file (or `--set` argument) writes it, e.g. `primary.podSecurityContext.runAsUser`. */
  key: string;
  /** The same key as `--set` on the linted chart names it (a subchart's keys under its name or alias). */
  setKey: string;
  /** False when the key itself is not written: `region` is then its nearest written parent. */
  written: boolean;
  /** Display path of the values file; absent for a `--set` argument. */
  file?: string;
  region?: Region;
  /** Set by `--set` (the key is named, never the value, which may be a secret). */
  fromSetArgument?: boolean;
}

/** The container lists of a pod spec. */
export type ContainerList = "containers" | "initContainers" | "ephemeralContainers";

/** What in a kustomization set a field, or stands for an object, when the location alone does not tell it. */
export type KustomizeProvenance =
  /** An `images:` entry rewrote the image; the location is its `newTag`, `digest` or `newName` line. */
  | { kind: "images-entry"; name: string; newName?: string; newTag?: string; digest?: string }
  /** The object is rendered from a `helmCharts:` entry, named by its `name`; the location is the entry. */
  | { kind: "helm-charts-entry"; object: ObjectIdentity; chart: string }
  /** The object is made by a `secretGenerator` or `configMapGenerator` entry, named by its `name`; the location is the entry or its literal. */
  | { kind: "generator"; object: ObjectIdentity; generator: "secretGenerator" | "configMapGenerator"; name: string }
  /** The kustomization's `namespace:` set the object's namespace; the location is that line. */
  | { kind: "kustomization-namespace" }
  /**
   * A patch removed `field` (dotted, below `securityContext`; `value` when a scalar) from a container
   * whose resource set it, which is why the pod-level setting is missing; the location is the removal.
   */
  | { kind: "removed-by-patch"; container: { list: ContainerList; name?: string }; field: string; value?: string | number | boolean }
  /** No resource, generator or chart defines the object: the location is the root kustomization's first line. */
  | { kind: "kustomization-only"; object: ObjectIdentity };

/** Where a rendered field comes from, as data; reporters put it into words. */
export interface Provenance {
  /** The Helm values keys feeding the field (empty for Kustomize). */
  values: ValuesSetting[];
  /** Set when part of this was read from template text because the instrumented renders could not tell: why. */
  fallback?: string;
  /** Which part was read from template text: the location (and any values key), or only the values key. */
  guessed?: "location" | "values key";
  /** The template helm named is not a file on disk (the finding sits at the chart's Chart.yaml). */
  renderedFrom?: string;
  /** For objects built by Kustomize, when the location alone does not tell what set the field. */
  kustomize?: KustomizeProvenance;
}

/** Where a finding is shown: the file and span a person edits, and what else explains it. */
export interface Location {
  file: string;
  region: Region;
  provenance?: Provenance;
  /** Rules suppressed by `kubeward-ignore` comments at this location, with their reasons. */
  ignores: ReadonlyMap<string, string | undefined>;
}

export interface ObjectIdentity {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

export type JsonObject = Record<string, unknown>;

/** A Kubernetes object as rules see it: plain JSON plus the means to find any of its fields in source. */
export interface K8sObject extends ObjectIdentity {
  body: JsonObject;
  origin: Origin;
  /** Where the node at `path` (or the deepest node on it that exists) is written. Computed on demand. */
  locate(path: Path): Location;
}

/** A problem with the input itself (unparseable, unreadable, wrong shape). */
export interface InputProblem {
  ruleId: string;
  file: string;
  region: Region;
  message: string;
}

/** A document that is not a Kubernetes object (or a whole file that is not a manifest), and why it was passed over. */
export interface SkippedDocument {
  file: string;
  /** Zero-based document index; absent when the whole file was passed over. */
  docIndex?: number;
  reason: string;
}

export interface ParsedFile {
  objects: K8sObject[];
  problems: InputProblem[];
  skipped: SkippedDocument[];
}

/** The region used when nothing better is known: the first character of a file. */
export const FILE_START: Region = { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
