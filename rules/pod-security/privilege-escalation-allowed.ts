import { defineRule, containerSecurityContextPath, containersOf, describeContainer, podSpecOf, type ContainerRef, recordOf, stringsOf } from "../../src/engine/api.js";

/** SYS_ADMIN as the container adds it, if it does: with it, as when privileged, escalation stays possible whatever allowPrivilegeEscalation says. */
function addedSysAdmin(ref: ContainerRef): string | undefined {
  const added = stringsOf(recordOf(ref.securityContext.capabilities).add);
  return added.find((capability) => capability === "SYS_ADMIN" || capability === "CAP_SYS_ADMIN");
}

export default defineRule({
  meta: {
    id: "privilege-escalation-allowed",
    title: "Container allows privilege escalation",
    severity: "medium",
    category: "pod-security",
    rationale:
      "Unless `allowPrivilegeEscalation` is false, the kernel's no_new_privs flag is not set, so a process can gain privileges " +
      "through setuid or setgid binaries or file capabilities. It defaults to true, so the restricted profile requires an explicit false.",
    remediation:
      "Set `securityContext.allowPrivilegeEscalation: false` on every container, init container and ephemeral container. " +
      "A privileged container or one that adds SYS_ADMIN always allows escalation; remove those first.",
    frameworks: [
      { framework: "PSS", control: "restricted/privilege-escalation" },
      { framework: "CIS", control: "5.2.6" },
      { framework: "NSA-CISA", control: "pod-security/pod-security-enforcement" },
      { framework: "PCI-DSS", control: "2.2" },
    ],
    equivalents: {
      kubeLinter: ["privilege-escalation-container"],
      polaris: ["privilegeEscalationAllowed"],
      checkov: ["CKV_K8S_20"],
      trivy: ["KSV001"],
    },
    messages: {
      allowedExplicitly: "{{container}} sets allowPrivilegeEscalation: true.",
      allowedAsPrivileged: "{{container}} allows privilege escalation: it is privileged and does not set allowPrivilegeEscalation: false.",
      allowedBySysAdmin: "{{container}} allows privilege escalation: it adds {{capability}} and does not set allowPrivilegeEscalation: false.",
      allowedByDefault: "{{container}} does not set allowPrivilegeEscalation: false, so escalation is allowed by default.",
    },
    example: {
      bad: "containers:\n  - name: app\n    image: app:1.0\n    securityContext:\n      runAsNonRoot: true",
      good: "containers:\n  - name: app\n    image: app:1.0\n    securityContext:\n      runAsNonRoot: true\n      allowPrivilegeEscalation: false",
    },
  },
  *check(object) {
    const pod = podSpecOf(object);
    // The field is Linux-only: the API server rejects it on a Windows pod, and the standard exempts those pods.
    if (!pod || pod.isWindows) return;
    for (const ref of containersOf(pod)) {
      const allowed = ref.securityContext.allowPrivilegeEscalation;
      if (allowed === false) continue;
      const path = containerSecurityContextPath(ref, "allowPrivilegeEscalation");
      const container = describeContainer(ref);
      const sysAdmin = addedSysAdmin(ref);
      if (allowed === true) yield { path, messageId: "allowedExplicitly", data: { container } };
      else if (ref.securityContext.privileged === true) yield { path, messageId: "allowedAsPrivileged", data: { container } };
      else if (sysAdmin) yield { path, messageId: "allowedBySysAdmin", data: { container, capability: sysAdmin } };
      else yield { path, messageId: "allowedByDefault", data: { container } };
    }
  },
});
