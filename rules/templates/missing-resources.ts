import { defineRule, describeContainer, POD_SPEC_OBJECTS, recordOf, workloadContainers, type ContainerKind, type ContainerRef, type Rule, type RuleMeta } from "../../src/engine/api.js";

/** What sets one missing-resources rule apart from the other: the section of `resources` it asks for. */
export interface MissingResources {
  section: "requests" | "limits";
  /** One entry of the section as the message names it: `request` or `limit`. */
  noun: string;
  meta: Omit<RuleMeta, "category" | "options">;
}

/** Ephemeral containers may not set resources, so only these kinds are judged. */
const RESOURCE_CONTAINER_KINDS: readonly ContainerKind[] = ["initContainers", "containers"];

function isSet(value: unknown): boolean {
  return (typeof value === "string" && value.trim() !== "") || typeof value === "number";
}

/**
 * Resources in `names` the container has no effective request or limit for. A request defaults to the limit
 * when only the limit is set, and pod-level `spec.resources` covers every container of the pod.
 */
function missingResources(ref: ContainerRef, section: MissingResources["section"], names: readonly string[]): readonly string[] {
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
function joinWithOr(names: readonly string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}

/** A rule that reports each container (init containers included) without a request or limit for every configured resource. */
export function missingResourcesRule({ section, noun, meta }: MissingResources): Rule {
  return defineRule({
    meta: {
      ...meta,
      category: "workload",
      options: {
        resources: {
          type: "string[]",
          description:
            "Resource names every container must account for; the default asks for both cpu and memory at once. resource-limits-missing and " +
            "resource-requests-missing each take their own list, so CPU and memory are configured apart: `resources: [memory]` on " +
            "resource-limits-missing requires memory limits without asking for CPU limits. Add `ephemeral-storage` to require it as well.",
          default: ["cpu", "memory"],
        },
      },
      messages: { missingResources: `{{container}} sets no {{resources}} ${noun}.` },
    },
    appliesTo: POD_SPEC_OBJECTS,
    *check(object, context) {
      const names = context.options.resources;
      if (names.length === 0) return;
      for (const container of workloadContainers(object, RESOURCE_CONTAINER_KINDS)) {
        const missing = missingResources(container, section, names);
        if (missing.length === 0) continue;
        yield {
          path: [...container.path, "resources", section],
          messageId: "missingResources",
          data: { container: describeContainer(container), resources: joinWithOr(missing) },
        };
      }
    },
  });
}
