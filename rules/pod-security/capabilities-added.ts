import { defineRule, arrayOf, recordOf, containerSecurityContextPath, containersOf, describeContainer, podSpecOf } from "../../src/engine/api.js";
import { BASELINE_CAPABILITIES, RESTRICTED_ADDABLE_CAPABILITY } from "./capabilities.js";

export default defineRule({
  meta: {
    id: "capabilities-added",
    title: "Container adds a capability other than NET_BIND_SERVICE",
    severity: "medium",
    category: "pod-security",
    rationale:
      "Capabilities such as CHOWN, DAC_OVERRIDE, SETUID or KILL let a process bypass file permissions, change identity or signal other processes. " +
      "The restricted profile lets a container add back only NET_BIND_SERVICE after dropping ALL. " +
      "Capabilities outside the baseline default set are reported by capabilities-beyond-baseline instead, so each added capability is reported once.",
    remediation:
      "Remove the capability from `securityContext.capabilities.add`; only `NET_BIND_SERVICE` may stay. " +
      "If the process needs the capability, change the application (e.g. set file ownership at image build time instead of CHOWN).",
    frameworks: [
      { framework: "PSS", control: "restricted/capabilities" },
      { framework: "CIS", control: "5.2.9" },
      { framework: "NSA-CISA", control: "pod-security/pod-security-enforcement" },
      { framework: "PCI-DSS", control: "2.2" },
    ],
    equivalents: { trivy: ["KSV106"] },
    messages: { addsCapability: "{{container}} adds capability {{capability}}; the restricted profile allows adding only NET_BIND_SERVICE." },
    example: {
      bad: "securityContext:\n  capabilities:\n    drop: [ALL]\n    add: [CHOWN, NET_BIND_SERVICE]",
      good: "securityContext:\n  capabilities:\n    drop: [ALL]\n    add: [NET_BIND_SERVICE]",
    },
  },
  *check(object) {
    const pod = podSpecOf(object);
    // Capabilities are Linux-only: the API server rejects them on a Windows pod, and the standard exempts those pods.
    if (!pod || pod.isWindows) return;
    for (const ref of containersOf(pod)) {
      const added = arrayOf(recordOf(ref.securityContext.capabilities).add);
      for (const [index, capability] of added.entries()) {
        if (typeof capability !== "string" || capability === RESTRICTED_ADDABLE_CAPABILITY || !BASELINE_CAPABILITIES.has(capability)) continue;
        yield {
          path: containerSecurityContextPath(ref, "capabilities", "add", index),
          messageId: "addsCapability",
          data: { container: describeContainer(ref), capability },
        };
      }
    }
  },
});
