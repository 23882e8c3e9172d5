import { lookupNamespace } from "../../src/engine/object-index.js";
import { defineRule } from "../../src/engine/rule.js";
import { podSpecOf, type PodSpecRef } from "../../src/engine/workload.js";

/** The ServiceAccount the pod runs as: serviceAccountName, else its deprecated alias, else "default". */
function serviceAccountName(pod: PodSpecRef): string {
  for (const field of ["serviceAccountName", "serviceAccount"]) {
    const name = pod.spec[field];
    if (typeof name === "string" && name !== "") return name;
  }
  return "default";
}

export default defineRule({
  meta: {
    id: "service-account-token-automounted",
    title: "Service account token is mounted automatically",
    severity: "medium",
    category: "workload",
    rationale:
      "Unless turned off, every pod gets a token for its ServiceAccount, and anyone who compromises the pod can use it against " +
      "the Kubernetes API with that account's permissions. Most applications never call the API and need no token at all.",
    remediation:
      "Set `automountServiceAccountToken: false` in the pod spec, or on the ServiceAccount the pod uses (the pod's own setting wins). " +
      "Pods that do call the API should use a dedicated ServiceAccount with narrow RBAC.",
    frameworks: [
      { framework: "CIS", control: "5.1.6", title: "Ensure that Service Account Tokens are only mounted where necessary" },
      { framework: "NSA-CISA", control: "Pod security: protecting Pod service account tokens" },
    ],
    equivalents: {
      kubeLinter: ["automount-service-account-token"],
      polaris: ["automountServiceAccountToken"],
      checkov: ["CKV_K8S_38"],
      trivy: ["KSV036"],
    },
    example: {
      bad: "spec:\n  serviceAccountName: web\n  containers:\n    - name: app\n      image: app:1.0",
      good: "spec:\n  serviceAccountName: web\n  automountServiceAccountToken: false\n  containers:\n    - name: app\n      image: app:1.0",
    },
  },
  lookupKinds: ["ServiceAccount"],
  *check(object) {
    const pod = podSpecOf(object);
    if (!pod) return;
    const path = [...pod.path, "automountServiceAccountToken"];
    const podSetting = pod.spec.automountServiceAccountToken;
    if (podSetting === false) return;
    const account = serviceAccountName(pod);
    const { kind, name } = object;
    if (podSetting === true) {
      yield { path, message: `${kind} "${name}" sets automountServiceAccountToken: true, mounting the token of ServiceAccount "${account}".` };
      return;
    }
    // Whether the ServiceAccount turns the token off is known only once every object has been read.
    const namespace = lookupNamespace(object);
    yield {
      path,
      settle(others) {
        const serviceAccount = others.find("ServiceAccount", namespace, account);
        const known = serviceAccount?.apiVersion === "v1";
        if (known && serviceAccount.body.automountServiceAccountToken === false) return undefined;
        const why = known
          ? `neither the pod nor the ServiceAccount sets automountServiceAccountToken: false`
          : `the pod does not set automountServiceAccountToken: false, and the ServiceAccount is not among the linted objects`;
        return `${kind} "${name}" mounts the token of ServiceAccount "${account}": ${why}.`;
      },
    };
  },
});
