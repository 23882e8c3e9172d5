import rule from "../../../rules/network/gateway-http-without-https.js";
import { testRule } from "../../helpers/rule-tester.js";

/** A Gateway in namespace infra with one HTTP listener for *.example.com, and the start of a ListenerSet after it. */
const gatewayAndListenerSet = (name: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: infra}
spec:
  listeners:
    - {name: http, protocol: HTTP, port: 80, hostname: "*.example.com"}
---
apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
`;

testRule(rule, {
  valid: [
    {
      name: "HTTP listeners next to HTTPS ones for the same hostname, a covering wildcard (any depth) or none, and Istio's own Gateway kind",
      yaml: `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: shop}
spec:
  listeners:
    - {name: http, protocol: HTTP, port: 80, hostname: shop.example.com}
    - {name: https, protocol: HTTPS, port: 443, hostname: Shop.Example.com}
    - {name: http-apps, protocol: HTTP, port: 80, hostname: a.b.apps.example.com}
    - {name: https-apps, protocol: HTTPS, port: 443, hostname: "*.apps.example.com"}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: all}
spec:
  listeners:
    - {name: http, protocol: HTTP, port: 80}
    - {name: http-named, protocol: HTTP, port: 80, hostname: x.example.com}
    - {name: https, protocol: HTTPS, port: 443}
    - {name: tcp, protocol: TCP, port: 5432}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: istio}
spec:
  servers:
    - port: {number: 80, name: http, protocol: HTTP}
      hosts: ["*"]
`,
    },
    {
      name: "ListenerSets: HTTPS for a Gateway's HTTP listener, a Gateway's HTTPS for a ListenerSet's HTTP one, a sibling XListenerSet, and a Gateway not linted",
      yaml: `${gatewayAndListenerSet("edge")}metadata: {name: certs, namespace: infra}
spec:
  parentRef: {name: edge}
  listeners:
    - {name: https, protocol: HTTPS, port: 443, hostname: "*.example.com"}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: all-tls, namespace: infra}
spec:
  listeners:
    - {name: https, protocol: HTTPS, port: 443}
---
apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: shop, namespace: shop}
spec:
  parentRef: {kind: Gateway, group: gateway.networking.k8s.io, name: all-tls, namespace: infra}
  listeners:
    - {name: http, protocol: HTTP, port: 80, hostname: shop.example.com}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: tcp, namespace: infra}
spec: {listeners: [{name: pg, protocol: TCP, port: 5432}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: a-http, namespace: infra}
spec:
  parentRef: {name: tcp}
  listeners:
    - {name: http, protocol: HTTP, port: 80, hostname: a.example.com}
---
apiVersion: gateway.networking.x-k8s.io/v1alpha1
kind: XListenerSet
metadata: {name: a-https, namespace: infra}
spec: {parentRef: {name: tcp}, listeners: [{name: https, protocol: HTTPS, port: 443, hostname: a.example.com}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: elsewhere, namespace: argocd}
spec: {parentRef: {name: example-gateway, namespace: example-gateway-namespace}, listeners: [{name: http, protocol: HTTP, port: 80, hostname: argocd.example.com}]}
`,
    },
  ],
  invalid: [
    {
      name: "HTTP listeners with no HTTPS listener for their hostname: none, another one, a narrower one (v1 and v1beta1)",
      yaml: `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: shop}
spec:
  gatewayClassName: istio
  listeners:
    - name: http
      protocol: HTTP
      port: 80
    - name: admin
      protocol: HTTP
      port: 8080
      hostname: admin.example.com
    - name: apps
      protocol: HTTP
      port: 80
      hostname: "*.apps.example.com"
    - name: https-apps
      protocol: HTTPS
      port: 443
      hostname: "a.apps.example.com"
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: Gateway
metadata: {name: legacy}
spec:
  listeners:
    - {name: web, protocol: HTTP, port: 80, hostname: web.example.com}
`,
      errors: [
        {
          messageId: "httpOnly",
          data: { gateway: 'Gateway "shop"', listener: "http", hostname: "every hostname" },
          line: 7, column: 7, endLine: 7, endColumn: 17,
          message: 'Gateway "shop" listener "http" serves plain HTTP for every hostname, and no HTTPS listener of the Gateway covers it.',
        },
        { messageId: "httpOnly", data: { gateway: 'Gateway "shop"', listener: "admin", hostname: 'hostname "admin.example.com"' }, line: 10, column: 7, endLine: 10, endColumn: 18 },
        { messageId: "httpOnly", data: { gateway: 'Gateway "shop"', listener: "apps", hostname: 'hostname "*.apps.example.com"' }, line: 14, column: 7, endLine: 14, endColumn: 17 },
        { messageId: "httpOnly", data: { gateway: 'Gateway "legacy"', listener: "web", hostname: 'hostname "web.example.com"' }, line: 28, column: 7, endLine: 28, endColumn: 71 },
      ],
    },
    {
      name: "a ListenerSet's HTTP listener that neither it nor its Gateway serves over HTTPS, with the Gateway as related location",
      yaml: `${gatewayAndListenerSet("shared")}metadata: {name: shop, namespace: shop}
spec:
  parentRef: {name: shared, namespace: infra}
  listeners:
    - {name: http-shop, protocol: HTTP, port: 80, hostname: shop.example.com}
`,
      errors: [
        { messageId: "httpOnly", data: { gateway: 'Gateway "shared"', listener: "http", hostname: 'hostname "*.example.com"' }, line: 6, column: 7, endLine: 6, endColumn: 72 },
        {
          messageId: "httpOnly",
          data: { gateway: 'ListenerSet "shop"', listener: "http-shop", hostname: 'hostname "shop.example.com"' },
          line: 14, column: 7, endLine: 14, endColumn: 78,
          related: [{ line: 5, column: 3, message: 'Gateway "shared", whose listeners this ListenerSet joins' }],
        },
      ],
    },
  ],
});
