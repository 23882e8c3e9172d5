import { AUDIT_LOGGING, AUDIT_POLICIES } from "./audit-policy.js";
import { arrayOf, defineRule, isAuditPolicy } from "../../src/engine/api.js";

export default defineRule({
  meta: {
    id: "audit-policy-no-rules",
    title: "Audit policy has no rules",
    severity: "medium",
    category: "control-plane",
    rationale:
      "The API server decides each request's audit level by the first rule of its audit Policy (`--audit-policy-file`) that matches, " +
      "and logs nothing for a request no rule matches. A Policy without rules records nothing, and the Kubernetes auditing documentation " +
      "states that the `rules` field must be provided: a policy with no rules is treated as illegal, so the API server refuses it.",
    remediation:
      "Write rules, most specific first, ending with a catch-all such as `- level: Metadata`; the Kubernetes documentation's example policy " +
      "is a good start.",
    frameworks: [
      { framework: "CIS", control: "3.2.1" },
      ...AUDIT_LOGGING,
    ],
    equivalents: {},
    messages: {
      noRules: "The audit Policy has no rules, so the API server records no request (and refuses a policy without rules); add rules ending with a catch-all `- level: Metadata`.",
    },
    example: {
      bad: "apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: [RequestReceived]",
      good: "apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: [RequestReceived]\nrules:\n  - level: Metadata",
    },
  },
  examines: isAuditPolicy,
  appliesTo: AUDIT_POLICIES,
  *check(object) {
    if (!isAuditPolicy(object) || arrayOf(object.body.rules).length > 0) return;
    yield { path: object.body.rules === undefined ? ["kind"] : ["rules"], messageId: "noRules" };
  },
});
