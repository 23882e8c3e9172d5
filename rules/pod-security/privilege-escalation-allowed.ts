import { defineRule, containersOf, describeContainer, podSpecOf, type ContainerRef, recordOf, stringsOf } from "../../src/engine/api.js";
import { containerSecurityContextPath } from "./restricted-helpers.js";

/** Why escalation stays possible whatever allowPrivilegeEscalation says, when the container is privileged or adds SYS_ADMIN. */
function escalationImpliedBy(ref: ContainerRef): string | undefined {
  if (ref.securityContext.privileged === true) return "it is privileged";
  const added = stringsOf(recordOf(ref.securityContext.capabilities).add);
  const sysAdmin = added.find((capability) => capability === "SYS_ADMIN" || capability === "CAP_SYS_ADMIN");
  return sysAdmin ? `it adds ${sysAdmin}` : undefined;
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
      { framework: "PSS", control: "restricted", title: "Privilege Escalation" },
      { framework: "CIS", control: "5.2.6", title: "Minimize the admission of containers with allowPrivilegeEscalation" },
      { framework: "NSA-CISA", control: "Pod security: non-root, unprivileged containers" },
    ],
    equivalents: {
      kubeLinter: ["privilege-escalation-container"],
      polaris: ["privilegeEscalationAllowed"],
      checkov: ["CKV_K8S_20"],
      trivy: ["KSV001"],
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
      if (allowed === true) {
        yield { path, message: `${describeContainer(ref)} sets allowPrivilegeEscalation: true.` };
        continue;
      }
      const implied = escalationImpliedBy(ref);
      yield {
        path,
        message: implied
          ? `${describeContainer(ref)} allows privilege escalation: ${implied} and does not set allowPrivilegeEscalation: false.`
          : `${describeContainer(ref)} does not set allowPrivilegeEscalation: false, so escalation is allowed by default.`,
      };
    }
  },
});
