import { isRecord } from "../../core/json.js";
import type { Path, PathSegment } from "../../core/types.js";

/**
 * Strategic merge matches list items by a merge key, not by position, so the n-th container of the
 * built object need not be the n-th container of the patch or of the base file. These helpers carry
 * a path from the built object into a source document.
 */

/** Merge keys of the lists Kustomize merges by something other than `name`. */
const MERGE_KEYS: Record<string, readonly string[]> = {
  volumeMounts: ["mountPath"],
  volumeDevices: ["devicePath"],
  hostAliases: ["ip"],
  topologySpreadConstraints: ["topologyKey"],
  // Container ports merge on containerPort, Service ports on port.
  ports: ["containerPort", "port"],
};

/** The merge key field and value that identify `item` in the list held by `field`, if it has one. */
function mergeKeyOf(field: string | undefined, item: unknown): { key: string; value: unknown } | undefined {
  if (!isRecord(item)) return undefined;
  for (const key of [...(field ? (MERGE_KEYS[field] ?? []) : []), "name"]) {
    const value = item[key];
    if (typeof value === "string" || typeof value === "number") return { key, value };
  }
  return undefined;
}

/** Index in `list` of the item that corresponds to `outputItem` (found at `index` in the built object's list). */
function correspondingIndex(field: string | undefined, outputItem: unknown, list: unknown[], index: number): number {
  const mergeKey = mergeKeyOf(field, outputItem);
  if (mergeKey) return list.findIndex((item) => isRecord(item) && item[mergeKey.key] === mergeKey.value);
  return index < list.length ? index : -1;
}

interface FollowedPath {
  /** The path in the source's own coordinates, as far as it exists there. */
  path: PathSegment[];
  /** How many segments of the path exist in the source. */
  depth: number;
  /** The source's value at the end of the path, when the whole path exists. */
  value?: unknown;
}

/** Follows `path` (in the coordinates of `output`) into `source`, matching list items by merge key. */
export function followPath(output: unknown, source: unknown, path: Path): FollowedPath {
  const followed: PathSegment[] = [];
  let outputNode = output;
  let sourceNode = source;
  let field: string | undefined;
  for (const segment of path) {
    if (typeof segment === "number") {
      if (!Array.isArray(sourceNode)) break;
      const outputItem: unknown = Array.isArray(outputNode) ? outputNode[segment] : undefined;
      const index = correspondingIndex(field, outputItem, sourceNode, segment);
      if (index < 0) break;
      followed.push(index);
      outputNode = outputItem;
      sourceNode = sourceNode[index];
    } else {
      if (!isRecord(sourceNode) || !Object.hasOwn(sourceNode, segment)) break;
      followed.push(segment);
      outputNode = isRecord(outputNode) ? outputNode[segment] : undefined;
      sourceNode = sourceNode[segment];
      field = segment;
    }
  }
  const complete = followed.length === path.length;
  return complete ? { path: followed, depth: followed.length, value: sourceNode } : { path: followed, depth: followed.length };
}

/** True for values strategic merge combines with what is already there (mappings, lists of mappings) rather than replaces. */
export function isMergedValue(value: unknown): boolean {
  if (isRecord(value)) return true;
  return Array.isArray(value) && value.some(isRecord);
}

/** Deep equality of plain JSON values. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
  }
  return false;
}
