import rule from "../../../rules/network/network-policy-dangling-selector.js";
import { testRule } from "../../helpers/rule-tester.js";

const deployment = (name: string, labels: string, namespace = "shop") => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  template:
    metadata:
      labels: ${labels}
    spec:
      containers: [{name: app, image: nginx}]
`;

const WORKLOADS = `${deployment("web", "{app: web, tier: front}")}---
${deployment("api", "{app: api}")}---
${deployment("postgres", "{app: postgres}", "db")}---
`;

testRule(rule, {
  valid: [
    {
      name: "the policy, a same-namespace peer and a peer in a namespace named by kubernetes.io/metadata.name all match linted pods",
      yaml: `${WORKLOADS}apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api, namespace: shop}
spec:
  podSelector:
    matchExpressions: [{key: tier, operator: DoesNotExist}]
  policyTypes: [Ingress, Egress]
  ingress:
    - from: [{podSelector: {matchExpressions: [{key: app, operator: NotIn, values: [api]}]}}]
  egress:
    - to:
        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: db}}
          podSelector: {matchLabels: {app: postgres}}
        - podSelector: {}
`,
    },
    {
      name: "selectors toward pods that are not among the linted objects: a namespace without linted workloads, other namespace labels, every namespace",
      yaml: `${deployment("web", "{app: web}")}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ops, namespace: ops}
spec:
  podSelector: {matchLabels: {app: agent}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
    - from:
        - namespaceSelector: {matchLabels: {team: monitoring}}
          podSelector: {matchLabels: {app: prometheus}}
        - namespaceSelector: {}
          podSelector: {matchLabels: {app: ingress-nginx}}
        - namespaceSelector:
            matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [monitoring]}]
          podSelector: {matchLabels: {app: grafana}}
`,
    },
    {
      name: "a host-network DaemonSet's pods are pods a selector matches",
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: speaker, namespace: metallb}
spec:
  template:
    metadata: {labels: {app: speaker}}
    spec:
      hostNetwork: true
      containers: [{name: speaker, image: speaker}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: speaker, namespace: metallb}
spec:
  podSelector: {matchLabels: {app: speaker}}
`,
    },
    {
      name: "peers of a direction the policy does not apply to have no effect",
      yaml: `${deployment("web", "{app: web}")}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress]
  egress:
    - to: [{podSelector: {matchLabels: {app: gone}}}]
`,
    },
  ],
  invalid: [
    {
      name: "a policy whose podSelector uses another label than the pods",
      yaml: `${deployment("web", "{app.kubernetes.io/name: web}")}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector:
    matchLabels: {app: web}
`,
      errors: [
        {
          messageId: "policySelectsNothing",
          data: { policy: "web", selector: "app=web", where: 'namespace "shop"', workloads: 'Deployment "web"' },
          line: 15,
          column: 3,
          endLine: 15,
          endColumn: 15,
          message:
            'NetworkPolicy "web" selects no pod among the linted objects: its podSelector (app=web) matches none of the workloads in namespace "shop" (Deployment "web"), so it isolates nothing.',
        },
      ],
    },
    {
      name: "peers that match nothing, in the policy's namespace and in namespaces named by matchLabels or an In expression",
      yaml: `${WORKLOADS}apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - podSelector: {matchLabels: {app: frontend}}
  egress:
    - to:
        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: db}}
          podSelector: {matchLabels: {app: mysql}}
        - namespaceSelector:
            matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [db, shop]}]
          podSelector: {matchExpressions: [{key: app, operator: In, values: [redis]}]}
`,
      errors: [
        {
          messageId: "peerSelectsNothing",
          data: { policy: "web", item: "ingress[0].from[0]", selector: "app=frontend", where: 'namespace "shop"', workloads: 'Deployment "web", Deployment "api"', effect: "admits no pod" },
          line: 39,
          column: 11,
          endLine: 39,
          endColumn: 54,
          message:
            'NetworkPolicy "web" ingress[0].from[0] matches no pod among the linted objects: its podSelector (app=frontend) matches none of the workloads in namespace "shop" (Deployment "web", Deployment "api"), so the rule admits no pod.',
        },
        {
          messageId: "peerSelectsNothing",
          data: { policy: "web", item: "egress[0].to[0]", selector: "app=mysql", where: 'namespace "db"', workloads: 'Deployment "postgres"', effect: "lets the pods it selects reach no pod" },
          line: 43,
          column: 11,
          endLine: 43,
          endColumn: 51,
        },
        {
          messageId: "peerSelectsNothing",
          data: {
            policy: "web",
            item: "egress[0].to[1]",
            selector: "app in (redis)",
            where: 'namespace "db", namespace "shop"',
            workloads: 'Deployment "postgres", Deployment "web", Deployment "api"',
            effect: "lets the pods it selects reach no pod",
          },
          line: 46,
          column: 11,
          endLine: 46,
          endColumn: 87,
        },
      ],
    },
    {
      name: "a chart's policy in the release namespace; more than three workloads are counted",
      originOf: () => ({ chart: "charts/app", scope: "helm:charts/app:default", releaseNamespace: true }),
      yaml: `${deployment("a", "{app: a}", "default")}---
${deployment("b", "{app: b}", "default")}---
${deployment("c", "{app: c}", "default")}---
${deployment("d", "{app: d}", "default")}---
${deployment("e", "{app: e}", "default")}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: app, namespace: default}
spec:
  podSelector: {matchLabels: {app: z}}
`,
      errors: [
        {
          messageId: "policySelectsNothing",
          data: { policy: "app", selector: "app=z", where: "the release namespace", workloads: 'Deployment "a", Deployment "b", Deployment "c" and 2 more' },
          line: 55,
          column: 3,
          endLine: 55,
          endColumn: 39,
        },
      ],
    },
  ],
});
