import type { JsonObject, K8sObject, Path } from "../core/types.js";
import { lastAnswerOf } from "../core/memo.js";
import { isRecord, recordOf, arrayOf, valueAtPath } from "../core/json.js";
import { builtInPodSpecPath, POD_RUNNING_WORKLOAD_KINDS, type PodTemplateKind } from "../core/workload-kinds.js";

export type { PodTemplateKind } from "../core/workload-kinds.js";

const TEMPLATE_SPEC: Path = ["spec", "template", "spec"];

/**
 * Custom resources that run pods from a pod template, each checked against its project's API
 * reference. A Rollout that points at a Deployment (`spec.workloadRef`) has no template of its own:
 * the Deployment is linted where it is written.
 */
export const BUILT_IN_POD_TEMPLATE_KINDS: readonly PodTemplateKind[] = [
  { group: "apps.openshift.io", kind: "DeploymentConfig", path: TEMPLATE_SPEC },
  // OpenShift 3 served DeploymentConfig as plain `v1` too.
  { group: "", kind: "DeploymentConfig", path: TEMPLATE_SPEC },
  { group: "argoproj.io", kind: "Rollout", path: TEMPLATE_SPEC },
  { group: "apps.kruise.io", kind: "CloneSet", path: TEMPLATE_SPEC },
  { group: "apps.kruise.io", kind: "StatefulSet", path: TEMPLATE_SPEC },
  { group: "apps.kruise.io", kind: "DaemonSet", path: TEMPLATE_SPEC },
  { group: "keda.sh", kind: "ScaledJob", path: ["spec", "jobTargetRef", "template", "spec"] },
];

/** The kinds whose objects run pods, built-in and custom, for a rule's `lookupKinds`; kinds a config adds are not among them. */
export const POD_RUNNING_KINDS: readonly string[] = [...new Set([...POD_RUNNING_WORKLOAD_KINDS, ...BUILT_IN_POD_TEMPLATE_KINDS.map((entry) => entry.kind)])];

function kindKey(group: string, kind: string): string {
  return `${group}/${kind}`;
}

function kindTable(kinds: readonly PodTemplateKind[]): ReadonlyMap<string, Path> {
  return new Map(kinds.map((entry) => [kindKey(entry.group, entry.kind), entry.path]));
}

const builtInTemplateKinds = kindTable(BUILT_IN_POD_TEMPLATE_KINDS);
/** Kinds a config names (`podTemplates:`), in force while a linter runs; they win over the built-in ones. */
let configuredTemplateKinds: ReadonlyMap<string, Path> = new Map();

/**
 * Runs `work` with the pod-template kinds a config names in force. Rules ask for pod specs with only
 * the object in hand, so the kinds of the run are set around its linting (synchronous work).
 */
export function withPodTemplateKinds<T>(kinds: readonly PodTemplateKind[], work: () => T): T {
  if (kinds.length === 0 && configuredTemplateKinds.size === 0) return work();
  const previous = configuredTemplateKinds;
  configuredTemplateKinds = kindTable(kinds);
  try {
    return work();
  } finally {
    configuredTemplateKinds = previous;
  }
}

export interface PodSpecRef {
  object: K8sObject;
  spec: JsonObject;
  path: Path;
  /** Path of the pod's metadata (the template's, for controllers). */
  metadataPath: Path;
  metadata: JsonObject;
  /** Pod-level securityContext. */
  securityContext: JsonObject;
  isWindows: boolean;
}

export type ContainerKind = "containers" | "initContainers" | "ephemeralContainers";

export interface ContainerRef {
  container: JsonObject;
  path: Path;
  kind: ContainerKind;
  name: string;
  securityContext: JsonObject;
  pod: PodSpecRef;
}

/** The API group of an apiVersion: "" for the core group (`v1`). */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash === -1 ? "" : apiVersion.slice(0, slash);
}

/** Where the pod spec sits in a workload object (Pod, Deployment, …, CronJob, PodTemplate, or a pod-template kind); undefined for other objects. */
export function podSpecPathOf(object: K8sObject): Path | undefined {
  const group = apiGroup(object.apiVersion);
  const core = builtInPodSpecPath(group, object.kind);
  if (core) return core;
  const key = kindKey(group, object.kind);
  return configuredTemplateKinds.get(key) ?? builtInTemplateKinds.get(key);
}

/**
 * The pod spec of a workload object (Pod, Deployment, …, CronJob, PodTemplate), if it has one. Every
 * rule asks for it, one object after another, so each object's is worked out once.
 */
export const podSpecOf: (object: K8sObject) => PodSpecRef | undefined = lastAnswerOf(readPodSpec);

function readPodSpec(object: K8sObject): PodSpecRef | undefined {
  const path = podSpecPathOf(object);
  if (!path) return undefined;
  const spec = valueAtPath(object.body, path);
  if (!isRecord(spec)) return undefined;
  const metadataPath = [...path.slice(0, -1), "metadata"];
  const os = recordOf(spec.os);
  return {
    object,
    spec,
    path,
    metadataPath,
    metadata: recordOf(valueAtPath(object.body, metadataPath)),
    securityContext: recordOf(spec.securityContext),
    isWindows: os.name === "windows",
  };
}

const CONTAINER_KINDS: readonly ContainerKind[] = ["initContainers", "containers", "ephemeralContainers"];

/** Every container of a pod: init, regular and ephemeral, each with its path. */
export function containersOf(pod: PodSpecRef, kinds: readonly ContainerKind[] = CONTAINER_KINDS): readonly ContainerRef[] {
  if (kinds === CONTAINER_KINDS) return allContainers(pod);
  // Rules pass the same few kinds lists: each keeps its last selection, as the full list is kept.
  let select = selections.get(kinds);
  if (!select) {
    select = lastAnswerOf((of: PodSpecRef) => kinds.flatMap((kind) => allContainers(of).filter((ref) => ref.kind === kind)));
    selections.set(kinds, select);
  }
  return select(pod);
}

const selections = new Map<readonly ContainerKind[], (pod: PodSpecRef) => readonly ContainerRef[]>();

/** All containers of a pod, read once while rules look at its object, and shared by them (so never modified). */
const allContainers: (pod: PodSpecRef) => readonly ContainerRef[] = lastAnswerOf(readContainers);

function readContainers(pod: PodSpecRef): ContainerRef[] {
  const found: ContainerRef[] = [];
  for (const kind of CONTAINER_KINDS) {
    arrayOf(pod.spec[kind]).forEach((container, index) => {
      if (!isRecord(container)) return;
      found.push({
        container,
        path: [...pod.path, kind, index],
        kind,
        name: typeof container.name === "string" ? container.name : `#${index}`,
        securityContext: recordOf(container.securityContext),
        pod,
      });
    });
  }
  return found;
}

/** Every container of an object, if it is a workload. */
export function workloadContainers(object: K8sObject, kinds?: readonly ContainerKind[]): readonly ContainerRef[] {
  const pod = podSpecOf(object);
  return pod ? containersOf(pod, kinds) : [];
}

/** "container web", "init container setup", "ephemeral container debug": names as a person says them. */
export function describeContainer(ref: ContainerRef): string {
  const prefix = ref.kind === "initContainers" ? "init container" : ref.kind === "ephemeralContainers" ? "ephemeral container" : "container";
  return `${prefix} "${ref.name}"`;
}

/** Pod annotations (on the pod template for controllers). */
export function podAnnotations(pod: PodSpecRef): JsonObject {
  return recordOf(pod.metadata.annotations);
}

/** Pod labels (on the pod template for controllers): what Services, NetworkPolicies and mesh policies select pods by. */
export function podLabels(pod: PodSpecRef): JsonObject {
  return recordOf(pod.metadata.labels);
}

/** The ServiceAccount a pod runs as, and the field that names it; none names it when it is the namespace's `default`. */
export interface PodServiceAccount {
  name: string;
  field?: "serviceAccountName" | "serviceAccount";
}

/** The ServiceAccount a pod runs as: serviceAccountName, else its deprecated alias serviceAccount, else "default". */
export function serviceAccountOf(pod: PodSpecRef): PodServiceAccount {
  for (const field of ["serviceAccountName", "serviceAccount"] as const) {
    const name = pod.spec[field];
    if (typeof name === "string" && name !== "") return { name, field };
  }
  return { name: "default" };
}
