import rule from "../../../rules/network/gateway-http-without-https.js";
import { testRule } from "../../helpers/rule-tester.js";

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
  ],
});
