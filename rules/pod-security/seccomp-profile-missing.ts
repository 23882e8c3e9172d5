import { defineRule, type JsonObject, containersOf, describeContainer, describeContainers, describePod, inheritedValue, isRecord, podSpecOf } from "../../src/engine/api.js";
import { missingInheritedSetting } from "./restricted-helpers.js";

/** The profile type a securityContext sets, if any. Judging its value is the baseline rule seccomp-unconfined's job. */
function seccompType(securityContext: JsonObject): string | undefined {
  const profile = securityContext.seccompProfile;
  return isRecord(profile) && typeof profile.type === "string" ? profile.type : undefined;
}

export default defineRule({
  meta: {
    id: "seccomp-profile-missing",
    title: "Container has no seccomp profile set",
    severity: "medium",
    category: "pod-security",
    rationale:
      "Seccomp filters the system calls a container may make, removing much of the kernel attack surface a container escape relies on. " +
      "Without an explicit profile a container runs Unconfined unless every node's kubelet defaults to RuntimeDefault, " +
      "so the restricted profile requires RuntimeDefault or Localhost, set on the pod or on each container. " +
      "This rule reports a missing profile; a forbidden one (Unconfined) is reported by seccomp-unconfined.",
    remediation:
      "Set `spec.securityContext.seccompProfile.type: RuntimeDefault` on the pod (containers inherit it), or on each container's `securityContext`; " +
      "use `Localhost` with `localhostProfile` for a custom profile. The old seccomp annotations no longer have any effect.",
    frameworks: [
      { framework: "PSS", control: "restricted/seccomp" },
      { framework: "CIS", control: "5.7.2" },
      { framework: "NSA-CISA", control: "pod-security/hardening-container-environments" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "MITRE-ATT&CK", control: "T1068" },
    ],
    equivalents: { checkov: ["CKV_K8S_31"], trivy: ["KSV030"] },
    messages: {
      missingEverywhere: "{{containers}} {{runs}} without a seccomp profile: neither {{pod}} nor any container sets seccompProfile.type.",
      missingForContainer: "{{container}} runs without a seccomp profile: neither it nor {{pod}} sets seccompProfile.type.",
    },
    example: {
      bad: "spec:\n  containers:\n    - name: app\n      image: app:1.0",
      good: "spec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n  containers:\n    - name: app\n      image: app:1.0",
    },
  },
  *check(object) {
    const pod = podSpecOf(object);
    // seccomp is Linux-only: the API server rejects it on a Windows pod, and the standard exempts those pods.
    if (!pod || pod.isWindows) return;
    const containers = containersOf(pod);
    const missing = containers.filter((ref) => inheritedValue(ref, seccompType).from === "unset");
    const podName = describePod(pod);
    for (const gap of missingInheritedSetting(pod, containers, missing, ["seccompProfile", "type"])) {
      yield gap.atPodLevel
        ? {
            path: gap.path,
            messageId: "missingEverywhere",
            data: { containers: describeContainers(gap.containers), runs: gap.containers.length === 1 ? "runs" : "run", pod: podName },
          }
        : { path: gap.path, messageId: "missingForContainer", data: { container: describeContainer(gap.container), pod: podName } };
    }
  },
});
