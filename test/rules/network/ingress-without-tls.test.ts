import rule from "../../../rules/network/ingress-without-tls.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "every host listed in a tls entry, through a one-label wildcard too, and a catch-all rule next to TLS hosts",
      yaml: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
spec:
  tls:
    - hosts: [shop.example.com]
      secretName: shop-tls
    - hosts: ["*.Apps.example.com"]
      secretName: apps-tls
  rules:
    - host: shop.example.com
    - host: web.apps.example.com
    - http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
`,
    },
    {
      name: "a tls entry without hosts covers the controller's default, and so every rule",
      yaml: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: default-cert}
spec:
  tls:
    - secretName: wildcard-tls
  rules:
    - host: anything.example.com
`,
    },
    {
      name: "controllers that take the certificate from an annotation (AWS, GKE, Azure), and Ingress kinds of other groups",
      yaml: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: alb
  annotations: {alb.ingress.kubernetes.io/certificate-arn: "arn:aws:acm:eu-west-1:123456789012:certificate/abc"}
spec:
  rules: [{host: shop.example.com}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: alb-listen
  annotations: {alb.ingress.kubernetes.io/listen-ports: '[{"HTTPS": 443}]'}
spec:
  rules: [{host: shop.example.com}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: gke
  annotations: {networking.gke.io/managed-certificates: shop-cert}
spec:
  rules: [{host: shop.example.com}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: agic
  annotations: {appgw.ingress.kubernetes.io/appgw-ssl-certificate: shop-cert}
spec:
  rules: [{host: shop.example.com}]
---
apiVersion: traefik.io/v1alpha1
kind: Ingress
metadata: {name: custom}
spec:
  rules: [{host: shop.example.com}]
`,
    },
  ],
  invalid: [
    {
      name: "no tls section: one finding per Ingress, naming what it serves (networking.k8s.io and extensions)",
      yaml: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
spec:
  rules:
    - host: shop.example.com
      http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
    - host: api.example.com
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: catch-all}
spec:
  defaultBackend: {service: {name: web, port: {number: 80}}}
---
apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: legacy}
spec:
  rules:
    - host: old.example.com
`,
      errors: [
        {
          messageId: "noTls",
          data: { ingress: 'Ingress "shop"', hosts: 'hosts "shop.example.com", "api.example.com"' },
          line: 4, column: 1, endLine: 4, endColumn: 6,
          message: 'Ingress "shop" has no tls section, so it serves hosts "shop.example.com", "api.example.com" over plain HTTP.',
        },
        { messageId: "noTls", data: { ingress: 'Ingress "catch-all"', hosts: "every request" }, line: 13, column: 1, endLine: 13, endColumn: 6 },
        { messageId: "noTls", data: { ingress: 'Ingress "legacy"', hosts: 'host "old.example.com"' }, line: 19, column: 1, endLine: 19, endColumn: 6 },
      ],
    },
    {
      name: "hosts no tls entry lists, one finding at each, a wildcard covering one label only",
      yaml: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: partial}
spec:
  tls:
    - hosts: [shop.example.com, "*.apps.example.com"]
      secretName: shop-tls
  rules:
    - host: shop.example.com
    - host: a.apps.example.com
    - host: a.b.apps.example.com
    - host: admin.example.com
    - http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
`,
      errors: [
        {
          messageId: "hostWithoutTls",
          data: { ingress: 'Ingress "partial"', host: "a.b.apps.example.com" },
          line: 11, column: 7, endLine: 11, endColumn: 33,
          message: 'Ingress "partial" serves host "a.b.apps.example.com" over plain HTTP: no entry of its tls section lists it.',
        },
        { messageId: "hostWithoutTls", data: { ingress: 'Ingress "partial"', host: "admin.example.com" }, line: 12, column: 7, endLine: 12, endColumn: 30 },
      ],
    },
    {
      name: "a chart's Ingress rendered without its tls values",
      originOf: () => ({ chart: "charts/web", template: "templates/ingress.yaml", scope: "helm:charts/web:default" }),
      yaml: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations: {cert-manager.io/cluster-issuer: letsencrypt}
spec:
  ingressClassName: nginx
  rules: [{host: web.example.com}]
`,
      errors: [{ messageId: "noTls", data: { ingress: 'Ingress "web"', hosts: 'host "web.example.com"' }, line: 6, column: 1, endLine: 6, endColumn: 6 }],
    },
  ],
});
