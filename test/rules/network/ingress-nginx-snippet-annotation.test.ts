import rule from "../../../rules/network/ingress-nginx-snippet-annotation.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "ingress-nginx annotations that are not snippets, snippets of another controller's prefix, and snippets disallowed",
      yaml: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /$2
    nginx.ingress.kubernetes.io/custom-headers: shop/security-headers
    nginx.org/server-snippets: "add_header X-Test 1;"
spec:
  rules: [{host: shop.example.com}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: ingress-nginx-controller}
data:
  allow-snippet-annotations: "false"
---
apiVersion: v1
kind: Service
metadata:
  name: not-an-ingress
  annotations: {nginx.ingress.kubernetes.io/server-snippet: "return 403;"}
`,
    },
  ],
  invalid: [
    {
      name: "snippet annotations, a long one shortened in the message, and a ConfigMap that allows them",
      yaml: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /
    nginx.ingress.kubernetes.io/configuration-snippet: |
      more_set_headers "X-Frame-Options: DENY";
      more_set_headers "Content-Security-Policy: default-src 'self'; frame-ancestors 'none'";
    nginx.ingress.kubernetes.io/server-snippet: "location /token { alias /var/run/secrets/kubernetes.io/serviceaccount/token; }"
spec:
  rules: [{host: shop.example.com}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: ingress-nginx-controller}
data:
  allow-snippet-annotations: "true"
  annotations-risk-level: Critical
`,
      errors: [
        {
          messageId: "snippet",
          data: {
            ingress: 'Ingress "shop"',
            annotation: "nginx.ingress.kubernetes.io/configuration-snippet",
            excerpt: 'more_set_headers "X-Frame-Options: DENY"; ⏎ more_set_head...',
          },
          line: 7, column: 5, endLine: 10, endColumn: 1,
          message: 'Ingress "shop" sets nginx.ingress.kubernetes.io/configuration-snippet, raw nginx configuration that the shared ingress-nginx controller runs: "more_set_headers',
        },
        {
          messageId: "snippet",
          data: {
            ingress: 'Ingress "shop"',
            annotation: "nginx.ingress.kubernetes.io/server-snippet",
            excerpt: "location /token { alias /var/run/secrets/kubernetes.io/se...",
          },
          line: 10, column: 5, endLine: 10, endColumn: 129,
        },
        {
          messageId: "snippetsAllowed",
          data: { configMap: 'ConfigMap "ingress-nginx-controller"' },
          line: 18, column: 3, endLine: 18, endColumn: 36,
          message: 'ConfigMap "ingress-nginx-controller" sets allow-snippet-annotations: "true": every user who can create an Ingress may inject nginx configuration into the controller (CVE-2021-25742).',
        },
      ],
    },
    {
      name: "a chart's Ingress whose annotations come from values",
      originOf: () => ({ chart: "charts/web", template: "templates/ingress.yaml", scope: "helm:charts/web:default" }),
      yaml: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
    nginx.ingress.kubernetes.io/auth-snippet: "proxy_set_header X-Org acme;"
spec:
  rules: [{host: web.example.com}]
`,
      errors: [
        {
          messageId: "snippet",
          data: { ingress: 'Ingress "web"', annotation: "nginx.ingress.kubernetes.io/auth-snippet", excerpt: "proxy_set_header X-Org acme;" },
          line: 6, column: 5, endLine: 6, endColumn: 77,
        },
      ],
    },
  ],
});
