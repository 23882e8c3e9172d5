import { defineRule, podAnnotations, podSpecOf } from "../../src/engine/api.js";
import { profileType } from "../templates/profile-type.js";

const APPARMOR_TYPE = profileType({ field: "appArmorProfile", key: "type", allowed: ["RuntimeDefault", "Localhost"], words: "AppArmor profile type" });
const ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

function allowedAnnotationValue(value: string): boolean {
  return value === "" || value === "runtime/default" || value.startsWith("localhost/");
}

export default defineRule({
  meta: {
    id: "apparmor-unconfined",
    title: "AppArmor profile disabled or overridden",
    severity: "high",
    category: "pod-security",
    rationale:
      "On nodes with AppArmor the runtime confines every container with its default profile; `Unconfined` removes that " +
      "confinement. The Pod Security Standards baseline profile allows only `RuntimeDefault` or `Localhost` for " +
      "`appArmorProfile.type` (pod and container level, each judged on its own as Pod Security Admission does), and only " +
      "`runtime/default` or `localhost/*` for the deprecated `container.apparmor.security.beta.kubernetes.io/*` pod annotations.",
    remediation:
      "Remove `securityContext.appArmorProfile` or set its `type` to `RuntimeDefault` (or `Localhost` with a reviewed " +
      "`localhostProfile`); drop `container.apparmor.security.beta.kubernetes.io/<container>: unconfined` annotations.",
    frameworks: [
      { framework: "PSS", control: "baseline/apparmor" },
      { framework: "NSA-CISA", control: "pod-security/hardening-container-environments" },
      { framework: "PCI-DSS", control: "2.2" },
    ],
    equivalents: { trivy: ["KSV002"] },
    messages: {
      forbiddenType: APPARMOR_TYPE.message,
      forbiddenAnnotation: 'annotation {{annotation}} sets AppArmor profile "{{value}}" for container "{{containerName}}".',
    },
    example: {
      bad: "containers:\n  - name: app\n    image: app:1.0\n    securityContext:\n      appArmorProfile:\n        type: Unconfined",
      good: "containers:\n  - name: app\n    image: app:1.0\n    securityContext:\n      appArmorProfile:\n        type: RuntimeDefault",
    },
  },
  *check(object) {
    const pod = podSpecOf(object);
    if (!pod) return;
    for (const { path, data } of APPARMOR_TYPE.forbidden(pod)) yield { path, messageId: "forbiddenType", data };
    for (const [key, value] of Object.entries(podAnnotations(pod))) {
      if (!key.startsWith(ANNOTATION_PREFIX) || typeof value !== "string" || allowedAnnotationValue(value)) continue;
      yield {
        path: [...pod.metadataPath, "annotations", key],
        messageId: "forbiddenAnnotation",
        data: { annotation: key, value, containerName: key.slice(ANNOTATION_PREFIX.length) },
      };
    }
  },
});
