import type { Path } from "./types.js";

/** Where the pod spec sits in each workload kind. */
const POD_SPEC_PATHS: Record<string, Path> = {
  Pod: ["spec"],
  Deployment: ["spec", "template", "spec"],
  StatefulSet: ["spec", "template", "spec"],
  DaemonSet: ["spec", "template", "spec"],
  ReplicaSet: ["spec", "template", "spec"],
  ReplicationController: ["spec", "template", "spec"],
  Job: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"],
  PodTemplate: ["template", "spec"],
};

/** The built-in kinds whose objects run pods (a PodTemplate only holds one for others to use). */
export const POD_RUNNING_WORKLOAD_KINDS: readonly string[] = Object.keys(POD_SPEC_PATHS).filter((kind) => kind !== "PodTemplate");

/** API groups that define the kinds above; a CRD that reuses a kind name is not a workload. */
const WORKLOAD_GROUPS = new Set(["", "apps", "batch", "extensions"]);

/** A kind outside the core workloads whose objects hold a pod spec: its API group, its name, and where the pod spec sits. */
export interface PodTemplateKind {
  group: string;
  kind: string;
  path: Path;
}

/** Where a built-in workload kind keeps its pod spec; undefined for any other kind, or a CRD that reuses the name. */
export function builtInPodSpecPath(group: string, kind: string): Path | undefined {
  return WORKLOAD_GROUPS.has(group) && Object.hasOwn(POD_SPEC_PATHS, kind) ? POD_SPEC_PATHS[kind] : undefined;
}
