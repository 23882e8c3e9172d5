import rule from "../../../rules/mesh/istio-sidecar-traffic-excluded.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "no exclusions; empty exclusions; include annotations that redirect everything",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata:
      annotations:
        traffic.sidecar.istio.io/excludeInboundPorts: ""
        traffic.sidecar.istio.io/includeInboundPorts: "*"
        traffic.sidecar.istio.io/includeOutboundIPRanges: "*"
    spec:
      containers: [{name: web, image: web}]
`,
    },
  ],
  invalid: [
    {
      name: "inbound ports, outbound ports and IP ranges excluded",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: webhook, namespace: shop}
spec:
  template:
    metadata:
      annotations:
        traffic.sidecar.istio.io/excludeInboundPorts: "9443"
        traffic.sidecar.istio.io/excludeOutboundPorts: "5432,6379"
        traffic.sidecar.istio.io/excludeOutboundIPRanges: 0.0.0.0/0
    spec:
      containers: [{name: webhook, image: webhook}]
`,
      errors: [
        {
          messageId: "excluded",
          data: { workload: 'Deployment "shop/webhook"', annotation: "traffic.sidecar.istio.io/excludeInboundPorts", what: "inbound connections to ports 9443" },
          line: 8,
          column: 9,
          endLine: 8,
          endColumn: 61,
          message: 'Deployment "shop/webhook" sets traffic.sidecar.istio.io/excludeInboundPorts: inbound connections to ports 9443 bypass the Istio sidecar, without mTLS or authorization policies.',
        },
        {
          messageId: "excluded",
          data: { workload: 'Deployment "shop/webhook"', annotation: "traffic.sidecar.istio.io/excludeOutboundPorts", what: "outbound connections to ports 5432,6379" },
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 67,
        },
        {
          messageId: "excluded",
          data: { workload: 'Deployment "shop/webhook"', annotation: "traffic.sidecar.istio.io/excludeOutboundIPRanges", what: "outbound connections to 0.0.0.0/0" },
          line: 10,
          column: 9,
          endLine: 10,
          endColumn: 68,
        },
      ],
    },
    {
      name: "an empty include list turns redirection off (a Pod)",
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: legacy
  annotations: {traffic.sidecar.istio.io/includeInboundPorts: ""}
spec:
  containers: [{name: legacy, image: legacy}]
`,
      errors: [
        {
          messageId: "redirectionOff",
          data: { workload: 'Pod "legacy"', annotation: "traffic.sidecar.istio.io/includeInboundPorts", direction: "inbound" },
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 65,
        },
      ],
    },
  ],
});
