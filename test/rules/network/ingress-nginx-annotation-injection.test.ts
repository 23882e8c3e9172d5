import rule from "../../../rules/network/ingress-nginx-annotation-injection.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "URLs with nginx variables, CIDR lists, header lists, regex quantifiers in regex-valued annotations, snippets (another rule's) and other prefixes",
      yaml: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  annotations:
    nginx.ingress.kubernetes.io/auth-url: "https://$host/oauth2/auth"
    nginx.ingress.kubernetes.io/auth-signin: "https://$host/oauth2/start?rd=$escaped_request_uri"
    nginx.ingress.kubernetes.io/whitelist-source-range: "10.0.0.0/8, 192.168.0.0/16"
    nginx.ingress.kubernetes.io/cors-allow-headers: "DNT,Authorization,Content-Type"
    nginx.ingress.kubernetes.io/canary-by-header-pattern: "^v[0-9]{1,2}$"
    nginx.ingress.kubernetes.io/auth-tls-match-cn: "CN=client-[a-z]{3}"
    nginx.ingress.kubernetes.io/rewrite-target: /$2
    nginx.ingress.kubernetes.io/configuration-snippet: "more_set_headers 'X-A: b';"
    example.com/notes: "a; b { c }"
    nginx.ingress.kubernetes.io/custom-headers: |
      shop/headers
spec:
  rules: [{host: shop.example.com}]
`,
    },
  ],
  invalid: [
    {
      name: "values that end a directive, open or close a block, break the line or call Lua",
      yaml: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  annotations:
    nginx.ingress.kubernetes.io/permanent-redirect: "https://example.com/;} location ~* /x { content_by_lua_block { os.execute('id') } }"
    nginx.ingress.kubernetes.io/auth-url: "http://auth.svc/verify;\\n}"
    nginx.ingress.kubernetes.io/auth-tls-match-cn: "CN=(a|b){2}#;"
    nginx.ingress.kubernetes.io/mirror-target: "http://mirror/{x"
    nginx.ingress.kubernetes.io/custom-headers: |
      shop/headers
      more
spec:
  rules: [{host: shop.example.com}]
`,
      errors: [
        {
          messageId: "nginxSyntax",
          data: {
            ingress: 'Ingress "shop"',
            annotation: "nginx.ingress.kubernetes.io/permanent-redirect",
            marker: "a Lua directive",
            excerpt: "https://example.com/;} location ~* /x { content_by_lua_bl...",
          },
          line: 6, column: 5, endLine: 6, endColumn: 138,
          message: 'Ingress "shop": the value of nginx.ingress.kubernetes.io/permanent-redirect contains a Lua directive, which ingress-nginx would write into its configuration: "https://example.com/;}',
        },
        {
          messageId: "nginxSyntax",
          data: { ingress: 'Ingress "shop"', annotation: "nginx.ingress.kubernetes.io/auth-url", marker: "a line break", excerpt: "http://auth.svc/verify; ⏎ }" },
          line: 7, column: 5, endLine: 7, endColumn: 71,
        },
        {
          messageId: "nginxSyntax",
          data: { ingress: 'Ingress "shop"', annotation: "nginx.ingress.kubernetes.io/auth-tls-match-cn", marker: 'a ";" that ends an nginx directive', excerpt: "CN=(a|b){2}#;" },
          line: 8, column: 5, endLine: 8, endColumn: 67,
        },
        {
          messageId: "nginxSyntax",
          data: {
            ingress: 'Ingress "shop"',
            annotation: "nginx.ingress.kubernetes.io/mirror-target",
            marker: "a brace that opens or closes an nginx block",
            excerpt: "http://mirror/{x",
          },
          line: 9, column: 5, endLine: 9, endColumn: 66,
        },
        {
          messageId: "nginxSyntax",
          data: { ingress: 'Ingress "shop"', annotation: "nginx.ingress.kubernetes.io/custom-headers", marker: "a line break", excerpt: "shop/headers ⏎ more" },
          line: 10, column: 5, endLine: 13, endColumn: 1,
        },
      ],
    },
  ],
});
