import rule from "../../../rules/control-plane/audit-policy-no-catch-all.js";
import { testRule } from "../../helpers/rule-tester.js";
import { auditPolicy } from "./manifests.js";

testRule(rule, {
  valid: [
    { name: "a last rule at Metadata for everything", yaml: auditPolicy('rules:\n  - level: None\n    users: ["system:kube-proxy"]\n  - level: Metadata\n') },
    { name: "omitStages restricts no request: still a catch-all", yaml: auditPolicy("rules:\n  - level: Request\n    omitStages: [RequestReceived]\n") },
    { name: "no rules at all is audit-policy-no-rules' finding", yaml: auditPolicy("rules: []\n") },
  ],
  invalid: [
    {
      name: "every rule restricts something: the rules key",
      yaml: auditPolicy('rules:\n  - level: RequestResponse\n    resources:\n      - group: ""\n        resources: [pods]\n  - level: Metadata\n    nonResourceURLs: ["*"]\n'),
      errors: [
        {
          messageId: "noCatchAll",
          data: { count: 2 },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 7,
          message: "No rule of the audit Policy matches every request, so requests that none of its 2 rules names are not logged",
        },
      ],
    },
    {
      name: "a catch-all at None",
      yaml: auditPolicy("rules:\n  - level: Metadata\n    verbs: [create, update, patch, delete]\n  - level: None\n"),
      errors: [{ messageId: "catchAllNone", data: { rule: "rules[1]" }, line: 6, column: 5, endLine: 6, endColumn: 16 }],
    },
    {
      name: "rules after the catch-all are never used",
      yaml: auditPolicy("rules:\n  - level: Metadata\n  - level: RequestResponse\n    verbs: [create]\n"),
      errors: [
        {
          messageId: "afterCatchAll",
          data: { rule: "rules[1]", catchAll: "rules[0]" },
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 27,
          message: "rules[1] is never used: the catch-all rules[0] before it matches every request first",
        },
      ],
    },
  ],
});
