import { missingProbeRule } from "../templates/missing-probe.js";

export default missingProbeRule({
  field: "readinessProbe",
  examplePath: "/ready",
  istioInjectorAddsIt: true,
  meta: {
    id: "readiness-probe-missing",
    title: "Container has no readiness probe",
    severity: "low",
    rationale:
      "Without a readiness probe, a pod receives Service traffic as soon as its containers start, before it can serve, " +
      "and keeps receiving it while it is overloaded or failing; rollouts also proceed without waiting for new pods to work. " +
      "An Istio `istio-proxy` container with `image: auto` is not reported: the injector adds its readiness probe. Off by default: " +
      "that is an availability problem, not a security one, and no security framework asks for probes; turn the rule on for a reliability review.",
    remediation: "Add a `readinessProbe` to each container that serves traffic, checking that it can answer requests now.",
    // The closest section: resource policies are the guide's availability measure; no framework asks for probes.
    frameworks: [{ framework: "NSA-CISA", control: "network/resource-policies" }],
    enabledByDefault: false,
    equivalents: { kubeLinter: ["no-readiness-probe"], polaris: ["readinessProbeMissing"], checkov: ["CKV_K8S_9"] },
  },
});
