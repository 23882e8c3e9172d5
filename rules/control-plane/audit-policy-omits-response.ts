import { defineRule, isAuditPolicy, stringsOf, type Path } from "../../src/engine/api.js";
import { AUDIT_LOGGING, AUDIT_POLICIES, auditRules } from "./audit-policy.js";

export default defineRule({
  meta: {
    id: "audit-policy-omits-response",
    title: "Audit policy drops the events that record a request's outcome",
    severity: "low",
    category: "control-plane",
    rationale:
      "The API server writes an event per stage of a request: RequestReceived as soon as it arrives, ResponseStarted when a long-running " +
      "request (watch, exec) sends its headers, ResponseComplete when the response is done, and Panic when the handler panics. " +
      "`omitStages` (the policy's, joined with each rule's) drops stages. Dropping RequestReceived is normal and the Kubernetes " +
      "documentation's example policy does it: every request that completes is still recorded by its ResponseComplete event, which has " +
      "everything RequestReceived has plus the response status. It is never reported. Dropping ResponseComplete is what leaves " +
      "RequestReceived-only events: no response code and no response body, so a denied or failed request reads like a successful one, " +
      "and with RequestReceived dropped too a normal request leaves nothing. Dropping Panic hides requests that crashed the API server's " +
      "handler. Those two are reported where they are written, when a rule that logs (a level other than None) is affected.",
    remediation: "Remove ResponseComplete and Panic from `omitStages`; to make the log smaller, omit RequestReceived, or lower the level of noisy requests instead.",
    frameworks: [
      { framework: "CIS", control: "3.2.2" },
      ...AUDIT_LOGGING,
    ],
    equivalents: {},
    messages: {
      omitsResponseComplete:
        "{{scope}} omits the ResponseComplete stage, so {{requests}} leave only a RequestReceived event, without response status: a denied or failed request cannot be told from a successful one; remove it.",
      omitsPanic: "{{scope}} omits the Panic stage, so {{requests}} that crash the API server's handler are not recorded; remove it.",
    },
    example: {
      bad: "apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: [RequestReceived, ResponseComplete]\nrules:\n  - level: Metadata",
      good: "apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: [RequestReceived]\nrules:\n  - level: Metadata",
    },
  },
  examines: isAuditPolicy,
  appliesTo: AUDIT_POLICIES,
  *check(object) {
    if (!isAuditPolicy(object)) return;
    const rules = auditRules(object.body);
    const logging = rules.filter((rule) => rule.level !== undefined && rule.level !== "None");
    const policyStages = stringsOf(object.body.omitStages);
    function* omitted(stages: readonly string[], at: Path, scope: string, requests: string) {
      for (const [index, stage] of stages.entries()) {
        if (stage === "ResponseComplete") yield { path: [...at, index], messageId: "omitsResponseComplete" as const, data: { scope, requests } };
        if (stage === "Panic") yield { path: [...at, index], messageId: "omitsPanic" as const, data: { scope, requests } };
      }
    }
    if (logging.length > 0) yield* omitted(policyStages, ["omitStages"], "The policy", "requests");
    for (const rule of logging) {
      // A stage the policy already omits is reported there, once.
      const own = rule.omitStages.map((stage) => (policyStages.includes(stage) ? "" : stage));
      yield* omitted(own, [...rule.path, "omitStages"], `rules[${rule.index}]`, "the requests it matches");
    }
  },
});
