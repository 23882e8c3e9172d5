import { defineRule, containerSetting, describeContainer, workloadContainers } from "../../src/engine/api.js";

export default defineRule({
  meta: {
    id: "privileged-container",
    title: "Container runs privileged",
    severity: "critical",
    category: "pod-security",
    rationale:
      "A privileged container gets every capability and access to all host devices; escaping to the node is trivial. " +
      "The Pod Security Standards baseline profile forbids it.",
    remediation: "Remove `securityContext.privileged: true`, or set it to `false`, and grant only the capabilities the process needs.",
    frameworks: [
      { framework: "PSS", control: "baseline/privileged-containers" },
      { framework: "CIS", control: "5.2.2" },
      { framework: "NSA-CISA", control: "pod-security/pod-security-enforcement" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "MITRE-ATT&CK", control: "T1611" },
    ],
    equivalents: { kubeLinter: ["privileged-container"], polaris: ["privilegedContainer"], checkov: ["CKV_K8S_16"], trivy: ["KSV017"] },
    messages: { runsPrivileged: "{{container}} runs privileged." },
    example: {
      bad: "containers:\n  - name: app\n    image: app:1.0\n    securityContext:\n      privileged: true",
      good: "containers:\n  - name: app\n    image: app:1.0\n    securityContext:\n      privileged: false",
    },
  },
  *check(object) {
    for (const container of workloadContainers(object)) {
      const privileged = containerSetting(container, "privileged");
      if (privileged.value === true) {
        yield { path: privileged.path, messageId: "runsPrivileged", data: { container: describeContainer(container) } };
      }
    }
  },
});
