import rule from "../../../rules/mesh/istio-destination-rule-tls-not-mutual.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "ISTIO_MUTUAL, MUTUAL, or no tls (auto mTLS), at every level",
      yaml: `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: shop}
spec:
  host: reviews
  trafficPolicy:
    tls: {mode: ISTIO_MUTUAL}
    portLevelSettings:
      - port: {number: 9080}
        loadBalancer: {simple: ROUND_ROBIN}
  subsets:
    - name: v1
      trafficPolicy:
        tls: {mode: MUTUAL, credentialName: client}
`,
    },
    {
      name: "SIMPLE toward a host outside the mesh is TLS origination, and `name.namespace` without such a Service is not known to be in the mesh",
      yaml: `apiVersion: networking.istio.io/v1beta1
kind: DestinationRule
metadata: {name: google, namespace: shop}
spec:
  host: www.googleapis.com
  trafficPolicy:
    tls: {mode: SIMPLE}
---
apiVersion: networking.istio.io/v1beta1
kind: DestinationRule
metadata: {name: legacy, namespace: shop}
spec:
  host: legacy.billing
  trafficPolicy:
    tls: {mode: SIMPLE}
`,
    },
  ],
  invalid: [
    {
      name: "DISABLE for every port toward a short name (in the rule's namespace)",
      yaml: `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: shop}
spec:
  host: reviews
  trafficPolicy:
    tls:
      mode: DISABLE
`,
      errors: [
        {
          messageId: "disabled",
          data: { rule: 'DestinationRule "shop/reviews"', where: "for every port", host: "reviews" },
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 20,
          message: 'DestinationRule "shop/reviews" turns TLS off for every port toward "reviews", a service of the mesh: its clients send plaintext',
          severity: "high",
        },
      ],
    },
    {
      name: "per port and per subset (v1alpha3), toward a cluster-local name",
      yaml: `apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata: {name: ratings, namespace: shop}
spec:
  host: ratings.shop.svc.cluster.local
  trafficPolicy:
    portLevelSettings:
      - port: {number: 9080}
        tls: {mode: DISABLE}
  subsets:
    - name: v2
      trafficPolicy:
        tls: {mode: SIMPLE}
        portLevelSettings:
          - port: {number: 8443}
            tls: {mode: ISTIO_MUTUAL}
          - tls: {mode: DISABLE}
`,
      errors: [
        {
          messageId: "disabled",
          data: { rule: 'DestinationRule "shop/ratings"', where: "on port 9080", host: "ratings.shop.svc.cluster.local" },
          line: 9,
          column: 15,
          endLine: 9,
          endColumn: 28,
        },
        {
          messageId: "simpleInMesh",
          data: { rule: 'DestinationRule "shop/ratings"', where: 'for subset "v2"', host: "ratings.shop.svc.cluster.local" },
          line: 13,
          column: 15,
          endLine: 13,
          endColumn: 27,
          message: 'DestinationRule "shop/ratings" uses one-way TLS (SIMPLE) for subset "v2" toward "ratings.shop.svc.cluster.local", a service of the mesh',
          severity: "medium",
        },
        {
          messageId: "disabled",
          data: { rule: 'DestinationRule "shop/ratings"', where: 'on portLevelSettings[1] of subset "v2"', host: "ratings.shop.svc.cluster.local" },
          line: 17,
          column: 19,
          endLine: 17,
          endColumn: 32,
        },
      ],
    },
    {
      name: "DISABLE toward a host outside the mesh is lowered to low",
      yaml: `apiVersion: networking.istio.io/v1beta1
kind: DestinationRule
metadata: {name: db, namespace: shop}
spec:
  host: db.example.com
  trafficPolicy: {tls: {mode: DISABLE}}
`,
      errors: [
        {
          messageId: "disabledExternal",
          data: { rule: 'DestinationRule "shop/db"', where: "for every port", host: "db.example.com" },
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 38,
          severity: "low",
        },
      ],
    },
    {
      name: "`name.namespace` of a Service linted with the rule is in the mesh",
      yaml: `apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: shop}
spec:
  ports: [{port: 9080}]
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: frontend}
spec:
  host: reviews.shop
  trafficPolicy: {tls: {mode: SIMPLE}}
`,
      errors: [
        {
          messageId: "simpleInMesh",
          data: { rule: 'DestinationRule "frontend/reviews"', where: "for every port", host: "reviews.shop" },
          line: 12,
          column: 25,
          endLine: 12,
          endColumn: 37,
        },
      ],
    },
  ],
});
