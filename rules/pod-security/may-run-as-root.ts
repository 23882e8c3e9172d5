import { defineRule, booleanField, containerSecurityContextPath, containersOf, describeContainer, describeContainers, describePod, inheritedValue, numberField, podSecurityContextPath, podSpecOf, type ContainerRef } from "../../src/engine/api.js";
import { missingInheritedSetting, usesUserNamespace } from "./restricted-helpers.js";

export default defineRule({
  meta: {
    id: "may-run-as-root",
    title: "Container is not required to run as non-root",
    severity: "medium",
    category: "pod-security",
    rationale:
      "Without `runAsNonRoot: true` a container runs as whatever user its image names, often root, and root in a container " +
      "is root on the node once it escapes. With it, the kubelet refuses to start a container that would run as UID 0. " +
      "A container inherits the pod's setting unless it sets its own. A non-zero `runAsUser` does keep a container off root, " +
      "and the finding then says so, but the restricted profile requires `runAsNonRoot: true` all the same: it is what the kubelet enforces.",
    remediation:
      "Set `spec.securityContext.runAsNonRoot: true` on the pod (containers inherit it), or on each container's `securityContext`; " +
      "never set it to false. The image must then run as a numeric non-zero user, or the pod must set a non-zero `runAsUser` " +
      "(which on its own does not satisfy the restricted profile).",
    options: {
      userNamespacesExempt: {
        type: "boolean",
        description:
          "Skip pods with `spec.hostUsers: false`: their root maps to an unprivileged user on the node, and current Pod Security admission skips this check for them.",
        default: true,
      },
    },
    frameworks: [
      { framework: "PSS", control: "restricted/running-as-non-root" },
      { framework: "CIS", control: "5.2.7" },
      { framework: "NSA-CISA", control: "pod-security/non-root-containers" },
      { framework: "PCI-DSS", control: "2.2" },
    ],
    equivalents: { kubeLinter: ["run-as-non-root"], polaris: ["runAsRootAllowed"], checkov: ["CKV_K8S_23"], trivy: ["KSV012"] },
    messages: {
      podAllowsRoot: "{{pod}} sets runAsNonRoot: false, so {{containers}} may run as root.",
      podAllowsRootOverridden: "{{pod}} sets runAsNonRoot: false; the restricted profile forbids it even though every container overrides it.",
      containerAllowsRoot: "{{container}} sets runAsNonRoot: false, so it may run as root.",
      missingEverywhere: "{{containers}} may run as root: neither {{pod}} nor any container sets runAsNonRoot: true.",
      missingForContainer: "{{container}} may run as root: neither it nor {{pod}} sets runAsNonRoot: true.",
      nonRootUserMissingEverywhere:
        "{{containers}}: runAsUser {{uids}} {{is}} not root, but the restricted profile still requires runAsNonRoot: true, which neither {{pod}} nor any container sets.",
      nonRootUserMissingForContainer:
        "{{container}}: runAsUser {{uid}} is not root, but the restricted profile still requires runAsNonRoot: true, which neither it nor {{pod}} sets.",
    },
    example: {
      bad: "spec:\n  containers:\n    - name: app\n      image: app:1.0",
      good: "spec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: app\n      image: app:1.0",
    },
  },
  *check(object, context) {
    const pod = podSpecOf(object);
    if (!pod) return;
    if (context.options.userNamespacesExempt && usesUserNamespace(pod)) return;
    const containers = containersOf(pod);
    const podName = describePod(pod);
    const effective = containers.map((ref) => ({ ref, ...inheritedValue(ref, (securityContext) => booleanField(securityContext, "runAsNonRoot")) }));

    // The standard forbids a pod-level false even when every container overrides it.
    if (booleanField(pod.securityContext, "runAsNonRoot") === false) {
      const path = podSecurityContextPath(pod, "runAsNonRoot");
      const inheriting = effective.filter((setting) => setting.from === "pod").map((setting) => setting.ref);
      yield inheriting.length > 0
        ? { path, messageId: "podAllowsRoot", data: { pod: podName, containers: describeContainers(inheriting) } }
        : { path, messageId: "podAllowsRootOverridden", data: { pod: podName } };
    }
    for (const setting of effective) {
      if (setting.from === "container" && setting.value === false) {
        yield { path: containerSecurityContextPath(setting.ref, "runAsNonRoot"), messageId: "containerAllowsRoot", data: { container: describeContainer(setting.ref) } };
      }
    }
    const missing = effective.filter((setting) => setting.from === "unset").map((setting) => setting.ref);
    // A non-zero runAsUser does keep a container off root; the restricted profile asks for runAsNonRoot all the same.
    for (const gap of missingInheritedSetting(pod, containers, missing, ["runAsNonRoot"])) {
      const { path } = gap;
      if (gap.atPodLevel) {
        const uids = nonRootUserIds(gap.containers);
        const who = describeContainers(gap.containers);
        yield uids
          ? { path, messageId: "nonRootUserMissingEverywhere", data: { containers: who, uids: andList(uids), is: uids.length === 1 ? "is" : "are", pod: podName } }
          : { path, messageId: "missingEverywhere", data: { containers: who, pod: podName } };
      } else {
        const uids = nonRootUserIds([gap.container]);
        const container = describeContainer(gap.container);
        yield uids
          ? { path, messageId: "nonRootUserMissingForContainer", data: { container, uid: uids[0], pod: podName } }
          : { path, messageId: "missingForContainer", data: { container, pod: podName } };
      }
    }
  },
});

/** The distinct effective UIDs of the containers when every one is an integer above 0, else undefined. */
function nonRootUserIds(refs: readonly ContainerRef[]): number[] | undefined {
  const ids = refs.map((ref) => inheritedValue(ref, (securityContext) => numberField(securityContext, "runAsUser")).value);
  if (!ids.every((id): id is number => id !== undefined && Number.isInteger(id) && id > 0)) return undefined;
  return [...new Set(ids)];
}

/** `1000`, `1000 and 2000`, `1000, 2000 and 3000`. */
function andList(ids: readonly number[]): string {
  return ids.length === 1 ? String(ids[0]) : `${ids.slice(0, -1).join(", ")} and ${ids[ids.length - 1]}`;
}
