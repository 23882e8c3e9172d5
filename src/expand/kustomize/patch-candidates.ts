import { isRecord, recordOf, valueAtPath } from "../../core/json.js";
import type { ContainerList, KustomizeProvenance, Path, Region } from "../../core/types.js";
import { followPath, isMergedValue, sameJson } from "./merge-path.js";
import { targetMatches, type Identity } from "./patch-target.js";
import type { JsonPatchOperation, KustomizationLayer, KustomizePatch, ResourceDocument, SourceLocation } from "./model.js";

/** A source that contributes a field, and how much of the path it holds. */
export interface Candidate {
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
  const last = operation.path.at(-1);
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
export function scanPatches(effects: KustomizationLayer[], identity: Identity, body: unknown, fieldPath: Path): { decisive?: Candidate; best?: Candidate; layersScanned: number } {
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
export function removalFromContainers(
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
