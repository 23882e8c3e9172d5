import { arrayOf, defineRule, isRecord, POD_SPEC_OBJECTS, podSpecOf, recordOf, serviceAccountOf, type PodSpecRef } from "../../src/engine/api.js";

/** Whether the pod gets a token of its ServiceAccount: automounted unless the pod turns it off, or asked for in a projected volume. */
function hasAccountToken(pod: PodSpecRef): boolean {
  if (pod.spec.automountServiceAccountToken !== false) return true;
  return arrayOf(pod.spec.volumes).some((volume) =>
    arrayOf(recordOf(recordOf(volume).projected).sources).some((source) => isRecord(source) && isRecord(source.serviceAccountToken)),
  );
}

const SHARED = "which every pod of the namespace that names no ServiceAccount shares: whatever a binding grants it, all of them hold.";

export default defineRule({
  meta: {
    id: "default-service-account",
    title: "Workload runs as its namespace's default ServiceAccount",
    severity: "low",
    category: "workload",
    rationale:
      "Every namespace has a ServiceAccount named `default`, and a pod that names none (or names `default`) runs as it. It is shared " +
      "by every such pod of the namespace, so a RoleBinding that gives it permissions for one workload gives them to all, and an " +
      "audit log cannot tell the workloads apart. CIS 5.1.5 asks that default ServiceAccounts not be actively used: a workload that " +
      "calls the API gets its own account, with rights granted to that account. A pod that gets no token of its account " +
      "(`automountServiceAccountToken: false` on the pod, and no projected `serviceAccountToken` volume) is not reported: without a " +
      "token the account's identity and permissions are out of its reach. The check reads the pod spec alone: that the default " +
      "ServiceAccount itself turns automounting off is service-account-token-automounted's concern.",
    remediation:
      "Create a ServiceAccount for the workload and set `serviceAccountName` to it; grant it only what the workload needs, and set " +
      "`automountServiceAccountToken: false` where it calls no API. The rule is low by default; to make it fail a run, raise its " +
      "severity in `.kubeward.yaml` (`rules: {default-service-account: high}`) or lower the fail level (`--fail-on low`).",
    frameworks: [
      { framework: "CIS", control: "5.1.5" },
      { framework: "NSA-CISA", control: "authn-authz/rbac" },
      { framework: "PCI-DSS", control: "7.2" },
      { framework: "MITRE-ATT&CK", control: "T1078.001" },
    ],
    equivalents: { kubeLinter: ["default-service-account"] },
    messages: {
      defaultNamed: `{{kind}} "{{name}}" runs as the namespace's default ServiceAccount ({{field}}: default), ${SHARED}`,
      defaultByOmission: `{{kind}} "{{name}}" names no ServiceAccount, so it runs as the namespace's default one, ${SHARED}`,
    },
    example: {
      bad: "spec:\n  containers:\n    - name: app\n      image: app:1.0",
      good: "spec:\n  serviceAccountName: app\n  containers:\n    - name: app\n      image: app:1.0",
    },
  },
  appliesTo: POD_SPEC_OBJECTS,
  *check(object) {
    const pod = podSpecOf(object);
    if (!pod || !hasAccountToken(pod)) return;
    const account = serviceAccountOf(pod);
    if (account.name !== "default") return;
    const { kind, name } = object;
    // Left out, the field goes into the pod spec, which is where the finding points.
    if (account.field) yield { path: [...pod.path, account.field], messageId: "defaultNamed", data: { kind, name, field: account.field } };
    else yield { path: pod.path, messageId: "defaultByOmission", data: { kind, name } };
  },
});
