import { defineRule } from "../../src/engine/api.js";
import { describeRole, listItems, writtenPolicyRules } from "./policy-rules.js";

/** The message for a `*` in each field a wildcard means something in. */
const MESSAGE_BY_FIELD = { apiGroups: "anyApiGroup", resources: "anyResource", verbs: "anyVerb" } as const;

export default defineRule({
  meta: {
    id: "rbac-wildcard",
    title: "Role grants a wildcard",
    severity: "high",
    category: "rbac",
    rationale:
      "A `*` in a rule's `apiGroups`, `resources` or `verbs` matches everything there is, and everything added later: every verb " +
      "(including `escalate`, `bind` and `impersonate` where they apply), every resource and subresource (Secrets, `pods/exec`), " +
      "every API group (including those of custom resources installed afterwards). Such a role grants far more than its subject needs, " +
      "and a token that holds it is worth stealing. An aggregated ClusterRole (one with `aggregationRule`) is not reported: " +
      "the controller fills its `rules` from the roles it selects, which are reported themselves.",
    remediation:
      "List the API groups, resources and verbs the subject needs, one rule per group of resources that needs the same verbs. " +
      "`kubectl auth can-i --list --as=system:serviceaccount:<namespace>:<name>` shows what a subject uses today.",
    frameworks: [
      { framework: "CIS", control: "5.1.3" },
      { framework: "NSA-CISA", control: "authn-authz/rbac" },
      { framework: "PCI-DSS", control: "7.2" },
    ],
    equivalents: { kubeLinter: ["wildcard-in-rules"] },
    messages: {
      anyApiGroup: '{{role}} grants its rule\'s resources in every API group ("*"), including those of custom resources installed later.',
      anyResource: '{{role}} grants every resource and subresource ("*") in its rule\'s API groups, including ones added later.',
      anyVerb: '{{role}} grants every verb ("*") in its rule, including delete and any verb added later.',
    },
    example: {
      bad: 'kind: Role\nrules:\n  - apiGroups: ["apps"]\n    resources: ["*"]\n    verbs: ["*"]',
      good: 'kind: Role\nrules:\n  - apiGroups: ["apps"]\n    resources: ["deployments"]\n    verbs: ["get", "list", "watch", "patch"]',
    },
  },
  *check(object) {
    const role = describeRole(object);
    for (const { rule, index } of writtenPolicyRules(object)) {
      for (const field of ["apiGroups", "resources", "verbs"] as const) {
        for (const item of listItems(rule, field)) {
          if (item.value === "*") yield { path: ["rules", index, field, item.index], messageId: MESSAGE_BY_FIELD[field], data: { role } };
        }
      }
    }
  },
});
