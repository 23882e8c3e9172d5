import rule from "../../../rules/control-plane/audit-policy-logs-sensitive-bodies.js";
import { testRule } from "../../helpers/rule-tester.js";
import { auditPolicy } from "./manifests.js";

const metadataFirst = `rules:
  - level: Metadata
    resources:
      - group: ""
        resources: [secrets, configmaps]
      - group: authentication.k8s.io
        resources: [tokenreviews]
`;

testRule(rule, {
  valid: [
    { name: "Metadata for the sensitive resources first, as the documentation's example policy does", yaml: auditPolicy(`${metadataFirst}  - level: RequestResponse\n`) },
    {
      name: "Request level for reads has no body to log; other groups' secrets; non-resource URLs; a namespace list cannot match cluster-scoped TokenReviews",
      yaml: auditPolicy(
        'rules:\n  - level: Request\n    verbs: [get, list, watch]\n    resources:\n      - group: ""\n        resources: [secrets]\n  - level: RequestResponse\n    resources:\n      - group: example.com\n        resources: [secrets]\n  - level: RequestResponse\n    nonResourceURLs: ["/api*"]\n  - level: RequestResponse\n    namespaces: [kube-system]\n    resources:\n      - group: authentication.k8s.io\n  - level: Metadata\n',
      ),
    },
  ],
  invalid: [
    {
      name: "a RequestResponse catch-all logs all three: its level",
      yaml: auditPolicy("omitStages: [RequestReceived]\nrules:\n  - level: RequestResponse\n"),
      errors: [
        {
          messageId: "logsBodies",
          data: { rule: "rules[0]", what: "Secrets, ConfigMaps, TokenReviews", level: "RequestResponse" },
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 27,
          message: "rules[0] logs Secrets, ConfigMaps, TokenReviews at level RequestResponse, so their contents",
        },
      ],
    },
    {
      name: "an earlier rule for some users or some names decides only for those requests; the first rule that reaches the others is reported",
      yaml: auditPolicy(
        'rules:\n  - level: Metadata\n    users: [admin]\n    resources:\n      - group: ""\n        resources: ["secrets/*"]\n  - level: Metadata\n    resources:\n      - group: ""\n        resources: [configmaps]\n        resourceNames: [app-config]\n      - group: authentication.k8s.io\n        resources: ["*"]\n  - level: RequestResponse\n    resources:\n      - group: ""\n',
      ),
      errors: [{ messageId: "logsBodies", data: { rule: "rules[2]", what: "Secrets, ConfigMaps", level: "RequestResponse" }, line: 16, column: 5, endLine: 16, endColumn: 27 }],
    },
    {
      name: "Request level logs the bodies of writes: the verbs left after an earlier Metadata rule for reads",
      yaml: auditPolicy(
        'rules:\n  - level: Metadata\n    verbs: [get, list, watch, update]\n    resources:\n      - group: ""\n        resources: [secrets, configmaps]\n  - level: Request\n',
      ),
      errors: [
        {
          messageId: "logsBodies",
          data: { rule: "rules[1]", what: "Secrets (create, patch), ConfigMaps (create, patch), TokenReviews", level: "Request" },
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 19,
        },
      ],
    },
  ],
});
