import rule from "../../../rules/mesh/istio-authorization-any-source.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "callers named; a rule restricting nothing is istio-authorization-allows-all's; DENY rules without from",
      yaml: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: orders, namespace: shop}
spec:
  rules:
    - from:
        - source: {principals: [cluster.local/ns/shop/sa/web]}
      to:
        - operation: {methods: [POST]}
    - from:
        - source: {namespaces: [shop], principals: ["*"]}
      to:
        - operation: {methods: [GET]}
    - {}
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: deny-admin, namespace: shop}
spec:
  action: DENY
  rules:
    - to:
        - operation: {paths: [/admin]}
`,
    },
  ],
  invalid: [
    {
      name: "operations restricted, callers not: no from (v1), an empty source, any identity (v1beta1), a `when` alone",
      yaml: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: public, namespace: shop}
spec:
  rules:
    - to:
        - operation: {paths: [/healthz]}
    - from:
        - source: {}
      to:
        - operation: {methods: [GET]}
---
apiVersion: security.istio.io/v1beta1
kind: AuthorizationPolicy
metadata: {name: jwt, namespace: shop}
spec:
  selector:
    matchLabels: {app: api}
  rules:
    - from:
        - source: {requestPrincipals: ["*"]}
      when:
        - {key: "request.auth.claims[group]", values: [admins]}
`,
      errors: [
        {
          messageId: "anyCaller",
          data: { policy: 'AuthorizationPolicy "shop/public"', index: 0, target: 'every workload in namespace "shop"' },
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 10,
          message: 'rules[0] of AuthorizationPolicy "shop/public" has no `from` that restricts the caller: any caller, authenticated or not, may make the requests it allows to every workload in namespace "shop".',
        },
        {
          messageId: "anyCaller",
          data: { policy: 'AuthorizationPolicy "shop/public"', index: 1, target: 'every workload in namespace "shop"' },
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 12,
        },
        {
          messageId: "anyIdentity",
          data: { policy: 'AuthorizationPolicy "shop/jwt"', index: 0, target: 'the workloads labelled app=api in namespace "shop"' },
          line: 21,
          column: 40,
          endLine: 21,
          endColumn: 43,
        },
      ],
    },
  ],
});
