import rule from "../../../rules/mesh/istio-authorization-allows-all.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "rules that name callers, rules that restrict operations (istio-authorization-any-source), no rules, dry-run, other actions",
      yaml: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: api, namespace: shop}
spec:
  rules:
    - from:
        - source: {principals: [cluster.local/ns/shop/sa/web]}
    - from:
        - source: {principals: ["*"]}
      to:
        - operation: {methods: [GET]}
    - to:
        - operation: {paths: [/healthz]}
    - from:
        - source: {notNamespaces: [untrusted]}
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: allow-nothing, namespace: shop}
spec: {}
---
apiVersion: security.istio.io/v1beta1
kind: AuthorizationPolicy
metadata: {name: deny, namespace: shop}
spec:
  action: DENY
  rules: [{}]
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: trial
  namespace: shop
  annotations: {istio.io/dry-run: "true"}
spec:
  rules: [{}]
---
apiVersion: security.istio.io/v1beta1
kind: AuthorizationPolicy
metadata: {name: ext, namespace: shop}
spec:
  action: CUSTOM
  provider: {name: authz}
  rules: [{}]
`,
    },
  ],
  invalid: [
    {
      name: "the reference's allow-all: `rules: [{}]` with the default action (v1)",
      yaml: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: allow-all, namespace: shop}
spec:
  rules:
    - {}
`,
      errors: [
        {
          messageId: "everyRequest",
          data: { policy: 'AuthorizationPolicy "shop/allow-all"', index: 0, target: 'every workload in namespace "shop"' },
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 9,
          message: 'rules[0] of AuthorizationPolicy "shop/allow-all" restricts neither caller nor operation, so it matches every request: any caller, authenticated or not, may reach every workload in namespace "shop".',
        },
      ],
    },
    {
      name: "explicit ALLOW (v1beta1) with a selector: an empty source, and a `*` namespace without operations",
      yaml: `apiVersion: security.istio.io/v1beta1
kind: AuthorizationPolicy
metadata: {name: api, namespace: shop}
spec:
  action: ALLOW
  selector:
    matchLabels: {app: api}
  rules:
    - from:
        - source: {principals: [cluster.local/ns/shop/sa/web]}
    - from:
        - source: {}
    - from:
        - source:
            namespaces: ["*"]
`,
      errors: [
        {
          messageId: "everyRequest",
          data: { policy: 'AuthorizationPolicy "shop/api"', index: 1, target: 'the workloads labelled app=api in namespace "shop"' },
          line: 11,
          column: 7,
          endLine: 11,
          endColumn: 12,
        },
        {
          messageId: "anyIdentity",
          data: { policy: 'AuthorizationPolicy "shop/api"', index: 2, target: 'the workloads labelled app=api in namespace "shop"' },
          line: 15,
          column: 26,
          endLine: 15,
          endColumn: 29,
          message: "asks only that the caller has some mesh identity (`*`) and restricts no operation: every workload of every namespace may make any request",
        },
      ],
    },
    {
      name: "in the root namespace it opens the mesh; a targetRef policy opens its gateway",
      yaml: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: open, namespace: istio-system}
spec:
  rules: [{from: [], to: []}]
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: edge, namespace: shop}
spec:
  targetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: edge}]
  rules: [{}]
`,
      errors: [
        {
          messageId: "everyRequest",
          data: { policy: 'AuthorizationPolicy "istio-system/open"', index: 0, target: "every workload in the mesh" },
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 29,
        },
        {
          messageId: "everyRequest",
          data: { policy: 'AuthorizationPolicy "shop/edge"', index: 0, target: "the gateway it targets" },
          line: 12,
          column: 11,
          endLine: 12,
          endColumn: 13,
        },
      ],
    },
  ],
});
