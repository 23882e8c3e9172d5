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
  /** Region of the node at `path`, or of the deepest node on it that exists. Computed on demand. */
  locate(path: Path): Region;
  /** Rule ids named by `# kubeward-ignore` comments on `line` or the line before, with their reasons. */
  ignoredOnLine(line: number): ReadonlyMap<string, string | undefined>;
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
