import { defineRule } from "../../src/engine/api.js";
import { describePod, podFlagSet } from "./pod-settings.js";

export default defineRule({
  meta: {
    id: "host-ipc",
    title: "Pod shares the node's IPC namespace",
    severity: "high",
    category: "pod-security",
    rationale:
      "With hostIPC the containers can read and write the shared memory segments and message queues of every process " +
      "on the node. The Pod Security Standards baseline profile forbids it.",
    remediation: "Remove `spec.hostIPC: true` (or set it to `false`); share memory between the pod's own containers through an `emptyDir` with `medium: Memory`.",
    frameworks: [
      { framework: "PSS", control: "baseline", title: "Host Namespaces" },
      { framework: "CIS", control: "5.2.4", title: "Minimize the admission of containers wishing to share the host IPC namespace" },
      { framework: "NSA-CISA", control: "Pod security: do not share host namespaces (hostIPC)" },
    ],
    equivalents: { kubeLinter: ["host-ipc"], polaris: ["hostIPCSet"], checkov: ["CKV_K8S_18"], trivy: ["KSV008"] },
    example: {
      bad: "spec:\n  hostIPC: true\n  containers:\n    - name: app\n      image: app:1.0",
      good: "spec:\n  containers:\n    - name: app\n      image: app:1.0",
    },
  },
  *check(object) {
    const set = podFlagSet(object, "hostIPC");
    if (set) yield { path: set.path, message: `${describePod(set.pod)} shares the node's IPC namespace (hostIPC: true).` };
  },
});
