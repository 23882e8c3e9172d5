import { isRecord, recordOf, type JsonObject, type K8sObject, type Path } from "../../src/engine/api.js";

/** The Pod Security admission labels of a Namespace (k8s.io/pod-security-admission, api/constants.go). */
export const ENFORCE_LABEL = "pod-security.kubernetes.io/enforce";
export const ENFORCE_VERSION_LABEL = "pod-security.kubernetes.io/enforce-version";
export const AUDIT_LABEL = "pod-security.kubernetes.io/audit";
export const WARN_LABEL = "pod-security.kubernetes.io/warn";

/** The levels Pod Security admission knows, compared as written (it is case-sensitive). */
export const LEVELS: readonly string[] = ["privileged", "baseline", "restricted"];

/** Where the docs and the admission code say what the labels mean; the rules' rationales cite them. */
export const PSA_SOURCES =
  "(Kubernetes docs, Pod Security Admission: https://kubernetes.io/docs/concepts/security/pod-security-admission/; " +
  "k8s.io/pod-security-admission api/helpers.go, `ParseLevel`, `ParseVersion`, `PolicyToEvaluate`, and admission/admission.go, `ValidateNamespace`)";

/** A core v1 Namespace. */
export function isNamespace(object: K8sObject): boolean {
  return object.apiVersion === "v1" && object.kind === "Namespace";
}

export function namespaceLabels(object: K8sObject): JsonObject {
  return recordOf(recordOf(object.body.metadata).labels);
}

/** A label's value when it is written as a string; the field-type check reports any other. */
export function labelValue(object: K8sObject, label: string): string | undefined {
  const value = namespaceLabels(object)[label];
  return typeof value === "string" ? value : undefined;
}

export const labelPath = (label: string): Path => ["metadata", "labels", label];

/** Where a missing label goes: into `metadata.labels` when the Namespace has them, else into `metadata`. */
export function labelsInsertionPath(object: K8sObject): Path {
  return isRecord(recordOf(object.body.metadata).labels) ? ["metadata", "labels"] : ["metadata"];
}

/** A PSA policy version, `v1.N` or `latest` (api/helpers.go, `ParseVersion`). */
export type PolicyVersion = { latest: true } | { latest: false; minor: number };

export function parsePolicyVersion(text: string): PolicyVersion | undefined {
  if (text === "latest") return { latest: true };
  const match = /^v1\.(0|[1-9][0-9]*)$/.exec(text);
  return match ? { latest: false, minor: Number(match[1]) } : undefined;
}

/** Whether `version` is older than `other`, as admission's `Version.Older`: latest is newer than every release. */
export function isOlder(version: PolicyVersion, other: PolicyVersion): boolean {
  if (version.latest) return false;
  if (other.latest) return true;
  return version.minor < other.minor;
}
