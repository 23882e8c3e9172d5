import { type Report, type JsonObject, type Path, type PathSegment, describeContainer, type ContainerRef, type PodSpecRef } from "../../src/engine/api.js";

/** Where an inherited securityContext value came from; `unset` when neither level holds a usable value. */
export interface InheritedValue<T> {
  value: T | undefined;
  from: "container" | "pod" | "unset";
}

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

/**
 * Pod Security admission skips the runAsNonRoot and runAsUser checks for pods in a user namespace
 * (`spec.hostUsers: false`): UID 0 inside maps to an unprivileged UID on the node.
 */
export function usesUserNamespace(pod: PodSpecRef): boolean {
  return pod.spec.hostUsers === false;
}

/**
 * Reports containers that lack a required setting that may come from the pod: once at the pod-level field
 * when neither the pod nor any container sets it (one line there fixes them all), else once per container.
 */
export function* missingInheritedSetting(
  pod: PodSpecRef,
  all: readonly ContainerRef[],
  missing: readonly ContainerRef[],
  field: readonly string[],
  message: (who: string, atPodLevel: boolean, refs: readonly ContainerRef[]) => string,
): Generator<Report> {
  if (missing.length === 0) return;
  if (missing.length === all.length) {
    yield { path: podSecurityContextPath(pod, ...field), message: message(describeContainers(missing), true, missing) };
    return;
  }
  for (const ref of missing) {
    yield { path: containerSecurityContextPath(ref, ...field), message: message(describeContainer(ref), false, [ref]) };
  }
}
