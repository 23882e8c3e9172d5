import { defineRule, arrayOf, containerSecurityContextPath, containersOf, describeContainer, describeContainers, describePod, numberField, podSecurityContextPath, podSpecOf } from "../../src/engine/api.js";
import { usesUserNamespace } from "./restricted-helpers.js";

export default defineRule({
  meta: {
    id: "root-group",
    title: "Container runs with group ID 0",
    severity: "low",
    category: "pod-security",
    rationale:
      "Group 0 is root's group: files on the node and in the image that are group-owned by root (and group-readable or writable) are " +
      "open to a process in it, which matters most after a container escape or through a host mount. `runAsGroup: 0` makes it the primary " +
      "group, and `fsGroup: 0` or a `supplementalGroups` entry of 0 adds it to every container's processes (fsGroup also hands the pod's " +
      "volumes to group 0). The NSA/CISA hardening guidance asks that containers run as a non-root user and group; the Pod Security " +
      "Standards do not cover groups, hence low severity. Values are judged as Kubernetes applies them: a container's own runAsGroup " +
      "overrides the pod's. Pods in a user namespace (`hostUsers: false`) are skipped, as their group 0 is not the node's. An unset " +
      "runAsGroup is not reported: the image's group applies, which a manifest cannot show.",
    remediation:
      "Set `runAsGroup` and `fsGroup` to a non-zero GID (e.g. `10001`) in the pod's `securityContext`, and remove `0` from " +
      "`supplementalGroups`. Images built for OpenShift's arbitrary UIDs rely on group 0 only for files they own; give those files to the " +
      "new GID at build time instead.",
    frameworks: [
      { framework: "NSA-CISA", control: "pod-security/non-root-containers" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "CIS", control: "5.7.3" },
    ],
    equivalents: { trivy: ["KSV029", "KSV116"] },
    messages: {
      podRootGroup: "{{pod}} sets runAsGroup: 0, so {{containers}} {{runs}} with root as primary group.",
      containerRootGroup: "{{container}} sets runAsGroup: 0, so it runs with root as primary group.",
      fsGroupRoot: "{{pod}} sets fsGroup: 0, so every container runs with root as a supplementary group and the pod's volumes belong to group 0.",
      supplementalGroupRoot: "{{pod}} lists group 0 in supplementalGroups, so every container runs with root as a supplementary group.",
    },
    example: {
      bad: "spec:\n  securityContext:\n    runAsUser: 10001\n    runAsGroup: 0\n    fsGroup: 0",
      good: "spec:\n  securityContext:\n    runAsUser: 10001\n    runAsGroup: 10001\n    fsGroup: 10001",
    },
  },
  *check(object) {
    const pod = podSpecOf(object);
    // Windows has no numeric groups (the API server rejects them there); a user namespace maps group 0 away from the node's.
    if (!pod || pod.isWindows || usesUserNamespace(pod)) return;
    const containers = containersOf(pod);
    if (containers.length === 0) return;
    const podName = describePod(pod);

    if (numberField(pod.securityContext, "runAsGroup") === 0) {
      const inheriting = containers.filter((ref) => numberField(ref.securityContext, "runAsGroup") === undefined);
      if (inheriting.length > 0) {
        yield {
          path: podSecurityContextPath(pod, "runAsGroup"),
          messageId: "podRootGroup",
          data: { pod: podName, containers: describeContainers(inheriting), runs: inheriting.length === 1 ? "runs" : "run" },
        };
      }
    }
    for (const ref of containers) {
      if (numberField(ref.securityContext, "runAsGroup") === 0) {
        yield { path: containerSecurityContextPath(ref, "runAsGroup"), messageId: "containerRootGroup", data: { container: describeContainer(ref) } };
      }
    }
    if (numberField(pod.securityContext, "fsGroup") === 0) {
      yield { path: podSecurityContextPath(pod, "fsGroup"), messageId: "fsGroupRoot", data: { pod: podName } };
    }
    for (const [index, group] of arrayOf(pod.securityContext.supplementalGroups).entries()) {
      if (group !== 0) continue;
      yield { path: podSecurityContextPath(pod, "supplementalGroups", index), messageId: "supplementalGroupRoot", data: { pod: podName } };
    }
  },
});
