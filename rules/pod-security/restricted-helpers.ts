import { containerSecurityContextPath, podSecurityContextPath, type ContainerRef, type Path, type PodSpecRef } from "../../src/engine/api.js";

/**
 * Pod Security admission skips the runAsNonRoot and runAsUser checks for pods in a user namespace
 * (`spec.hostUsers: false`): UID 0 inside maps to an unprivileged UID on the node.
 */
export function usesUserNamespace(pod: PodSpecRef): boolean {
  return pod.spec.hostUsers === false;
}

/**
 * Where a required setting is missing, and for whom; the rule words the message. When no container has
 * it, the place is the pod-level field (one line there fixes them all); else each container's own.
 */
export type MissingSetting =
  | { path: Path; atPodLevel: true; containers: readonly ContainerRef[] }
  | { path: Path; atPodLevel: false; container: ContainerRef };

/**
 * The places where containers lack a required setting that may come from the pod: once at the pod-level
 * field when neither the pod nor any container sets it, else once per container.
 */
export function* missingInheritedSetting(
  pod: PodSpecRef,
  all: readonly ContainerRef[],
  missing: readonly ContainerRef[],
  field: readonly string[],
): Generator<MissingSetting> {
  if (missing.length === 0) return;
  if (missing.length === all.length) {
    yield { path: podSecurityContextPath(pod, ...field), atPodLevel: true, containers: missing };
    return;
  }
  for (const ref of missing) yield { path: containerSecurityContextPath(ref, ...field), atPodLevel: false, container: ref };
}
