import { defineRule, isAuditPolicy } from "../../src/engine/api.js";
import { AUDIT_POLICIES, auditRules, ruleReach, type AuditRule, type AuditTarget } from "./audit-policy.js";

const OBJECT_VERBS = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"];
/** Verbs whose request body carries the object's contents; the Request level logs request bodies only. */
const WRITE_VERBS: ReadonlySet<string> = new Set(["create", "update", "patch"]);

const SENSITIVE: ReadonlyArray<AuditTarget & { label: string }> = [
  { label: "Secrets", group: "", resource: "secrets", namespaced: true, verbs: OBJECT_VERBS },
  { label: "ConfigMaps", group: "", resource: "configmaps", namespaced: true, verbs: OBJECT_VERBS },
  // A TokenReview is only created; its request carries the bearer token being checked.
  { label: "TokenReviews", group: "authentication.k8s.io", resource: "tokenreviews", namespaced: false, verbs: ["create"] },
];

/** For each rule, the sensitive resources (and verbs) whose bodies it is the first to log. */
function bodyLoggingRules(rules: readonly AuditRule[]): Map<AuditRule, string[]> {
  const found = new Map<AuditRule, string[]>();
  for (const target of SENSITIVE) {
    // The verbs not yet decided for every request: the first rule that matches a request decides it.
    const open = new Set(target.verbs);
    for (const rule of rules) {
      if (open.size === 0) break;
      const reach = ruleReach(rule, target);
      if (!reach) continue;
      const verbs = reach.verbs.filter((verb) => open.has(verb));
      const logged = rule.level === "RequestResponse" ? verbs : rule.level === "Request" ? verbs.filter((verb) => WRITE_VERBS.has(verb)) : [];
      if (logged.length > 0) {
        const text = logged.length === target.verbs.length ? target.label : `${target.label} (${logged.join(", ")})`;
        found.set(rule, [...(found.get(rule) ?? []), text]);
      }
      if (!reach.partial) for (const verb of verbs) open.delete(verb);
    }
  }
  return found;
}

export default defineRule({
  meta: {
    id: "audit-policy-logs-sensitive-bodies",
    title: "Audit policy logs the contents of Secrets, ConfigMaps or TokenReviews",
    severity: "medium",
    category: "control-plane",
    rationale:
      "At level Request the audit log records request bodies, and at RequestResponse response bodies too: for Secrets that is their data, " +
      "for ConfigMaps whatever configuration (often credentials) they hold, and for TokenReviews the bearer token being checked. The " +
      "audit log then holds every secret of the cluster, readable by whoever reads the logs. The CIS Benchmark (3.2.2) asks to log " +
      "these only at Metadata. The API server takes the first rule that matches a request (audit/policy/checker.go), so a rule is " +
      "reported only for the requests that reach it: an earlier rule that matches them for every user, namespace and name decides " +
      "first, one narrowed by users, groups, namespaces or resourceNames decides only for some. A rule matches by API group (\"\" for " +
      "Secrets and ConfigMaps, authentication.k8s.io for TokenReviews) and by resource name, `*` or `<resource>/*`; a group without " +
      "resources matches all of its resources. Request level is reported for create, update and patch, whose requests carry the object; " +
      "RequestResponse for every verb. The finding points at the `level` of the rule that logs them.",
    remediation:
      "Add a rule before the one reported that logs these resources at Metadata, as the Kubernetes documentation's example policy does: " +
      "`- level: Metadata` with `resources: [{group: \"\", resources: [secrets, configmaps]}, {group: authentication.k8s.io, resources: [tokenreviews]}]`.",
    frameworks: [
      { framework: "CIS", control: "3.2.2" },
      { framework: "NSA-CISA", control: "logging/audit-logging" },
      { framework: "MITRE-ATT&CK", control: "T1552" },
    ],
    equivalents: {},
    messages: {
      logsBodies:
        "{{rule}} logs {{what}} at level {{level}}, so their contents end up in the audit log; log them at Metadata in a rule before it.",
    },
    example: {
      bad: "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: RequestResponse",
      good: "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Metadata\n    resources:\n      - group: \"\"\n        resources: [secrets, configmaps]\n      - group: authentication.k8s.io\n        resources: [tokenreviews]\n  - level: RequestResponse",
    },
  },
  examines: isAuditPolicy,
  appliesTo: AUDIT_POLICIES,
  *check(object) {
    if (!isAuditPolicy(object)) return;
    for (const [rule, what] of bodyLoggingRules(auditRules(object.body))) {
      yield { path: [...rule.path, "level"], messageId: "logsBodies", data: { rule: `rules[${rule.index}]`, what: what.join(", "), level: rule.level ?? "" } };
    }
  },
});
