import rule from "../../../rules/mesh/istio-gateway-credential-missing.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "a credential, credentialNames, files, and modes that need no certificate of the gateway's own",
      yaml: `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: shop, namespace: shop}
spec:
  servers:
    - port: {number: 443, name: https, protocol: HTTPS}
      tls: {mode: SIMPLE, credentialName: shop-tls}
    - port: {number: 8443, name: https-2, protocol: HTTPS}
      tls: {mode: MUTUAL, credentialNames: [rsa, ecdsa]}
    - port: {number: 9443, name: https-3, protocol: HTTPS}
      tls: {mode: SIMPLE, serverCertificate: /etc/certs/cert.pem, privateKey: /etc/certs/key.pem}
    - port: {number: 15443, name: tls, protocol: TLS}
      tls: {mode: AUTO_PASSTHROUGH}
    - port: {number: 15012, name: tls-istiod, protocol: TLS}
      tls: {mode: ISTIO_MUTUAL}
    - port: {number: 8444, name: passthrough, protocol: TLS}
      tls: {mode: PASSTHROUGH}
`,
    },
  ],
  invalid: [
    {
      name: "SIMPLE without any (v1beta1), MUTUAL with a certificate file but no key (v1alpha3), OPTIONAL_MUTUAL with an empty credentialName",
      yaml: `apiVersion: networking.istio.io/v1beta1
kind: Gateway
metadata: {name: shop, namespace: shop}
spec:
  servers:
    - port: {number: 443, name: https, protocol: HTTPS}
      hosts: [shop.example.com]
      tls:
        mode: SIMPLE
---
apiVersion: networking.istio.io/v1alpha3
kind: Gateway
metadata: {name: partners, namespace: shop}
spec:
  servers:
    - port: {number: 443, name: https, protocol: HTTPS}
      tls: {mode: MUTUAL, serverCertificate: /etc/certs/cert.pem}
    - port: {number: 8443, name: https-2, protocol: HTTPS}
      tls: {mode: OPTIONAL_MUTUAL, credentialName: ""}
`,
      errors: [
        {
          messageId: "noCredential",
          data: { server: 'servers[0] (port 443, hosts "shop.example.com") of Gateway "shop/shop"', mode: "SIMPLE" },
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 21,
          message: 'servers[0] (port 443, hosts "shop.example.com") of Gateway "shop/shop" terminates TLS (SIMPLE) but names no certificate',
        },
        { messageId: "noCredential", data: { server: 'servers[0] (port 443) of Gateway "shop/partners"', mode: "MUTUAL" }, line: 17, column: 13, endLine: 17, endColumn: 25 },
        { messageId: "noCredential", data: { server: 'servers[1] (port 8443) of Gateway "shop/partners"', mode: "OPTIONAL_MUTUAL" }, line: 19, column: 13, endLine: 19, endColumn: 34 },
      ],
    },
  ],
});
