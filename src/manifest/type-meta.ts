import type { JsonObject } from "../core/types.js";

/** The apiVersion of common kinds, to say what to write. */
const API_VERSIONS: Readonly<Record<string, string>> = {
  Pod: "v1",
  Service: "v1",
  ServiceAccount: "v1",
  ConfigMap: "v1",
  Secret: "v1",
  Namespace: "v1",
  PersistentVolumeClaim: "v1",
  Deployment: "apps/v1",
  StatefulSet: "apps/v1",
  DaemonSet: "apps/v1",
  ReplicaSet: "apps/v1",
  Job: "batch/v1",
  CronJob: "batch/v1",
  Role: "rbac.authorization.k8s.io/v1",
  RoleBinding: "rbac.authorization.k8s.io/v1",
  ClusterRole: "rbac.authorization.k8s.io/v1",
  ClusterRoleBinding: "rbac.authorization.k8s.io/v1",
  NetworkPolicy: "networking.k8s.io/v1",
  Ingress: "networking.k8s.io/v1",
};

/** A document that means to be a Kubernetes object but lacks apiVersion or kind: the key to point at, and what to say. */
export interface HalfTypedObject {
  key: string;
  message: string;
}

function isUsable(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

function normalized(key: string): string {
  return key.toLowerCase().replace(/[-_ ]/g, "");
}

/** Edit distance of at most `limit` (insertions, deletions, substitutions), after case and separators are ignored. */
function isNearMiss(key: string, wanted: string, limit: number): boolean {
  const a = normalized(key);
  const b = normalized(wanted);
  if (Math.abs(a.length - b.length) > limit) return false;
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length] <= limit;
}

function describeValue(value: unknown): string {
  if (value === null) return "empty";
  if (value === "") return "an empty string";
  return `a ${Array.isArray(value) ? "list" : typeof value}, not a string`;
}

/**
 * A mapping with one of apiVersion and kind and not the other, which Kubernetes refuses: found when
 * it is meant as an object (it has metadata, names the missing key with a typo, or writes it with a
 * value that is not a string), so other YAML with a `kind` or an `apiVersion` (CI files, Chart.yaml)
 * is still passed over.
 */
export function halfTypedObject(document: JsonObject): HalfTypedObject | undefined {
  const hasApiVersion = isUsable(document.apiVersion);
  const hasKind = isUsable(document.kind);
  if (hasApiVersion === hasKind) return undefined;
  const missing = hasKind ? "apiVersion" : "kind";
  const present = hasKind ? "kind" : "apiVersion";
  const identity = `${present}: ${document[present] as string}`;
  const consequence = "Kubernetes refuses such an object, and kubeward did not lint it.";
  const hint =
    missing === "apiVersion"
      ? API_VERSIONS[document.kind as string]
        ? ` (for ${document.kind as string}: apiVersion: ${API_VERSIONS[document.kind as string]})`
        : " (the API group and version the kind belongs to, e.g. example.com/v1)"
      : " (the object's type, e.g. kind: Deployment)";
  if (missing in document) {
    return { key: missing, message: `The document has ${identity} but its ${missing} is ${describeValue(document[missing])}. ${consequence} Write ${missing}${hint}.` };
  }
  const typo = Object.keys(document).find((key) => key !== present && isNearMiss(key, missing, missing === "kind" ? 1 : 2));
  if (typo !== undefined) {
    return { key: typo, message: `The document has ${identity} and "${typo}" but no ${missing} (keys are case-sensitive). ${consequence} Rename "${typo}" to ${missing}.` };
  }
  if (typeof document.metadata !== "object" || document.metadata === null) return undefined;
  return { key: present, message: `The document has ${identity} but no ${missing}. ${consequence} Add ${missing}${hint}.` };
}
