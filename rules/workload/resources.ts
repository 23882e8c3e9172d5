import { type OptionSpec, type RuleOptions, recordOf, stringsOf, type ContainerKind, type ContainerRef } from "../../src/engine/api.js";

export type ResourceSection = "requests" | "limits";

/** Ephemeral containers may not set resources, so only these kinds are judged. */
export const RESOURCE_CONTAINER_KINDS: readonly ContainerKind[] = ["initContainers", "containers"];

export const RESOURCES_OPTION: OptionSpec = {
  type: "string[]",
  description:
    "Resource names every container must account for; the default asks for both cpu and memory at once. resource-limits-missing and " +
    "resource-requests-missing each take their own list, so CPU and memory are configured apart: `resources: [memory]` on " +
    "resource-limits-missing requires memory limits without asking for CPU limits. Add `ephemeral-storage` to require it as well.",
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
export function missingResources(ref: ContainerRef, section: ResourceSection, names: readonly string[]): readonly string[] {
  const own = recordOf(ref.container.resources);
  const pod = recordOf(ref.pod.spec.resources);
  const ownLimits = recordOf(own.limits);
  const podLimits = recordOf(pod.limits);
  const ownRequests = section === "requests" ? recordOf(own.requests) : ownLimits;
  const podRequests = section === "requests" ? recordOf(pod.requests) : podLimits;
  // Runs for every container: no arrays for the sources, and one for the answer only when something is missing.
  let missing: string[] | undefined;
  for (const name of names) {
    if (isSet(ownRequests[name]) || isSet(ownLimits[name]) || isSet(podRequests[name]) || isSet(podLimits[name])) continue;
    (missing ??= []).push(name);
  }
  return missing ?? NOTHING_MISSING;
}

const NOTHING_MISSING: readonly string[] = [];

/** "cpu", "cpu or memory", "cpu, memory or ephemeral-storage". */
export function joinWithOr(names: readonly string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}
