import { containersOf, defineRule, describeContainer, isRecord, POD_SPEC_OBJECTS, podSpecOf, type ContainerKind, type PodSpecRef, type Rule, type RuleMeta } from "../../src/engine/api.js";
import { isInjectedIstioProxy } from "../workload/injected-proxy.js";

/** What sets one missing-probe rule apart from the other: the probe, and what it checks in the docs' example. */
export interface MissingProbe {
  field: "livenessProbe" | "readinessProbe";
  /** The HTTP path the docs' example probe asks, e.g. `/healthz`. */
  examplePath: string;
  /** Whether Istio's sidecar injector gives its proxy this probe, so an injected proxy is not reported. */
  istioInjectorAddsIt: boolean;
  meta: Omit<RuleMeta, "category" | "example">;
}

const REGULAR_CONTAINERS: readonly ContainerKind[] = ["containers"];

/** Jobs, CronJobs and pods that are not restarted run to completion: health probes do not apply to them. */
function runsToCompletion(pod: PodSpecRef): boolean {
  const { kind } = pod.object;
  return kind === "Job" || kind === "CronJob" || pod.spec.restartPolicy === "Never" || pod.spec.restartPolicy === "OnFailure";
}

/**
 * A rule that reports each regular container without the probe. Init containers (sidecars included) and
 * ephemeral containers are not required to have one.
 */
export function missingProbeRule({ field, examplePath, istioInjectorAddsIt, meta }: MissingProbe): Rule {
  const container = "containers:\n  - name: app\n    image: app:1.0";
  return defineRule({
    meta: {
      ...meta,
      category: "workload",
      messages: { missingProbe: `{{container}} has no ${field}.` },
      example: { bad: container, good: `${container}\n    ${field}:\n      httpGet:\n        path: ${examplePath}\n        port: 8080` },
    },
    appliesTo: POD_SPEC_OBJECTS,
    *check(object) {
      const pod = podSpecOf(object);
      if (!pod || runsToCompletion(pod)) return;
      for (const ref of containersOf(pod, REGULAR_CONTAINERS)) {
        if (isRecord(ref.container[field]) || (istioInjectorAddsIt && isInjectedIstioProxy(ref))) continue;
        yield { path: [...ref.path, field], messageId: "missingProbe", data: { container: describeContainer(ref) } };
      }
    },
  });
}
