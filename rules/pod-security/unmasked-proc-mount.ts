import { defineRule, containerSetting, describeContainer, workloadContainers } from "../../src/engine/api.js";

export default defineRule({
  meta: {
    id: "unmasked-proc-mount",
    title: "Container unmasks /proc",
    severity: "high",
    category: "pod-security",
    rationale:
      "The runtime masks and makes read-only sensitive parts of /proc (kcore, sysrq-trigger, keys and the like); " +
      "`procMount: Unmasked` removes those masks and exposes kernel interfaces to the container. The Pod Security " +
      "Standards baseline profile allows only `Default`.",
    remediation: "Remove `securityContext.procMount` or set it to `Default`.",
    frameworks: [
      { framework: "PSS", control: "baseline/proc-mount-type" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "NSA-CISA", control: "pod-security/pod-security-enforcement" },
    ],
    equivalents: { kubeLinter: ["unsafe-proc-mount"], trivy: ["KSV027"] },
    messages: { unmasked: "{{container}} sets procMount {{procMount}}." },
    example: {
      bad: "containers:\n  - name: app\n    image: app:1.0\n    securityContext:\n      procMount: Unmasked",
      good: "containers:\n  - name: app\n    image: app:1.0",
    },
  },
  *check(object) {
    for (const container of workloadContainers(object)) {
      const procMount = containerSetting(container, "procMount");
      if (typeof procMount.value !== "string" || procMount.value === "Default") continue;
      yield { path: procMount.path, messageId: "unmasked", data: { container: describeContainer(container), procMount: procMount.value } };
    }
  },
});
