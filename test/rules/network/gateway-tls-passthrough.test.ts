import rule from "../../../rules/network/gateway-tls-passthrough.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "TLS terminated at the Gateway, listeners without tls, and Istio's Gateway with PASSTHROUGH (the mesh rules' kind)",
      yaml: `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge}
spec:
  listeners:
    - {name: https, protocol: HTTPS, port: 443, tls: {mode: Terminate, certificateRefs: [{name: edge-tls}]}}
    - {name: tls, protocol: TLS, port: 8443, tls: {certificateRefs: [{name: edge-tls}]}}
    - {name: http, protocol: HTTP, port: 80}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: istio}
spec:
  servers:
    - port: {number: 443, name: tls, protocol: TLS}
      tls: {mode: PASSTHROUGH}
      hosts: ["*"]
`,
    },
  ],
  invalid: [
    {
      name: "Passthrough listeners, block and flow style",
      yaml: `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge}
spec:
  listeners:
    - name: tls
      protocol: TLS
      port: 443
      tls:
        mode: Passthrough
    - name: db
      protocol: TLS
      port: 5432
      tls: {mode: Passthrough}
`,
      errors: [
        {
          messageId: "passthrough",
          data: { gateway: 'Gateway "edge"', listener: "tls" },
          line: 10, column: 9, endLine: 10, endColumn: 26,
          message: 'Gateway "edge" listener "tls" passes TLS through to its backends, so the Gateway cannot inspect or authenticate what it forwards.',
        },
        { messageId: "passthrough", data: { gateway: 'Gateway "edge"', listener: "db" }, line: 14, column: 13, endLine: 14, endColumn: 30 },
      ],
    },
  ],
});
