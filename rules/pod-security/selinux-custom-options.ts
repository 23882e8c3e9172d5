import { defineRule, podSpecOf } from "../../src/engine/api.js";
import { profileType } from "../templates/profile-type.js";

const SELINUX_TYPE = profileType({
  field: "seLinuxOptions",
  key: "type",
  // container_engine_t joined the list in Kubernetes 1.31.
  allowed: ["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"],
  words: "SELinux type",
});
// No user or role may be set: an empty string is the same as none.
const SELINUX_USER = profileType({ field: "seLinuxOptions", key: "user", allowed: [""], words: "SELinux user" });
const SELINUX_ROLE = profileType({ field: "seLinuxOptions", key: "role", allowed: [""], words: "SELinux role" });

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
      { framework: "PSS", control: "baseline/selinux" },
      { framework: "NSA-CISA", control: "pod-security/hardening-container-environments" },
      { framework: "PCI-DSS", control: "2.2" },
    ],
    equivalents: { trivy: ["KSV025"] },
    messages: { customType: SELINUX_TYPE.message, customUser: SELINUX_USER.message, customRole: SELINUX_ROLE.message },
    example: {
      bad: "securityContext:\n  seLinuxOptions:\n    type: spc_t",
      good: "securityContext:\n  seLinuxOptions:\n    level: \"s0:c123,c456\"",
    },
  },
  *check(object) {
    const pod = podSpecOf(object);
    if (!pod) return;
    for (const { path, data } of SELINUX_TYPE.forbidden(pod)) yield { path, messageId: "customType", data };
    for (const { path, data } of SELINUX_USER.forbidden(pod)) yield { path, messageId: "customUser", data };
    for (const { path, data } of SELINUX_ROLE.forbidden(pod)) yield { path, messageId: "customRole", data };
  },
});
