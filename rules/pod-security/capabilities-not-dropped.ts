import { defineRule, containerSecurityContextPath, containersOf, describeContainer, podSpecOf, recordOf, stringsOf } from "../../src/engine/api.js";

export default defineRule({
  meta: {
    id: "capabilities-not-dropped",
    title: "Container does not drop ALL capabilities",
    severity: "medium",
    category: "pod-security",
    rationale:
      "Container runtimes grant a default set of capabilities (NET_RAW, SETUID, DAC_OVERRIDE, CHOWN, …) that most applications never use; " +
      "NET_RAW alone allows packet spoofing on the node's network. The restricted profile requires every container to drop ALL and add back only NET_BIND_SERVICE.",
    remediation:
      'Add `ALL` to `securityContext.capabilities.drop` on every container, init container and ephemeral container (`drop: ["ALL"]`, in upper case), ' +
      "then add back only `NET_BIND_SERVICE` if the process binds a port below 1024.",
    frameworks: [
      { framework: "PSS", control: "restricted/capabilities" },
      { framework: "CIS", control: "5.2.8" },
      { framework: "CIS", control: "5.2.10" },
      { framework: "NSA-CISA", control: "pod-security/pod-security-enforcement" },
      { framework: "PCI-DSS", control: "2.2" },
    ],
    equivalents: { polaris: ["insecureCapabilities"], checkov: ["CKV_K8S_37"], trivy: ["KSV003", "KSV106"] },
    messages: {
      dropsOtherCase: '{{container}} drops "{{written}}"; the restricted profile only recognises ALL in upper case.',
      doesNotDropAll: "{{container}} does not drop ALL capabilities.",
    },
    example: {
      bad: "containers:\n  - name: app\n    image: app:1.0\n    securityContext:\n      capabilities:\n        drop: [NET_RAW]",
      good: "containers:\n  - name: app\n    image: app:1.0\n    securityContext:\n      capabilities:\n        drop: [ALL]",
    },
  },
  *check(object) {
    const pod = podSpecOf(object);
    // Capabilities are Linux-only: the API server rejects them on a Windows pod, and the standard exempts those pods.
    if (!pod || pod.isWindows) return;
    for (const ref of containersOf(pod)) {
      const dropped = stringsOf(recordOf(ref.securityContext.capabilities).drop);
      if (dropped.includes("ALL")) continue;
      // Pod Security admission compares exactly, so a lower-case "all" does not satisfy it.
      const otherCase = dropped.find((capability) => capability.toUpperCase() === "ALL");
      const path = containerSecurityContextPath(ref, "capabilities", "drop");
      const container = describeContainer(ref);
      yield otherCase
        ? { path, messageId: "dropsOtherCase", data: { container, written: otherCase } }
        : { path, messageId: "doesNotDropAll", data: { container } };
    }
  },
});
