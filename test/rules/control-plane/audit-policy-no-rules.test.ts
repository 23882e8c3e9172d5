import rule from "../../../rules/control-plane/audit-policy-no-rules.js";
import { testRule } from "../../helpers/rule-tester.js";
import { auditPolicy } from "./manifests.js";

testRule(rule, {
  valid: [
    { name: "a policy with a rule", yaml: auditPolicy("rules:\n  - level: Metadata\n") },
    { name: "another API group's Policy (Kyverno) is not an audit policy", yaml: "apiVersion: kyverno.io/v1\nkind: Policy\nmetadata: {name: p, namespace: app}\nspec: {}\n" },
  ],
  invalid: [
    {
      name: "no rules field: the kind line; an empty list: the rules key",
      yaml: `${auditPolicy("omitStages: [RequestReceived]\n")}---\n${auditPolicy("rules: []\n")}`,
      errors: [
        { messageId: "noRules", line: 2, column: 1, endLine: 2, endColumn: 13, message: "The audit Policy has no rules, so the API server records no request" },
        { messageId: "noRules", line: 7, column: 1, endLine: 7, endColumn: 10 },
      ],
    },
  ],
});
