import { defineRule, podSpecOf } from "../../src/engine/api.js";
import { profileType } from "../templates/profile-type.js";

const SECCOMP_TYPE = profileType({ field: "seccompProfile", key: "type", allowed: ["RuntimeDefault", "Localhost"], words: "seccomp profile type" });

export default defineRule({
  meta: {
    id: "seccomp-unconfined",
    title: "Seccomp explicitly disabled",
    severity: "high",
    category: "pod-security",
    rationale:
      "Seccomp filters the system calls a container may make; `Unconfined` turns the filter off and opens the whole " +
      "kernel interface to it. The Pod Security Standards baseline profile forbids setting `seccompProfile.type` to " +
      "anything but `RuntimeDefault` or `Localhost`, at pod and at container level. Each level is judged on its own, as " +
      "Pod Security Admission does: a pod-level `Unconfined` is reported even when every container sets its own profile.",
    remediation:
      "Remove `securityContext.seccompProfile` or set `seccompProfile.type` to `RuntimeDefault` (or `Localhost` with a " +
      "reviewed `localhostProfile`), on the pod and on every container.",
    frameworks: [
      { framework: "PSS", control: "baseline/seccomp" },
      { framework: "NSA-CISA", control: "pod-security/hardening-container-environments" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "MITRE-ATT&CK", control: "T1068" },
    ],
    equivalents: { trivy: ["KSV104"] },
    messages: { forbiddenType: SECCOMP_TYPE.message },
    example: {
      bad: "spec:\n  securityContext:\n    seccompProfile:\n      type: Unconfined",
      good: "spec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault",
    },
  },
  *check(object) {
    const pod = podSpecOf(object);
    if (!pod) return;
    for (const { path, data } of SECCOMP_TYPE.forbidden(pod)) yield { path, messageId: "forbiddenType", data };
  },
});
