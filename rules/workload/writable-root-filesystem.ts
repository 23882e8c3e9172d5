import { containerSetting, defineRule, describeContainer, POD_SPEC_OBJECTS, workloadContainers } from "../../src/engine/api.js";

export default defineRule({
  meta: {
    id: "writable-root-filesystem",
    title: "Container root filesystem is writable",
    severity: "medium",
    category: "workload",
    rationale:
      "A writable root filesystem lets an intruder drop tools, alter binaries and persist changes inside the container. " +
      "An immutable root filesystem confines writes to the volumes you mount on purpose.",
    remediation:
      "Set `securityContext.readOnlyRootFilesystem: true` on the container and mount an `emptyDir` volume at each path the process must write (e.g. `/tmp`).",
    frameworks: [
      { framework: "NSA-CISA", control: "pod-security/immutable-file-systems" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "CIS", control: "5.7.3" },
    ],
    equivalents: {
      kubeLinter: ["no-read-only-root-fs"],
      polaris: ["notReadOnlyRootFilesystem"],
      checkov: ["CKV_K8S_22"],
      trivy: ["KSV014"],
    },
    messages: {
      readOnlyUnset: "{{container}} does not set securityContext.readOnlyRootFilesystem: true.",
      readOnlyNotTrue: "{{container}} sets readOnlyRootFilesystem to {{value}}.",
    },
    example: {
      bad: "containers:\n  - name: app\n    image: app:1.0",
      good: "containers:\n  - name: app\n    image: app:1.0\n    securityContext:\n      readOnlyRootFilesystem: true",
    },
  },
  appliesTo: POD_SPEC_OBJECTS,
  *check(object) {
    for (const container of workloadContainers(object)) {
      // Kubernetes rejects this field on Windows pods, so they cannot comply.
      if (container.pod.isWindows) continue;
      const setting = containerSetting(container, "readOnlyRootFilesystem");
      if (setting.value === true) continue;
      const who = describeContainer(container);
      yield setting.from === "unset"
        ? { path: setting.path, messageId: "readOnlyUnset", data: { container: who } }
        : { path: setting.path, messageId: "readOnlyNotTrue", data: { container: who, value: JSON.stringify(setting.value) } };
    }
  },
});
