import { defineRule, isAuditPolicy } from "../../src/engine/api.js";
import { AUDIT_LOGGING, AUDIT_POLICIES, auditRules, isCatchAll } from "./audit-policy.js";

export default defineRule({
  meta: {
    id: "audit-policy-no-catch-all",
    title: "Audit policy does not log every request",
    severity: "medium",
    category: "control-plane",
    rationale:
      "The API server takes the first rule of the audit Policy that matches a request, and a request that no rule matches is logged at " +
      "level None, that is not at all (audit/policy/checker.go). Without a last rule that names no users, groups, verbs, namespaces, " +
      "resources or URLs, every request the rules did not think of (a new resource, a CRD, an unusual verb) leaves no trace; the CIS " +
      "Benchmark recommends logging most requests at least at Metadata. A catch-all at level None logs nothing either. Rules after the " +
      "first catch-all are never used, since it matches first.",
    remediation: "End the rules with a catch-all `- level: Metadata` (the Kubernetes documentation's example policy does), and keep it last.",
    frameworks: [
      { framework: "CIS", control: "3.2.2" },
      ...AUDIT_LOGGING,
    ],
    equivalents: {},
    messages: {
      noCatchAll: "No rule of the audit Policy matches every request, so requests that none of its {{count}} rules names are not logged; end the rules with `- level: Metadata`.",
      catchAllNone: "The catch-all {{rule}} logs at level None, so requests that no earlier rule names are not logged; log them at Metadata.",
      afterCatchAll: "{{rule}} is never used: the catch-all {{catchAll}} before it matches every request first; move the catch-all to the end.",
    },
    example: {
      bad: "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: RequestResponse\n    resources:\n      - group: \"\"\n        resources: [pods]",
      good: "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: RequestResponse\n    resources:\n      - group: \"\"\n        resources: [pods]\n  - level: Metadata",
    },
  },
  examines: isAuditPolicy,
  appliesTo: AUDIT_POLICIES,
  *check(object) {
    if (!isAuditPolicy(object)) return;
    const rules = auditRules(object.body);
    if (rules.length === 0) return;
    const catchAll = rules.find(isCatchAll);
    if (!catchAll) {
      yield { path: ["rules"], messageId: "noCatchAll", data: { count: rules.length } };
      return;
    }
    const name = `rules[${catchAll.index}]`;
    if (catchAll.level === "None") yield { path: [...catchAll.path, "level"], messageId: "catchAllNone", data: { rule: name } };
    const next = rules.find((rule) => rule.index > catchAll.index);
    if (next) yield { path: next.path, messageId: "afterCatchAll", data: { rule: `rules[${next.index}]`, catchAll: name } };
  },
});
