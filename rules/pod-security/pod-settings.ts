import { containersOf, describeContainer, podSpecOf, type ContainerRef, type PodSpecRef, recordOf, type K8sObject, type Path } from "../../src/engine/api.js";

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

/** A pod-level boolean such as hostNetwork, when it is `true`, with the path where it is set. */
export function podFlagSet(object: K8sObject, field: string): { pod: PodSpecRef; path: Path } | undefined {
  const pod = podSpecOf(object);
  if (!pod || pod.spec[field] !== true) return undefined;
  return { pod, path: [...pod.path, field] };
}
