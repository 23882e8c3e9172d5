import { defineRule, describeSetter, inheritanceNote, levelSettings, podSpecOf } from "../../src/engine/api.js";

export default defineRule({
  meta: {
    id: "host-process",
    title: "Windows HostProcess container",
    severity: "critical",
    category: "pod-security",
    rationale:
      "A HostProcess container runs as a process directly on the Windows node, with the node's network, file system and " +
      "the rights of a host account: it is the Windows equivalent of a privileged container. The Pod Security Standards " +
      "baseline profile forbids `windowsOptions.hostProcess: true` at pod and at container level; a pod-level value is " +
      "reported even when containers set their own, because Pod Security Admission rejects it on its own.",
    remediation:
      "Remove `securityContext.windowsOptions.hostProcess: true` from the pod and its containers (or set it to `false`), " +
      "and run node-management workloads only in namespaces that allow the privileged profile.",
    frameworks: [
      { framework: "PSS", control: "baseline/hostprocess" },
      { framework: "CIS", control: "5.2.11" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "NSA-CISA", control: "pod-security/pod-security-enforcement" },
    ],
    equivalents: { trivy: ["KSV103"] },
    messages: {
      hostProcess: "{{who}} sets windowsOptions.hostProcess: true{{inheritance}}; HostProcess containers run directly on the Windows node.",
    },
    example: {
      bad:
        "spec:\n  securityContext:\n    windowsOptions:\n      hostProcess: true\n      runAsUserName: \"NT AUTHORITY\\\\SYSTEM\"\n" +
        "  hostNetwork: true\n  containers:\n    - name: agent\n      image: agent:1.0",
      good: "spec:\n  containers:\n    - name: agent\n      image: agent:1.0",
    },
  },
  *check(object) {
    const pod = podSpecOf(object);
    if (!pod) return;
    for (const setting of levelSettings(pod, "windowsOptions", "hostProcess")) {
      if (setting.value !== true) continue;
      yield {
        path: setting.path,
        messageId: "hostProcess",
        data: { who: describeSetter(pod, setting), inheritance: inheritanceNote(pod, setting) },
      };
    }
  },
});
