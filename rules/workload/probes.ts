import { type K8sObject, type Report, containersOf, describeContainer, podSpecOf, type ContainerKind, type PodSpecRef, isRecord } from "../../src/engine/api.js";
import { isInjectedIstioProxy } from "./injected-proxy.js";

export type ProbeField = "livenessProbe" | "readinessProbe";

const REGULAR_CONTAINERS: readonly ContainerKind[] = ["containers"];

/** Jobs, CronJobs and pods that are not restarted run to completion: health probes do not apply to them. */
function runsToCompletion(pod: PodSpecRef): boolean {
  const { kind } = pod.object;
  return kind === "Job" || kind === "CronJob" || pod.spec.restartPolicy === "Never" || pod.spec.restartPolicy === "OnFailure";
}

/**
 * A finding for each regular container without the probe. Init containers (sidecars included) and
 * ephemeral containers are not required to have one; Istio's injector gives its proxy a readiness probe.
 */
export function* missingProbes(object: K8sObject, probe: ProbeField): Generator<Report> {
  const pod = podSpecOf(object);
  if (!pod || runsToCompletion(pod)) return;
  for (const container of containersOf(pod, REGULAR_CONTAINERS)) {
    if (isRecord(container.container[probe]) || (probe === "readinessProbe" && isInjectedIstioProxy(container))) continue;
    yield { path: [...container.path, probe], message: `${describeContainer(container)} has no ${probe}.` };
  }
}
