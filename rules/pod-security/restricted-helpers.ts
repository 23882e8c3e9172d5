import { type Report, type JsonObject, type Path, type PathSegment, describeContainer, type ContainerRef, type PodSpecRef } from "../../src/engine/api.js";

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
