import { podAnnotations, podLabels, type Path, type PodSpecRef } from "../../src/engine/api.js";

export const INJECT_KEY = "sidecar.istio.io/inject";

/** Where a pod says it wants no sidecar: the label or annotation, and its value. */
export interface InjectionOptOut {
  path: Path;
  via: "label" | "annotation";
  value: string;
}

/**
 * The pod's `sidecar.istio.io/inject` when it turns injection off. Istio's injector
 * (pkg/kube/inject/webhook.go, injectRequired) prefers the label to the annotation when both are set,
 * and reads y, yes, true, on (any case) as inject; we take the YAML 1.1 false words as the opt-out.
 */
export function injectionOptOut(pod: PodSpecRef): InjectionOptOut | undefined {
  const labels = podLabels(pod);
  const via = Object.hasOwn(labels, INJECT_KEY) ? "label" : Object.hasOwn(podAnnotations(pod), INJECT_KEY) ? "annotation" : undefined;
  if (via === undefined) return undefined;
  const value = via === "label" ? labels[INJECT_KEY] : podAnnotations(pod)[INJECT_KEY];
  if (typeof value !== "string" || !["false", "n", "no", "off"].includes(value.toLowerCase())) return undefined;
  return { path: [...pod.metadataPath, via === "label" ? "labels" : "annotations", INJECT_KEY], via, value };
}
