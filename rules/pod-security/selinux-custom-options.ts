import { defineRule, podSpecOf } from "../../src/engine/api.js";
import { describeSetter, inheritanceNote, levelSettings } from "./pod-settings.js";

// container_engine_t joined the list in Kubernetes 1.31.
const ALLOWED_TYPES: ReadonlySet<string> = new Set(["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"]);

export default defineRule({
  meta: {
    id: "selinux-custom-options",
    title: "Custom SELinux user, role or type",
    severity: "high",
    category: "pod-security",
    rationale:
      "SELinux confines a container through its label; a custom type such as `spc_t` or `unconfined_t`, or a custom " +
      "user or role, lifts that confinement. The Pod Security Standards baseline profile allows only the container types " +
      "(`container_t`, `container_init_t`, `container_kvm_t`, `container_engine_t`) and no user or role, at pod and " +
      "container level; each level is judged on its own, as Pod Security Admission does.",
    remediation:
      "Remove `securityContext.seLinuxOptions.user` and `.role`, and leave `.type` unset or set it to one of " +
      "`container_t`, `container_init_t`, `container_kvm_t`, `container_engine_t`; setting only `.level` is allowed.",
    frameworks: [
      { framework: "PSS", control: "baseline", title: "SELinux" },
      { framework: "NSA-CISA", control: "Pod security: kernel hardening with SELinux" },
    ],
    equivalents: { trivy: ["KSV025"] },
    example: {
      bad: "securityContext:\n  seLinuxOptions:\n    type: spc_t",
      good: "securityContext:\n  seLinuxOptions:\n    level: \"s0:c123,c456\"",
    },
  },
  *check(object) {
    const pod = podSpecOf(object);
    if (!pod) return;
    for (const setting of levelSettings(pod, "seLinuxOptions", "type")) {
      if (typeof setting.value !== "string" || ALLOWED_TYPES.has(setting.value)) continue;
      yield {
        path: setting.path,
        message: `${describeSetter(pod, setting)} sets SELinux type ${setting.value}${inheritanceNote(pod, setting)}.`,
      };
    }
    for (const key of ["user", "role"]) {
      for (const setting of levelSettings(pod, "seLinuxOptions", key)) {
        if (typeof setting.value !== "string" || setting.value === "") continue;
        yield {
          path: setting.path,
          message: `${describeSetter(pod, setting)} sets SELinux ${key} ${setting.value}${inheritanceNote(pod, setting)}.`,
        };
      }
    }
  },
});
