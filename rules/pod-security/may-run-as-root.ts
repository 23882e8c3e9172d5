import { defineRule } from "../../src/engine/rule.js";
import { containersOf, describeContainer, podSpecOf } from "../../src/engine/workload.js";
import { describePod } from "./pod-settings.js";
import {
  booleanField,
  containerSecurityContextPath,
  describeContainers,
  inheritedValue,
  missingInheritedSetting,
  podSecurityContextPath,
  usesUserNamespace,
} from "./restricted-helpers.js";

export default defineRule({
  meta: {
    id: "may-run-as-root",
    title: "Container is not required to run as non-root",
    severity: "medium",
    category: "pod-security",
    rationale:
      "Without `runAsNonRoot: true` a container runs as whatever user its image names, often root, and root in a container " +
      "is root on the node once it escapes. With it, the kubelet refuses to start a container that would run as UID 0. " +
      "A container inherits the pod's setting unless it sets its own.",
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
    yield* missingInheritedSetting(pod, containers, missing, ["runAsNonRoot"], (who, atPodLevel) =>
      atPodLevel
        ? `${who} may run as root: neither ${podName} nor any container sets runAsNonRoot: true.`
        : `${who} may run as root: neither it nor ${podName} sets runAsNonRoot: true.`,
    );
  },
});
