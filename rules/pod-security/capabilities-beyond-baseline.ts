import { defineRule, arrayOf, recordOf, containerSetting, describeContainer, workloadContainers } from "../../src/engine/api.js";
import { BASELINE_CAPABILITIES } from "./capabilities.js";

// Runtimes upper-case names and add the CAP_ prefix themselves, but Pod Security Admission compares the
// names exactly as written: point that out when the name is an allowed capability spelled another way.
function allowedSpelling(capability: string): string | undefined {
  const canonical = capability.toUpperCase().replace(/^CAP_/, "");
  return canonical !== capability && BASELINE_CAPABILITIES.has(canonical) ? canonical : undefined;
}

export default defineRule({
  meta: {
    id: "capabilities-beyond-baseline",
    title: "Container adds a capability beyond the default set",
    severity: "high",
    category: "pod-security",
    rationale:
      "Capabilities outside the runtime's default set, such as SYS_ADMIN, NET_ADMIN, SYS_PTRACE or SYS_MODULE, hand a " +
      "container kernel powers that lead to the node. The Pod Security Standards baseline profile allows `capabilities.add` " +
      "to hold only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, " +
      "SETPCAP, SETUID and SYS_CHROOT, compared exactly as Pod Security Admission does (upper case, no CAP_ prefix).",
    remediation:
      "Remove the capability from `securityContext.capabilities.add`; if the process truly needs it, run the workload in a " +
      "namespace whose policy allows it and document why.",
    frameworks: [
      { framework: "PSS", control: "baseline/capabilities" },
      { framework: "CIS", control: "5.2.9" },
      { framework: "NSA-CISA", control: "pod-security/pod-security-enforcement" },
      { framework: "PCI-DSS", control: "2.2" },
    ],
    equivalents: {
      polaris: ["insecureCapabilities", "dangerousCapabilities"],
      checkov: ["CKV_K8S_25", "CKV_K8S_39"],
      trivy: ["KSV022"],
    },
    messages: {
      addsCapability: "{{container}} adds capability {{capability}}.",
      addsMisspeltCapability: "{{container}} adds capability {{capability}} (Pod Security Admission compares names exactly: write {{allowed}}).",
    },
    example: {
      bad: "containers:\n  - name: app\n    image: app:1.0\n    securityContext:\n      capabilities:\n        add: [SYS_ADMIN]",
      good: "containers:\n  - name: app\n    image: app:1.0\n    securityContext:\n      capabilities:\n        add: [NET_BIND_SERVICE]",
    },
  },
  *check(object) {
    for (const container of workloadContainers(object)) {
      const capabilities = containerSetting(container, "capabilities");
      const added = arrayOf(recordOf(capabilities.value).add);
      for (const [index, capability] of added.entries()) {
        if (typeof capability !== "string" || BASELINE_CAPABILITIES.has(capability)) continue;
        const path = [...capabilities.path, "add", index];
        const allowed = allowedSpelling(capability);
        yield allowed
          ? { path, messageId: "addsMisspeltCapability", data: { container: describeContainer(container), capability, allowed } }
          : { path, messageId: "addsCapability", data: { container: describeContainer(container), capability } };
      }
    }
  },
});
