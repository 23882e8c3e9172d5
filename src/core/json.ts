import type { JsonObject, Path } from "./types.js";

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Shared by every absent mapping, so reading one allocates nothing; frozen, as nobody may write to it. */
const EMPTY_RECORD: JsonObject = Object.freeze({});

/** The value if it is a mapping, else an empty one: rules read wrongly typed input as absent. */
export function recordOf(value: unknown): JsonObject {
  return isRecord(value) ? value : EMPTY_RECORD;
}

export function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function stringsOf(value: unknown): string[] {
  return arrayOf(value).filter((item): item is string => typeof item === "string");
}

/** The value at `path` in a plain JSON value, or undefined. */
export function valueAtPath(value: unknown, path: Path): unknown {
  let node = value;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === "number") node = node[segment];
    else if (isRecord(node) && typeof segment === "string") node = node[segment];
    else return undefined;
  }
  return node;
}

/** `spec.containers[0].securityContext`: a path as a person writes it. */
export function formatPath(path: Path): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}
