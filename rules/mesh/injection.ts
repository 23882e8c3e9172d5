import { podAnnotations, podLabels, type Path, type PodSpecRef } from "../../src/engine/api.js";

export const INJECT_KEY = "sidecar.istio.io/inject";

/** Where a pod says whether it wants a sidecar: the label or annotation, and its value. */
export interface InjectionSetting {
  path: Path;
  via: "label" | "annotation";
  value: string;
}

/**
 * The pod's `sidecar.istio.io/inject`. Istio's injector (pkg/kube/inject/webhook.go, injectRequired)
 * prefers the label to the annotation when both are set.
 */
function injectionSetting(pod: PodSpecRef): InjectionSetting | undefined {
  const labels = podLabels(pod);
  const via = Object.hasOwn(labels, INJECT_KEY) ? "label" : Object.hasOwn(podAnnotations(pod), INJECT_KEY) ? "annotation" : undefined;
  if (via === undefined) return undefined;
  const value = via === "label" ? labels[INJECT_KEY] : podAnnotations(pod)[INJECT_KEY];
  if (typeof value !== "string") return undefined;
  return { path: [...pod.metadataPath, via === "label" ? "labels" : "annotations", INJECT_KEY], via, value };
}

/** The setting when it turns injection off; the injector reads y, yes, true, on (any case) as inject, and we take the YAML 1.1 false words as the opt-out. */
export function injectionOptOut(pod: PodSpecRef): InjectionSetting | undefined {
  const setting = injectionSetting(pod);
  return setting && ["false", "n", "no", "off"].includes(setting.value.toLowerCase()) ? setting : undefined;
}

/** Whether the pod asks for a sidecar itself (the inject setting on), or for Istio's gateway template: it is a proxy of the mesh. */
export function injectionOptIn(pod: PodSpecRef): boolean {
  const setting = injectionSetting(pod);
  if (setting && ["y", "yes", "true", "on"].includes(setting.value.toLowerCase())) return true;
  return isGatewayPod(pod);
}

/** A gateway pod: Istio's injector fills it from the `gateway` template (`inject.istio.io/templates`), and the Gateway resource configures its listeners. */
export function isGatewayPod(pod: PodSpecRef): boolean {
  const templates = podAnnotations(pod)["inject.istio.io/templates"];
  return typeof templates === "string" && templates.split(",").some((name) => name.trim() === "gateway");
}
