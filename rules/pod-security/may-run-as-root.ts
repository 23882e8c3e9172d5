import { defineRule, containersOf, describeContainer, podSpecOf, type ContainerRef } from "../../src/engine/api.js";
import { describePod } from "./pod-settings.js";
import { booleanField, containerSecurityContextPath, describeContainers, inheritedValue, missingInheritedSetting, numberField, podSecurityContextPath, usesUserNamespace } from "./restricted-helpers.js";

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
      { framework: "PSS", control: "restricted", title: "Running as Non-root" },
      { framework: "CIS", control: "5.2.7", title: "Minimize the admission of root containers" },
      { framework: "NSA-CISA", control: "Pod security: non-root, unprivileged containers" },
    ],
    equivalents: { kubeLinter: ["run-as-non-root"], polaris: ["runAsRootAllowed"], checkov: ["CKV_K8S_23"], trivy: ["KSV012"] },
    example: {
      bad: "spec:\n  containers:\n    - name: app\n      image: app:1.0",
      good: "spec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: app\n      image: app:1.0",
    },
  },
  *check(object, context) {
    const pod = podSpecOf(object);
    if (!pod) return;
    if (context.options.userNamespacesExempt !== false && usesUserNamespace(pod)) return;
    const containers = containersOf(pod);
    const podName = describePod(pod);
    const effective = containers.map((ref) => ({ ref, ...inheritedValue(ref, (securityContext) => booleanField(securityContext, "runAsNonRoot")) }));

    // The standard forbids a pod-level false even when every container overrides it.
    if (booleanField(pod.securityContext, "runAsNonRoot") === false) {
      const inheriting = effective.filter((setting) => setting.from === "pod").map((setting) => setting.ref);
      yield {
        path: podSecurityContextPath(pod, "runAsNonRoot"),
        message:
          inheriting.length > 0
            ? `${podName} sets runAsNonRoot: false, so ${describeContainers(inheriting)} may run as root.`
            : `${podName} sets runAsNonRoot: false; the restricted profile forbids it even though every container overrides it.`,
      };
    }
    for (const setting of effective) {
      if (setting.from === "container" && setting.value === false) {
        yield {
          path: containerSecurityContextPath(setting.ref, "runAsNonRoot"),
          message: `${describeContainer(setting.ref)} sets runAsNonRoot: false, so it may run as root.`,
        };
      }
    }
    const missing = effective.filter((setting) => setting.from === "unset").map((setting) => setting.ref);
    // A non-zero runAsUser does keep a container off root; the restricted profile asks for runAsNonRoot all the same.
    yield* missingInheritedSetting(pod, containers, missing, ["runAsNonRoot"], (who, atPodLevel, refs) => {
      const neither = atPodLevel ? `neither ${podName} nor any container` : `neither it nor ${podName}`;
      const userIds = nonRootUserIds(refs);
      return userIds
        ? `${who}: ${userIds} not root, but the restricted profile still requires runAsNonRoot: true, which ${neither} sets.`
        : `${who} may run as root: ${neither} sets runAsNonRoot: true.`;
    });
  },
});

/** `runAsUser 1000 is`, `runAsUser 1000 and 2000 are`: the effective UIDs when every one is an integer above 0, else undefined. */
function nonRootUserIds(refs: readonly ContainerRef[]): string | undefined {
  const ids = refs.map((ref) => inheritedValue(ref, (securityContext) => numberField(securityContext, "runAsUser")).value);
  if (!ids.every((id) => id !== undefined && Number.isInteger(id) && id > 0)) return undefined;
  const distinct = [...new Set(ids)];
  return distinct.length === 1 ? `runAsUser ${distinct[0]} is` : `runAsUser ${distinct.slice(0, -1).join(", ")} and ${distinct[distinct.length - 1]} are`;
}
