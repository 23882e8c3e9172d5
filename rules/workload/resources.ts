import type { OptionSpec, RuleOptions } from "../../src/engine/rule.js";
import { recordOf, stringsOf, type ContainerKind, type ContainerRef } from "../../src/engine/workload.js";

export type ResourceSection = "requests" | "limits";

/** Ephemeral containers may not set resources, so only these kinds are judged. */
export const RESOURCE_CONTAINER_KINDS: readonly ContainerKind[] = ["initContainers", "containers"];

export const RESOURCES_OPTION: OptionSpec = {
  type: "string[]",
  description: "Resource names every container must account for, e.g. `ephemeral-storage` in addition to cpu and memory.",
  default: ["cpu", "memory"],
};

export function resourceNames(options: RuleOptions): string[] {
  return stringsOf(options.resources);
}

function isSet(value: unknown): boolean {
  return (typeof value === "string" && value.trim() !== "") || typeof value === "number";
}

/**
 * Resources in `names` the container has no effective request or limit for. A request defaults to the limit
 * when only the limit is set, and pod-level `spec.resources` covers every container of the pod.
 */
export function missingResources(ref: ContainerRef, section: ResourceSection, names: readonly string[]): string[] {
  const own = recordOf(ref.container.resources);
  const pod = recordOf(ref.pod.spec.resources);
  const sources = section === "limits" ? [own.limits, pod.limits] : [own.requests, own.limits, pod.requests, pod.limits];
  const declared = sources.map(recordOf);
  return names.filter((name) => !declared.some((amounts) => isSet(amounts[name])));
}

/** "cpu", "cpu or memory", "cpu, memory or ephemeral-storage". */
export function joinWithOr(names: readonly string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}
