import type { JsonObject, Path, PathSegment } from "../core/types.js";
import { recordOf } from "../core/json.js";
import { containersOf, describeContainer, type ContainerRef, type PodSpecRef } from "./workload.js";

// A securityContext setting at pod or container level: how Kubernetes combines the two, where each is
// set, and how a finding names who sets it. Every rule that reads such a setting goes through here.

/** A setting together with the path it was read from, so findings point where it is set. */
export interface Setting<T = unknown> {
  value: T | undefined;
  /** Where the value is set, or, when unset, the deepest path a person would add it under. */
  path: Path;
  /** Where the value came from: a container-only field is never "pod". */
  from: "container" | "pod" | "unset";
}

/** A container-only securityContext field (privileged, capabilities, …). */
export function containerSetting(ref: ContainerRef, field: string): Setting {
  const value = ref.securityContext[field];
  const path = [...ref.path, "securityContext", field];
  return value === undefined || value === null ? { value: undefined, path, from: "unset" } : { value, path, from: "container" };
}

/** Where an inherited securityContext value came from; `unset` when neither level holds a usable value. */
export type InheritedValue<T> = Pick<Setting<T>, "value" | "from">;

/**
 * The effective value of an inherited securityContext field for a container, read with `read` so that a
 * value of the wrong type counts as unset: the container's own value wins, else the pod's applies.
 */
export function inheritedValue<T>(ref: ContainerRef, read: (securityContext: JsonObject) => T | undefined): InheritedValue<T> {
  const own = read(ref.securityContext);
  if (own !== undefined) return { value: own, from: "container" };
  const inherited = read(ref.pod.securityContext);
  if (inherited !== undefined) return { value: inherited, from: "pod" };
  return { value: undefined, from: "unset" };
}

/** A boolean field, or undefined when it is unset or not a boolean. */
export function booleanField(record: JsonObject, field: string): boolean | undefined {
  const value = record[field];
  return typeof value === "boolean" ? value : undefined;
}

/** A numeric field, or undefined when it is unset or not a number. */
export function numberField(record: JsonObject, field: string): number | undefined {
  const value = record[field];
  return typeof value === "number" ? value : undefined;
}

/** `container "a"`, or `init container "a", container "b" and container "c"`: several containers in one phrase. */
export function describeContainers(refs: readonly ContainerRef[]): string {
  const names = refs.map(describeContainer);
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** Path of a field in the pod-level securityContext. */
export function podSecurityContextPath(pod: PodSpecRef, ...field: PathSegment[]): Path {
  return [...pod.path, "securityContext", ...field];
}

/** Path of a field in a container's securityContext. */
export function containerSecurityContextPath(ref: ContainerRef, ...field: PathSegment[]): Path {
  return [...ref.path, "securityContext", ...field];
}

/** One explicit value of a securityContext key: set by the pod, or by one container. */
export interface LevelSetting {
  value: unknown;
  path: Path;
  /** The container that sets it; undefined when the pod sets it. */
  container?: ContainerRef;
  /** For a pod-level value: the containers that set none of their own and so run with it. */
  inheritedBy: ContainerRef[];
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

// Kubernetes replaces the pod's securityContext object with the container's, except windowsOptions,
// which it merges key by key.
function containerOverrides(ref: ContainerRef, field: string, key: string): boolean {
  const own = ref.securityContext[field];
  return field === "windowsOptions" ? isSet(recordOf(own)[key]) : isSet(own);
}

/**
 * Every explicit value of `securityContext.<field>.<key>`: the pod's first, then each container's.
 * Pod Security Admission judges each level on its own, so a forbidden pod-level value is a violation
 * even when every container sets its own.
 */
export function levelSettings(pod: PodSpecRef, field: string, key: string): readonly LevelSetting[] {
  const containers = containersOf(pod);
  // Asked for every pod by several rules, and usually nothing is set: no list unless something is.
  let settings: LevelSetting[] | undefined;
  const podValue = recordOf(pod.securityContext[field])[key];
  if (isSet(podValue)) {
    (settings ??= []).push({
      value: podValue,
      path: [...pod.path, "securityContext", field, key],
      inheritedBy: containers.filter((ref) => !containerOverrides(ref, field, key)),
    });
  }
  for (const ref of containers) {
    const value = recordOf(ref.securityContext[field])[key];
    if (isSet(value)) {
      (settings ??= []).push({ value, path: [...ref.path, "securityContext", field, key], container: ref, inheritedBy: [] });
    }
  }
  return settings ?? NOTHING_SET;
}

const NOTHING_SET: readonly LevelSetting[] = [];

/** "the pod" for a Pod, "the pod template" for a controller: what a person edits. */
export function describePod(pod: PodSpecRef): string {
  return pod.object.kind === "Pod" ? "the pod" : "the pod template";
}

/** Who sets a value: `container "web"` or `the pod`. */
export function describeSetter(pod: PodSpecRef, setting: LevelSetting): string {
  return setting.container ? describeContainer(setting.container) : describePod(pod);
}

/** What a pod-level value means for the containers, as a parenthesised note; empty for container-level values. */
export function inheritanceNote(pod: PodSpecRef, setting: LevelSetting): string {
  if (setting.container) return "";
  if (setting.inheritedBy.length > 0) return ` (inherited by ${setting.inheritedBy.map(describeContainer).join(", ")})`;
  if (containersOf(pod).length > 0) return " (every container sets its own, but the pod-level value is itself forbidden)";
  return "";
}
