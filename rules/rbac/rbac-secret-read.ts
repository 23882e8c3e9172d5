import { defineRule, stringsOf, type K8sObject } from "../../src/engine/api.js";
import { describeRole, listItems, writtenPolicyRules } from "./policy-rules.js";

/** Verbs that return a Secret's data: list and watch return whole objects, not just names. */
const READING_VERBS = new Set(["get", "list", "watch", "*"]);

/** Where the role's grant reaches: a ClusterRole may be bound cluster-wide, a Role only in its namespace. */
function reach(object: K8sObject): string {
  if (object.kind === "ClusterRole") return "in the cluster";
  // helm fills in the namespace it was rendered for; the real one is chosen at install.
  if (object.origin.releaseNamespace) return "in the release namespace";
  return object.namespace ? `in namespace "${object.namespace}"` : "in its namespace";
}

export default defineRule({
  meta: {
    id: "rbac-secret-read",
    title: "Role can read Secrets",
    severity: "high",
    category: "rbac",
    rationale:
      "Secrets hold passwords, API keys, TLS keys and service account tokens; a subject that can read them can act as whatever they unlock. " +
      "`get` reads one Secret, and `list` and `watch` return every Secret's contents too, not just their names. A rule grants this when " +
      'its `apiGroups` has `""` (the core group) or `*`, its `resources` has `secrets` or `*`, and its `verbs` have `get`, `list`, ' +
      "`watch` or `*`. `resourceNames` narrows it to the Secrets named, which the message says. A ClusterRole is reported as reaching " +
      "the whole cluster, since a ClusterRoleBinding gives it that. An aggregated ClusterRole (one with `aggregationRule`) is not " +
      "reported: the controller fills its `rules` from the roles it selects, which are reported themselves.",
    remediation:
      "Grant Secret access only to the components that need it, in their own namespace (a Role, or a RoleBinding to the ClusterRole), " +
      "narrowed with `resourceNames` to the Secrets they use; prefer mounting a Secret into the pod over reading it through the API.",
    frameworks: [
      { framework: "CIS", control: "5.1.2", title: "Minimize access to secrets" },
      { framework: "NSA-CISA", control: "Authentication and authorization: RBAC least privilege" },
      { framework: "MITRE-ATT&CK", control: "T1552.007", title: "Unsecured Credentials: Container API" },
    ],
    equivalents: { kubeLinter: ["access-to-secrets"], trivy: ["KSV041"] },
    messages: {
      readsEverySecret: "{{role}} can read every Secret {{where}}.",
      readsNamedSecrets: "{{role}} can read Secrets {{names}} {{where}}.",
    },
    example: {
      bad: 'kind: Role\nrules:\n  - apiGroups: [""]\n    resources: ["secrets"]\n    verbs: ["get", "list"]',
      good: 'kind: Role\nrules:\n  - apiGroups: [""]\n    resources: ["secrets"]\n    resourceNames: ["app-tls"]\n    verbs: ["get"]',
    },
  },
  *check(object) {
    for (const { rule, index } of writtenPolicyRules(object)) {
      const apiGroups = stringsOf(rule.apiGroups);
      const resources = stringsOf(rule.resources);
      if (!apiGroups.some((group) => group === "" || group === "*")) continue;
      if (!resources.some((resource) => resource === "secrets" || resource === "*")) continue;
      const verb = listItems(rule, "verbs").find((item) => typeof item.value === "string" && READING_VERBS.has(item.value));
      if (!verb) continue;
      const path = ["rules", index, "verbs", verb.index];
      const role = describeRole(object);
      const where = reach(object);
      const names = stringsOf(rule.resourceNames);
      if (names.length) yield { path, messageId: "readsNamedSecrets", data: { role, names: names.join(", "), where } };
      else yield { path, messageId: "readsEverySecret", data: { role, where } };
    }
  },
});
