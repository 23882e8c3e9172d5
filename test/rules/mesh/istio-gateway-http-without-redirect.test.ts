import rule from "../../../rules/mesh/istio-gateway-http-without-redirect.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "HTTP redirecting to HTTPS, HTTPS and TLS servers, and a Gateway API Gateway",
      yaml: `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: shop, namespace: shop}
spec:
  selector: {istio: ingressgateway}
  servers:
    - port: {number: 80, name: http, protocol: HTTP}
      hosts: [shop.example.com]
      tls: {httpsRedirect: true}
    - port: {number: 443, name: https, protocol: HTTPS}
      hosts: [shop.example.com]
      tls: {mode: SIMPLE, credentialName: shop-tls}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: web, namespace: shop}
spec:
  servers:
    - port: {number: 80, protocol: HTTP}
`,
    },
    {
      name: "HTTP for ACME HTTP-01 challenges only (Istio's cert-manager sample), bound by name and by namespace/name",
      yaml: `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: cert-manager-gateway, namespace: istio-system}
spec:
  servers:
    - port: {number: 80, name: http, protocol: HTTP}
      hosts: ["*"]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: cert-manager, namespace: istio-system}
spec:
  hosts: ["*"]
  gateways: [cert-manager-gateway]
  http:
    - match: [{uri: {prefix: /.well-known/acme-challenge/}}]
      route: [{destination: {host: cert-manager-resolver}}]
---
apiVersion: networking.istio.io/v1beta1
kind: VirtualService
metadata: {name: acme-shop, namespace: shop}
spec:
  hosts: [shop.example.com]
  gateways: [istio-system/cert-manager-gateway, mesh]
  http:
    - match: [{uri: {exact: /.well-known/acme-challenge/token}}]
      route: [{destination: {host: solver}}]
`,
    },
  ],
  invalid: [
    {
      name: "plain HTTP (v1beta1), an explicit httpsRedirect: false, and lower-case http (v1alpha3)",
      yaml: `apiVersion: networking.istio.io/v1beta1
kind: Gateway
metadata: {name: bookinfo, namespace: shop}
spec:
  servers:
    - port:
        number: 8080
        name: http
        protocol: HTTP
      hosts: ["*"]
---
apiVersion: networking.istio.io/v1alpha3
kind: Gateway
metadata: {name: legacy}
spec:
  servers:
    - port: {number: 80, name: http, protocol: http}
      tls: {httpsRedirect: false}
`,
      errors: [
        {
          messageId: "plainHttp",
          data: { server: 'servers[0] (port 8080, hosts "*") of Gateway "shop/bookinfo"' },
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 23,
          message: 'servers[0] (port 8080, hosts "*") of Gateway "shop/bookinfo" serves HTTP without `tls.httpsRedirect: true`: requests and responses cross the edge of the mesh in plaintext.',
        },
        { messageId: "plainHttp", data: { server: 'servers[0] (port 80) of Gateway "legacy"' }, line: 17, column: 38, endLine: 17, endColumn: 52 },
      ],
    },
    {
      name: "a VirtualService that routes more than ACME challenges through the gateway",
      yaml: `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: web, namespace: shop}
spec:
  servers:
    - port: {number: 80, name: http, protocol: HTTP}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: acme, namespace: shop}
spec:
  gateways: [web]
  http:
    - match: [{uri: {prefix: /.well-known/acme-challenge/}}]
      route: [{destination: {host: solver}}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: app, namespace: shop}
spec:
  gateways: [shop/web]
  http:
    - match: [{uri: {prefix: /.well-known/acme-challenge/}}]
      route: [{destination: {host: solver}}]
    - route: [{destination: {host: app}}]
`,
      errors: [{ messageId: "plainHttp", data: { server: 'servers[0] (port 80) of Gateway "shop/web"' }, line: 6, column: 38, endLine: 6, endColumn: 52 }],
    },
  ],
});
