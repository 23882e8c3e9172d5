import { defineRule, containerSecurityContextPath, containersOf, describeContainer, describeContainers, describePod, inheritedValue, numberField, podSecurityContextPath, podSpecOf } from "../../src/engine/api.js";
import { missingInheritedSetting, usesUserNamespace } from "./restricted-helpers.js";

export default defineRule({
  meta: {
    id: "run-as-user-below-minimum",
    title: "Container runs with a UID below the required minimum",
    severity: "low",
    category: "pod-security",
    rationale:
      "A container whose UID is also a user on the node (system accounts sit below 1000, people's accounts from 1000 up) owns that " +
      "user's files after an escape or through a host mount. Some teams therefore require every UID to be at least 10000. No standard " +
      "asks for it (the Pod Security Standards require only a non-zero UID), so this rule is off by default; turn it on to enforce such " +
      "a policy. UID 0 is run-as-user-root's finding and is not reported again; a container whose UID is not set in the manifest is " +
      "reported, since the image's user then decides and the policy cannot be verified. The effective UID is judged: a container's own " +
      "runAsUser overrides the pod's. Windows pods and pods in a user namespace (`hostUsers: false`) are skipped.",
    remediation:
      "Set `runAsUser` in the pod's `securityContext` (or the container's) to a UID at or above the minimum (e.g. `runAsUser: 10001`), " +
      "and build the image so that this UID can run it.",
    options: {
      minimum: {
        type: "number",
        description: "The lowest UID a container may run as; UIDs from 1 up to one below this are reported.",
        default: 10000,
      },
    },
    enabledByDefault: false,
    frameworks: [
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "NSA-CISA", control: "pod-security/non-root-containers" },
      { framework: "CIS", control: "5.7.3" },
    ],
    equivalents: { kubeScore: ["container-security-context-user-group-id"], checkov: ["CKV_K8S_40"], trivy: ["KSV020"] },
    messages: {
      podBelowMinimum: "{{pod}} sets runAsUser: {{uid}} for {{containers}}, below the minimum of {{minimum}}.",
      containerBelowMinimum: "{{container}} sets runAsUser: {{uid}}, below the minimum of {{minimum}}.",
      missingEverywhere:
        "{{containers}} {{runs}} as the image's user: neither {{pod}} nor any container sets runAsUser, so a UID of at least {{minimum}} is not ensured.",
      missingForContainer:
        "{{container}} runs as the image's user: neither it nor {{pod}} sets runAsUser, so a UID of at least {{minimum}} is not ensured.",
    },
    example: {
      bad: "containers:\n  - name: app\n    image: app:1.0\n    securityContext:\n      runAsUser: 1000",
      good: "containers:\n  - name: app\n    image: app:1.0\n    securityContext:\n      runAsUser: 10001",
    },
  },
  *check(object, context) {
    const pod = podSpecOf(object);
    if (!pod || pod.isWindows || usesUserNamespace(pod)) return;
    const { minimum } = context.options;
    const containers = containersOf(pod);
    const podName = describePod(pod);
    const isLow = (uid: number | undefined): uid is number => uid !== undefined && uid > 0 && uid < minimum;
    const effective = containers.map((ref) => ({ ref, ...inheritedValue(ref, (securityContext) => numberField(securityContext, "runAsUser")) }));

    const podUid = numberField(pod.securityContext, "runAsUser");
    const inheriting = effective.filter((setting) => setting.from === "pod").map((setting) => setting.ref);
    if (isLow(podUid) && inheriting.length > 0) {
      yield {
        path: podSecurityContextPath(pod, "runAsUser"),
        messageId: "podBelowMinimum",
        data: { pod: podName, uid: podUid, containers: describeContainers(inheriting), minimum },
      };
    }
    for (const setting of effective) {
      if (setting.from === "container" && isLow(setting.value)) {
        yield {
          path: containerSecurityContextPath(setting.ref, "runAsUser"),
          messageId: "containerBelowMinimum",
          data: { container: describeContainer(setting.ref), uid: setting.value, minimum },
        };
      }
    }
    const unset = effective.filter((setting) => setting.from === "unset").map((setting) => setting.ref);
    for (const gap of missingInheritedSetting(pod, containers, unset, ["runAsUser"])) {
      yield gap.atPodLevel
        ? {
            path: gap.path,
            messageId: "missingEverywhere",
            data: { containers: describeContainers(gap.containers), runs: gap.containers.length === 1 ? "runs" : "run", pod: podName, minimum },
          }
        : { path: gap.path, messageId: "missingForContainer", data: { container: describeContainer(gap.container), pod: podName, minimum } };
    }
  },
});
