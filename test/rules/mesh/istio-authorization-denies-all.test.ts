import rule from "../../../rules/mesh/istio-authorization-denies-all.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "ALLOW with rules, DENY of some requests, AUDIT without rules",
      yaml: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: web, namespace: shop}
spec:
  rules:
    - from:
        - source: {namespaces: [shop]}
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: no-admin, namespace: shop}
spec:
  action: DENY
  rules:
    - to:
        - operation: {paths: [/admin]}
---
apiVersion: security.istio.io/v1beta1
kind: AuthorizationPolicy
metadata: {name: audit, namespace: shop}
spec:
  action: AUDIT
`,
    },
  ],
  invalid: [
    {
      name: "the reference's allow-nothing: `spec: {}` (v1)",
      yaml: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: allow-nothing, namespace: foo}
spec: {}
`,
      errors: [
        {
          messageId: "allowsNothing",
          data: { policy: 'AuthorizationPolicy "foo/allow-nothing"', target: 'every workload in namespace "foo"' },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 9,
          message:
            'AuthorizationPolicy "foo/allow-nothing" has no rules, so it allows nothing: every request to every workload in namespace "foo" is denied unless another ALLOW policy matches it.',
          severity: "low",
        },
      ],
    },
    {
      name: "a selector and no rules (v1beta1), and an empty rules list",
      yaml: `apiVersion: security.istio.io/v1beta1
kind: AuthorizationPolicy
metadata: {name: allow-nothing, namespace: bar}
spec:
  selector:
    matchLabels:
      app: httpbin
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: typo, namespace: bar}
spec:
  action: ALLOW
  rules: []
`,
      errors: [
        {
          messageId: "allowsNothing",
          data: { policy: 'AuthorizationPolicy "bar/allow-nothing"', target: 'the workloads labelled app=httpbin in namespace "bar"' },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 6,
        },
        {
          messageId: "allowsNothing",
          data: { policy: 'AuthorizationPolicy "bar/typo"', target: 'every workload in namespace "bar"' },
          line: 12,
          column: 1,
          endLine: 12,
          endColumn: 6,
        },
      ],
    },
    {
      name: "a DENY rule that matches everything, in the root namespace",
      yaml: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: deny-all, namespace: istio-system}
spec:
  action: DENY
  rules:
    - to:
        - operation: {paths: [/admin]}
    - {}
`,
      errors: [
        {
          messageId: "deniesEverything",
          data: { policy: 'AuthorizationPolicy "istio-system/deny-all"', target: "every workload in the mesh", index: 1 },
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 9,
          message: "rules[1] of DENY AuthorizationPolicy \"istio-system/deny-all\" matches every request: every request to every workload in the mesh is denied, and no ALLOW policy can admit any.",
        },
      ],
    },
  ],
});
