import rule from "../../../rules/network/workload-not-isolated.js";
import { testRule, type OriginOf } from "../../helpers/rule-tester.js";

/** Objects of one chart rendering; those of `kinds` got their namespace from `.Release.Namespace`. */
const renderedWithReleaseNamespace =
  (...kinds: string[]): OriginOf =>
  (object) => ({ chart: "charts/app", scope: "helm:charts/app:default", releaseNamespace: kinds.includes(object.kind) });

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

testRule(rule, {
  valid: [
    {
      name: "one policy selects the pods (matchLabels) for ingress and egress",
      yaml: `${deployment("web", "{app: web, tier: front}")}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector:
    matchLabels: {app: web}
  policyTypes: [Ingress, Egress]
`,
    },
    {
      name: "without policyTypes a policy applies to ingress, and to egress too when it has egress rules",
      yaml: `${deployment("web", "{app: web}")}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-egress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  egress:
    - to: [{podSelector: {matchLabels: {app: db}}}]
`,
    },
    {
      name: "podSelector {} selects every pod of the namespace; an absent podSelector is the same",
      yaml: `${deployment("web", "{app: web}")}---
${deployment("api", "{}")}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-egress, namespace: shop}
spec:
  policyTypes: [Egress]
`,
    },
    {
      name: "matchExpressions: In, NotIn (label absent), Exists and DoesNotExist all hold",
      yaml: `${deployment("web", "{app: web, team: a}")}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector:
    matchExpressions:
      - {key: app, operator: In, values: [web, api]}
      - {key: tier, operator: NotIn, values: [db]}
      - {key: team, operator: Exists}
      - {key: debug, operator: DoesNotExist}
  policyTypes: [Ingress, Egress]
`,
    },
    {
      name: "namespaces whose policies live elsewhere are not reported",
      options: { policyNamespacesElsewhere: ["shop"] },
      yaml: `${deployment("web", "{app: web}")}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: other, namespace: other}
spec:
  podSelector: {}
`,
    },
    {
      name: "a host-network pod and a PodTemplate are passed over",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: agent, namespace: shop}
spec:
  hostNetwork: true
  containers: [{name: agent, image: agent}]
---
apiVersion: v1
kind: PodTemplate
metadata: {name: tpl, namespace: shop}
template:
  metadata: {labels: {app: tpl}}
  spec:
    containers: [{name: app, image: nginx}]
`,
    },
    {
      name: "a chart's workload and policy in the release namespace match",
      originOf: renderedWithReleaseNamespace("Deployment", "NetworkPolicy"),
      yaml: `${deployment("web", "{app: web}", "default")}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: default}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress, Egress]
`,
    },
  ],
  invalid: [
    {
      name: "a scope with no NetworkPolicy at all is reported once, at its first workload",
      yaml: `${deployment("web", "{app: web}")}---
${deployment("api", "{app: api}")}`,
      errors: [
        {
          messageId: "noPolicyInScope",
          data: { scope: "the linted manifests", workload: 'Deployment "web"' },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 14,
          message:
            "There is no NetworkPolicy among the linted objects of the linted manifests, so no pod of its workloads is isolated: they accept connections from anywhere and can connect anywhere (reported once, at Deployment \"web\").",
        },
      ],
    },
    {
      name: "a chart that ships no policy is named as the scope",
      originOf: renderedWithReleaseNamespace("Deployment"),
      yaml: `${deployment("web", "{app: web}", "default")}---
${deployment("api", "{app: api}", "default")}`,
      errors: [{ messageId: "noPolicyInScope", data: { scope: 'chart "charts/app"', workload: 'Deployment "web"' }, line: 6, column: 5, endLine: 6, endColumn: 14 }],
    },
    {
      name: "a policy without policyTypes and with an empty egress list isolates ingress only; the policy is a related location",
      yaml: `${deployment("web", "{app: web}")}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-in, namespace: shop}
spec:
  podSelector:
    matchLabels: {app: web}
  egress: []
`,
      errors: [
        {
          messageId: "notIsolated",
          data: { workload: 'Deployment "web"', where: 'namespace "shop"', directions: "egress", effect: "they can connect to any pod and any address" },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 14,
          message: 'The pods of Deployment "web" in namespace "shop" are selected by no NetworkPolicy for egress among the linted objects: they can connect to any pod and any address.',
          related: [{ line: 15, column: 3, message: 'NetworkPolicy "web-in" selects these pods for ingress only.' }],
        },
      ],
    },
    {
      name: "an Egress-only policy leaves ingress open",
      yaml: `${deployment("web", "{app: web}")}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-out, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Egress]
`,
      errors: [
        {
          messageId: "notIsolated",
          data: { workload: 'Deployment "web"', where: 'namespace "shop"', directions: "ingress", effect: "they accept connections from any pod and any address" },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 14,
          related: [{ line: 15, column: 3, message: 'NetworkPolicy "web-out" selects these pods for egress only.' }],
        },
      ],
    },
    {
      name: "each matchExpressions operator that fails leaves a workload unselected",
      yaml: `${deployment("in-fails", "{app: db, team: a}")}---
${deployment("notin-fails", "{app: web, tier: db, team: a}")}---
${deployment("exists-fails", "{app: web}")}---
${deployment("doesnotexist-fails", "{app: web, team: a, debug: 'on'}")}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector:
    matchExpressions:
      - {key: app, operator: In, values: [web, api]}
      - {key: tier, operator: NotIn, values: [db]}
      - {key: team, operator: Exists}
      - {key: debug, operator: DoesNotExist}
  policyTypes: [Ingress, Egress]
`,
      errors: ["in-fails", "notin-fails", "exists-fails", "doesnotexist-fails"].map((name, i) => ({
        messageId: "notIsolated",
        data: { workload: `Deployment "${name}"`, where: 'namespace "shop"', directions: "ingress and egress", effect: "they accept connections from anywhere and can connect anywhere" },
        line: 6 + 10 * i,
        column: 5,
        endLine: 6 + 10 * i,
        endColumn: 14,
        related: [{ line: 45, column: 3, message: 'NetworkPolicy "web" selects other pods (app in (web, api), tier notin (db), team, !debug).' }],
      })),
    },
    {
      name: "a namespace without policies is reported once, naming its workloads: a policy of another namespace does not count",
      yaml: `${deployment("web", "{app: web}")}---
${deployment("api", "{app: api}")}---
apiVersion: v1
kind: Pod
metadata: {name: agent, namespace: shop}
spec:
  hostNetwork: true
  containers: [{name: agent, image: agent}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: all, namespace: other}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`,
      errors: [
        {
          messageId: "noPolicyInNamespace",
          data: { where: 'namespace "shop"', workloads: 'Deployment "web", Deployment "api"', workload: 'Deployment "web"' },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 14,
          message:
            'No NetworkPolicy among the linted objects is in namespace "shop", so no pod there is isolated: the pods of Deployment "web", Deployment "api" accept connections from anywhere and can connect anywhere (reported once, at Deployment "web").',
          related: [],
        },
      ],
    },
    {
      name: "a Pod without labels is pointed at its metadata, a template without metadata at the pod spec",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: solo, namespace: shop}
spec:
  containers: [{name: app, image: nginx}]
---
apiVersion: batch/v1
kind: Job
metadata: {name: migrate, namespace: shop}
spec:
  template:
    spec:
      containers: [{name: app, image: nginx}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress, Egress]
`,
      errors: [
        {
          messageId: "notIsolated",
          data: { workload: 'Pod "solo"', where: 'namespace "shop"', directions: "ingress and egress", effect: "they accept connections from anywhere and can connect anywhere" },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 40,
          related: [{ line: 19, column: 3, message: 'NetworkPolicy "web" selects other pods (app=web).' }],
        },
        {
          messageId: "notIsolated",
          data: { workload: 'Job "migrate"', where: 'namespace "shop"', directions: "ingress and egress", effect: "they accept connections from anywhere and can connect anywhere" },
          line: 12,
          column: 5,
          endLine: 12,
          endColumn: 10,
        },
      ],
    },
    {
      name: "a CronJob's pods are its job template's; a chart's policy with a written namespace does not cover the release namespace",
      originOf: renderedWithReleaseNamespace("CronJob"),
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: tick, namespace: default}
spec:
  jobTemplate:
    spec:
      template:
        metadata:
          labels: {app: tick}
        spec:
          containers: [{name: t, image: busybox}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: tick, namespace: default}
spec:
  podSelector: {matchLabels: {app: tick}}
  policyTypes: [Ingress, Egress]
`,
      errors: [
        {
          messageId: "noPolicyInNamespace",
          data: { where: "the release namespace", workloads: 'CronJob "tick"', workload: 'CronJob "tick"' },
          line: 8,
          column: 9,
          endLine: 8,
          endColumn: 18,
          related: [],
        },
      ],
    },
    {
      name: "policyNamespacesElsewhere names other namespaces only",
      options: { policyNamespacesElsewhere: ["prod"] },
      yaml: `${deployment("web", "{app: web}")}---
${deployment("web", "{app: web}", "prod")}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db}}
`,
      errors: [
        {
          messageId: "notIsolated",
          data: { workload: 'Deployment "web"', where: 'namespace "shop"', directions: "ingress and egress", effect: "they accept connections from anywhere and can connect anywhere" },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 14,
        },
      ],
    },
  ],
});
