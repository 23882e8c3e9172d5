import { defineRule, containerSecurityContextPath, containersOf, describeContainer, describeContainers, describePod, numberField, podSecurityContextPath, podSpecOf } from "../../src/engine/api.js";
import { usesUserNamespace } from "./restricted-helpers.js";

export default defineRule({
  meta: {
    id: "run-as-user-root",
    title: "Container is set to run as UID 0",
    // Higher than may-run-as-root: that one is about root not being ruled out; here root is requested outright.
    severity: "high",
    category: "pod-security",
    rationale:
      "`runAsUser: 0` makes the container's processes run as root whatever the image says, so a container escape or a writable host mount " +
      "hands root on the node to the attacker. This is certain root, not possible root, which is why it rates above a missing runAsNonRoot.",
    remediation:
      "Remove `runAsUser: 0` from the pod's and the containers' `securityContext`, or set a non-zero UID (e.g. `runAsUser: 10001`) that the image can run as.",
    options: {
      userNamespacesExempt: {
        type: "boolean",
        description:
          "Skip pods with `spec.hostUsers: false`: their UID 0 maps to an unprivileged user on the node, and current Pod Security admission skips this check for them.",
        default: true,
      },
    },
    frameworks: [
      { framework: "PSS", control: "restricted/running-as-non-root-user" },
      { framework: "CIS", control: "5.2.7" },
      { framework: "NSA-CISA", control: "pod-security/non-root-containers" },
      { framework: "PCI-DSS", control: "2.2" },
    ],
    equivalents: { trivy: ["KSV105"] },
    messages: {
      podRoot: "{{pod}} sets runAsUser: 0, so {{containers}} {{runs}} as root.",
      podRootOverridden: "{{pod}} sets runAsUser: 0; the restricted profile forbids it even though every container overrides it.",
      containerRoot: "{{container}} sets runAsUser: 0, so it runs as root.",
    },
    example: {
      bad: "containers:\n  - name: app\n    image: app:1.0\n    securityContext:\n      runAsUser: 0",
      good: "containers:\n  - name: app\n    image: app:1.0\n    securityContext:\n      runAsUser: 10001",
    },
  },
  *check(object, context) {
    const pod = podSpecOf(object);
    if (!pod) return;
    if (context.options.userNamespacesExempt && usesUserNamespace(pod)) return;
    const containers = containersOf(pod);

    // The standard forbids a pod-level 0 even when every container overrides it.
    if (numberField(pod.securityContext, "runAsUser") === 0) {
      const path = podSecurityContextPath(pod, "runAsUser");
      const inheriting = containers.filter((ref) => numberField(ref.securityContext, "runAsUser") === undefined);
      yield inheriting.length > 0
        ? { path, messageId: "podRoot", data: { pod: describePod(pod), containers: describeContainers(inheriting), runs: inheriting.length === 1 ? "runs" : "run" } }
        : { path, messageId: "podRootOverridden", data: { pod: describePod(pod) } };
    }
    for (const ref of containers) {
      if (numberField(ref.securityContext, "runAsUser") === 0) {
        yield { path: containerSecurityContextPath(ref, "runAsUser"), messageId: "containerRoot", data: { container: describeContainer(ref) } };
      }
    }
  },
});
