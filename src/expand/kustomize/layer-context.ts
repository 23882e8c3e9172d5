import { isRecord } from "../../core/json.js";
import { KUSTOMIZE_ERROR } from "../../core/diagnostics.js";
import type { InputProblem, Path, Region } from "../../core/types.js";
import type { KustomizeYaml } from "./kustomize-yaml.js";
import type { KustomizationLayer, RemoteReference, ResourceFileCache, Setting } from "./model.js";

/** What reading one tree gathers as it goes. */
export interface ReadState {
  layers: Map<string, KustomizationLayer>;
  problems: InputProblem[];
  remote: RemoteReference[];
  manifests: ResourceFileCache;
  /** Files whose problems this tree already reports. */
  reported: Set<string>;
  /** Absolute folders being read, to detect cycles. */
  reading: Set<string>;
}

/** One kustomization file being read: the layer it fills, its YAML, and the tree's state. */
export interface LayerContext {
  layer: KustomizationLayer;
  yaml: KustomizeYaml;
  state: ReadState;
}

/** A problem at a place in the layer's kustomization file, or in `file`. */
export function problem(context: LayerContext, region: Region, message: string, file = context.layer.file, ruleId = KUSTOMIZE_ERROR): void {
  context.state.problems.push({ ruleId, file, region, message });
}

/** A scalar's value as a string (numbers and booleans too), or undefined for anything else. */
export function stringOf(value: unknown): string | undefined {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
}

/** The items of the list at `key` of a mapping, each with its index; none when it holds no list. */
export function itemsAt(parent: unknown, key: string): Array<{ item: unknown; index: number }> {
  const list = isRecord(parent) ? parent[key] : undefined;
  return Array.isArray(list) ? (list as unknown[]).flatMap((item, index) => (item === null || item === undefined ? [] : [{ item, index }])) : [];
}

/** The string value at `key` of a mapping and the region of its entry, when it is a scalar. */
export function settingAt(yaml: KustomizeYaml, parent: unknown, parentPath: Path, key: string): Setting | undefined {
  const value = stringOf(isRecord(parent) ? parent[key] : undefined);
  return value === undefined ? undefined : { value, region: yaml.regionAt([...parentPath, key]) };
}
