import rule from "../../../rules/mesh/istio-authorization-no-default-deny.js";
import { testRule } from "../../helpers/rule-tester.js";

const SHOP_POLICY = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: web, namespace: shop}
spec:
  rules:
    - from:
        - source: {namespaces: [shop]}
`;

const MESSAGE = 'The linted objects hold AuthorizationPolicies but no deny-by-default policy in the root namespace "istio-system": every workload no ALLOW policy selects accepts any request.';

testRule(rule, {
  valid: [
    {
      name: "an allow-nothing policy in the root namespace (v1beta1)",
      yaml: `${SHOP_POLICY}---
apiVersion: security.istio.io/v1beta1
kind: AuthorizationPolicy
metadata: {name: allow-nothing, namespace: istio-system}
spec: {}
`,
    },
    {
      name: "a mesh-wide DENY policy in a configured root namespace",
      options: { meshRootNamespace: "mesh" },
      yaml: `${SHOP_POLICY}---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: deny-outsiders, namespace: mesh}
spec:
  action: DENY
  rules:
    - from:
        - source: {notNamespaces: [shop, mesh]}
`,
    },
    {
      name: "no AuthorizationPolicy at all: not judged",
      yaml: `apiVersion: v1
kind: Namespace
metadata: {name: shop}
`,
    },
  ],
  invalid: [
    {
      name: "policies in a namespace and none in the root namespace: once per scope, at the first, lowered to low",
      yaml: `${SHOP_POLICY}---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: api, namespace: shop}
spec: {}
`,
      errors: [{ messageId: "noDefaultDeny", data: { root: "istio-system" }, line: 2, column: 1, endLine: 2, endColumn: 26, message: MESSAGE, severity: "low" }],
    },
    {
      name: "the root namespace holds policies, but none denies by default: a selector narrows it, rules allow",
      yaml: `${SHOP_POLICY}---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: allow-nothing, namespace: istio-system}
spec:
  selector: {matchLabels: {version: v1}}
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: monitoring, namespace: istio-system}
spec:
  rules: [{from: [{source: {namespaces: [monitoring]}}]}]
`,
      errors: [{ messageId: "noDefaultDeny", data: { root: "istio-system" }, line: 2, column: 1, endLine: 2, endColumn: 26, severity: "medium" }],
    },
    {
      name: "a dry-run allow-nothing in the root namespace is not enforced",
      yaml: `${SHOP_POLICY}---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: allow-nothing
  namespace: istio-system
  annotations: {istio.io/dry-run: "true"}
spec: {}
`,
      errors: [{ messageId: "noDefaultDeny", data: { root: "istio-system" }, line: 2, column: 1, endLine: 2, endColumn: 26, severity: "medium" }],
    },
    {
      name: "a chart's allow-nothing in the release namespace is not the root namespace's",
      originOf: () => ({ chart: "charts/mesh", template: "templates/authz.yaml", scope: "helm:charts/mesh:default", releaseNamespace: true }),
      yaml: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: allow-nothing, namespace: istio-system}
spec: {}
`,
      errors: [{ messageId: "noDefaultDeny", data: { root: "istio-system" }, line: 2, column: 1, endLine: 2, endColumn: 26, severity: "low" }],
    },
  ],
});
