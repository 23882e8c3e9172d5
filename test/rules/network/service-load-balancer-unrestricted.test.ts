import rule from "../../../rules/network/service-load-balancer-unrestricted.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "source ranges in the spec or the annotation, and load balancers made internal by each cloud's annotation",
      yaml: `apiVersion: v1
kind: Service
metadata: {name: office}
spec:
  type: LoadBalancer
  loadBalancerSourceRanges: [203.0.113.0/24, "2001:db8::/32"]
---
apiVersion: v1
kind: Service
metadata:
  name: annotated
  annotations: {service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8,192.168.0.0/16"}
spec:
  type: LoadBalancer
---
apiVersion: v1
kind: Service
metadata:
  name: aws
  annotations: {service.beta.kubernetes.io/aws-load-balancer-scheme: internal}
spec:
  type: LoadBalancer
---
apiVersion: v1
kind: Service
metadata:
  name: gke
  annotations: {networking.gke.io/load-balancer-type: Internal}
spec:
  type: LoadBalancer
---
apiVersion: v1
kind: Service
metadata:
  name: azure
  annotations: {service.beta.kubernetes.io/azure-load-balancer-internal: "true"}
spec:
  type: LoadBalancer
---
apiVersion: v1
kind: Service
metadata: {name: cluster-only}
spec:
  type: ClusterIP
`,
    },
    {
      name: "a spec list replaces the annotation, as Kubernetes reads them",
      yaml: `apiVersion: v1
kind: Service
metadata:
  name: both
  annotations: {service.beta.kubernetes.io/load-balancer-source-ranges: 0.0.0.0/0}
spec:
  type: LoadBalancer
  loadBalancerSourceRanges: [10.0.0.0/8]
`,
    },
  ],
  invalid: [
    {
      name: "no source ranges, open ranges in the spec (IPv4 and IPv6), and an open range in the annotation",
      yaml: `apiVersion: v1
kind: Service
metadata: {name: public}
spec:
  type: LoadBalancer
  ports: [{port: 443}]
---
apiVersion: v1
kind: Service
metadata: {name: open}
spec:
  type: LoadBalancer
  loadBalancerSourceRanges:
    - 10.0.0.0/8
    - 0.0.0.0/0
    - "::/0"
---
apiVersion: v1
kind: Service
metadata:
  name: annotated
  annotations:
    service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8, 0.0.0.0/0"
spec:
  type: LoadBalancer
`,
      errors: [
        {
          messageId: "noSourceRanges",
          data: { service: 'Service "public"' },
          line: 5, column: 3, endLine: 5, endColumn: 21,
          message: 'Service "public" has type LoadBalancer and no source ranges, so its load balancer accepts connections from any address.',
        },
        {
          messageId: "openSourceRange",
          data: { service: 'Service "open"', range: "0.0.0.0/0" },
          line: 15, column: 7, endLine: 15, endColumn: 16,
          message: 'Service "open" has type LoadBalancer and allows source range "0.0.0.0/0", which is every address.',
        },
        { messageId: "openSourceRange", data: { service: 'Service "open"', range: "::/0" }, line: 16, column: 7, endLine: 16, endColumn: 13 },
        { messageId: "openSourceRange", data: { service: 'Service "annotated"', range: "0.0.0.0/0" }, line: 23, column: 5, endLine: 23, endColumn: 84 },
      ],
    },
    {
      name: "an ingress controller's Service rendered by Helm with the chart's default type: LoadBalancer is an exposure decision, reported",
      originOf: () => ({ chart: "charts/ingress-nginx", template: "templates/controller-service.yaml", scope: "helm:charts/ingress-nginx:default" }),
      yaml: `apiVersion: v1
kind: Service
metadata:
  name: ingress-nginx-controller
  annotations: {service.beta.kubernetes.io/aws-load-balancer-internal: "false"}
spec:
  type: LoadBalancer
  ports: [{name: https, port: 443}]
`,
      errors: [{ messageId: "noSourceRanges", data: { service: 'Service "ingress-nginx-controller"' }, line: 7, column: 3, endLine: 7, endColumn: 21 }],
    },
  ],
});
