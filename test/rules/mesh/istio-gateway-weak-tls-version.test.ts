import rule from "../../../rules/mesh/istio-gateway-weak-tls-version.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "absent (TLS 1.2 by default), TLS_AUTO, TLSV1_2 and TLSV1_3",
      yaml: `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: shop, namespace: shop}
spec:
  servers:
    - port: {number: 443, name: https, protocol: HTTPS}
      tls: {mode: SIMPLE, credentialName: a}
    - port: {number: 8443, name: https-2, protocol: HTTPS}
      tls: {mode: SIMPLE, credentialName: b, minProtocolVersion: TLS_AUTO, maxProtocolVersion: TLSV1_3}
    - port: {number: 9443, name: https-3, protocol: HTTPS}
      tls: {mode: SIMPLE, credentialName: c, minProtocolVersion: TLSV1_2}
`,
    },
  ],
  invalid: [
    {
      name: "a minimum of TLS 1.0 (v1) and a maximum of TLS 1.1 (v1alpha3)",
      yaml: `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: shop, namespace: shop}
spec:
  servers:
    - port: {number: 443, name: https, protocol: HTTPS}
      hosts: [shop.example.com]
      tls:
        mode: SIMPLE
        credentialName: shop-tls
        minProtocolVersion: TLSV1_0
---
apiVersion: networking.istio.io/v1alpha3
kind: Gateway
metadata: {name: old, namespace: shop}
spec:
  servers:
    - port: {number: 443, name: https, protocol: HTTPS}
      tls: {mode: SIMPLE, credentialName: old, minProtocolVersion: TLSV1_1, maxProtocolVersion: TLSV1_1}
`,
      errors: [
        {
          messageId: "weakMinimum",
          data: { server: 'servers[0] (port 443, hosts "shop.example.com") of Gateway "shop/shop"', version: "TLSV1_0" },
          line: 11,
          column: 9,
          endLine: 11,
          endColumn: 36,
          message: 'servers[0] (port 443, hosts "shop.example.com") of Gateway "shop/shop" accepts TLSV1_0: TLS below 1.2 is deprecated (RFC 8996)',
        },
        { messageId: "weakMinimum", data: { server: 'servers[0] (port 443) of Gateway "shop/old"', version: "TLSV1_1" }, line: 19, column: 48, endLine: 19, endColumn: 75 },
        { messageId: "weakMaximum", data: { server: 'servers[0] (port 443) of Gateway "shop/old"', version: "TLSV1_1" }, line: 19, column: 77, endLine: 19, endColumn: 104 },
      ],
    },
  ],
});
