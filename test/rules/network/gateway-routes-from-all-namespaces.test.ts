import rule from "../../../rules/network/gateway-routes-from-all-namespaces.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "Routes from the same namespace (written or by default), from selected namespaces, and a Selector without a selector",
      yaml: `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: shop}
spec:
  listeners:
    - {name: a, protocol: HTTP, port: 80}
    - {name: b, protocol: HTTP, port: 81, allowedRoutes: {namespaces: {from: Same}}}
    - name: c
      protocol: HTTP
      port: 82
      allowedRoutes:
        namespaces:
          from: Selector
          selector:
            matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [shop, web]}]
    - {name: d, protocol: HTTP, port: 83, allowedRoutes: {namespaces: {from: Selector}}}
`,
    },
  ],
  invalid: [
    {
      name: "from: All, and from: Selector with an empty selector",
      yaml: `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: shared}
spec:
  listeners:
    - name: http
      protocol: HTTP
      port: 80
      allowedRoutes:
        namespaces:
          from: All
    - name: https
      protocol: HTTPS
      port: 443
      allowedRoutes:
        namespaces:
          from: Selector
          selector: {}
`,
      errors: [
        {
          messageId: "fromAll",
          data: { gateway: 'Gateway "shared"', listener: "http" },
          line: 11, column: 11, endLine: 11, endColumn: 20,
          message: 'Gateway "shared" listener "http" accepts Routes from all namespaces, so any namespace can take traffic from it.',
        },
        {
          messageId: "emptySelector",
          data: { gateway: 'Gateway "shared"', listener: "https" },
          line: 18, column: 11, endLine: 18, endColumn: 23,
          message: 'Gateway "shared" listener "https" accepts Routes from namespaces selected by an empty selector, which is every namespace.',
        },
      ],
    },
    {
      name: "a ListenerSet's listener, whose allowedRoutes work as a Gateway's",
      yaml: `apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: shop, namespace: shop}
spec:
  parentRef: {name: shared, namespace: infra}
  listeners:
    - {name: http, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: All}}}
`,
      errors: [{ messageId: "fromAll", data: { gateway: 'ListenerSet "shop"', listener: "http" }, line: 7, column: 75, endLine: 7, endColumn: 84 }],
    },
  ],
});
