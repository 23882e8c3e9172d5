import rule from "../../../rules/control-plane/audit-policy-omits-response.js";
import { testRule } from "../../helpers/rule-tester.js";
import { auditPolicy } from "./manifests.js";

testRule(rule, {
  valid: [
    { name: "omitting RequestReceived is normal (the documentation's example does)", yaml: auditPolicy("omitStages: [RequestReceived]\nrules:\n  - level: Metadata\n    omitStages: [ResponseStarted]\n") },
    { name: "rules that log nothing lose nothing", yaml: auditPolicy("omitStages: [ResponseComplete]\nrules:\n  - level: None\n    omitStages: [Panic]\n") },
  ],
  invalid: [
    {
      name: "the policy omits ResponseComplete and Panic: each item",
      yaml: auditPolicy("omitStages: [RequestReceived, ResponseComplete, Panic]\nrules:\n  - level: Metadata\n"),
      errors: [
        {
          messageId: "omitsResponseComplete",
          data: { scope: "The policy", requests: "requests" },
          line: 3,
          column: 31,
          endLine: 3,
          endColumn: 47,
          message: "The policy omits the ResponseComplete stage, so requests leave only a RequestReceived event, without response status",
        },
        { messageId: "omitsPanic", data: { scope: "The policy", requests: "requests" }, line: 3, column: 49, endLine: 3, endColumn: 54 },
      ],
    },
    {
      name: "a rule omits them; what the policy already omits is reported there once",
      yaml: auditPolicy("omitStages: [Panic]\nrules:\n  - level: RequestResponse\n    omitStages: [Panic, ResponseComplete]\n  - level: None\n    omitStages: [ResponseComplete]\n"),
      errors: [
        { messageId: "omitsPanic", data: { scope: "The policy", requests: "requests" }, line: 3, column: 14, endLine: 3, endColumn: 19 },
        { messageId: "omitsResponseComplete", data: { scope: "rules[0]", requests: "the requests it matches" }, line: 6, column: 25, endLine: 6, endColumn: 41 },
      ],
    },
  ],
});
