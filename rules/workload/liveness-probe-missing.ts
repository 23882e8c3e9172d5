import { missingProbeRule } from "../templates/missing-probe.js";

export default missingProbeRule({
  field: "livenessProbe",
  examplePath: "/healthz",
  istioInjectorAddsIt: false,
  meta: {
    id: "liveness-probe-missing",
    title: "Container has no liveness probe",
    severity: "low",
    rationale:
      "Without a liveness probe, a process that hangs or deadlocks keeps its container running and the kubelet never restarts it, " +
      "so the service stays broken until someone notices. Off by default: that is an availability problem, not a security one, and " +
      "no security framework asks for probes; turn the rule on for a reliability review.",
    remediation:
      "Add a `livenessProbe` (httpGet, tcpSocket, grpc or exec) to each long-running container; keep it cheap and independent of downstream services.",
    // The closest section: resource policies are the guide's availability measure; no framework asks for probes.
    frameworks: [{ framework: "NSA-CISA", control: "network/resource-policies" }],
    enabledByDefault: false,
    equivalents: { kubeLinter: ["no-liveness-probe"], polaris: ["livenessProbeMissing"], checkov: ["CKV_K8S_8"] },
  },
});
