import rule from "../../../rules/network/namespace-default-deny-missing.js";
import { testRule } from "../../helpers/rule-tester.js";

const deployment = (name: string, namespace = "shop") => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers: [{name: app, image: nginx}]
`;

const NAMESPACE = `apiVersion: v1
kind: Namespace
metadata: {name: shop}
`;

/** A chart's objects, all in the release namespace. */
const inReleaseNamespace = () => ({ chart: "charts/app", scope: "helm:charts/app:default", releaseNamespace: true });

testRule(rule, {
  valid: [
    {
      name: "a default-deny policy for both directions",
      yaml: `${NAMESPACE}---
${deployment("web")}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`,
    },
    {
      name: "default deny per direction: without policyTypes for ingress, an empty egress list with Egress in policyTypes",
      yaml: `${NAMESPACE}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-ingress, namespace: shop}
spec:
  podSelector: {}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-egress, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress: []
`,
    },
    {
      name: "a workload no policy selects is workload-not-isolated's finding, in both directions",
      yaml: `${NAMESPACE}---
${deployment("web")}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: other, namespace: shop}
spec:
  podSelector: {matchLabels: {app: other}}
  policyTypes: [Ingress, Egress]
`,
    },
    {
      name: "a scope without any policy is workload-not-isolated's one finding",
      yaml: `${deployment("web")}---
${deployment("api")}`,
    },
    {
      name: "a namespace chosen at install or apply: a chart's release namespace, a manifest without one",
      originOf: (object) => (object.namespace === "default" ? inReleaseNamespace() : {}),
      yaml: `${deployment("web", "default")}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: default}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress, Egress]
---
apiVersion: v1
kind: Pod
metadata: {name: solo, labels: {app: solo}}
spec:
  containers: [{name: app, image: nginx}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: solo}
spec:
  podSelector: {matchLabels: {app: solo}}
  policyTypes: [Ingress, Egress]
`,
    },
    {
      name: "namespaces whose policies live elsewhere",
      options: { policyNamespacesElsewhere: ["shop"] },
      yaml: `${NAMESPACE}---
${deployment("web")}`,
    },
  ],
  invalid: [
    {
      name: "a Namespace object with no policy and no workload",
      yaml: NAMESPACE,
      errors: [
        {
          messageId: "noDefaultDeny",
          data: { namespace: 'Namespace "shop"', directions: "ingress or egress", state: "it holds no linted workload", effect: "accepts connections from anywhere and can connect anywhere" },
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 22,
          message:
            'Namespace "shop" has no default-deny NetworkPolicy for ingress or egress among the linted objects: it holds no linted workload, but a pod there that no policy selects (one added later, or not among the linted objects) accepts connections from anywhere and can connect anywhere.',
          related: [],
        },
      ],
    },
    {
      name: "every workload is selected by a policy of its own, but nothing denies by default; the policies are related locations",
      yaml: `${NAMESPACE}---
${deployment("web")}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress, Egress]
`,
      errors: [
        {
          messageId: "noDefaultDeny",
          data: { namespace: 'Namespace "shop"', directions: "ingress or egress", state: "every linted workload there is selected by a policy", effect: "accepts connections from anywhere and can connect anywhere" },
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 22,
          related: [{ line: 19, column: 3, message: 'NetworkPolicy "web" selects app=web, not every pod with no rule.' }],
        },
      ],
    },
    {
      name: "a namespace known only from its workloads is reported once, at the first; a policy for every pod that allows traffic is no default deny",
      yaml: `${deployment("web")}---
${deployment("api")}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: same-namespace, namespace: shop}
spec:
  podSelector: {}
  ingress:
    - from: [{podSelector: {}}]
`,
      errors: [
        {
          messageId: "noDefaultDeny",
          data: { namespace: 'Namespace "shop"', directions: "ingress", state: "every linted workload there is selected by a policy", effect: "accepts connections from anywhere" },
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 38,
          related: [{ line: 25, column: 3, message: 'NetworkPolicy "same-namespace" selects {}, not every pod with no rule.' }],
        },
      ],
    },
    {
      name: "ingress denied by a policy without policyTypes, which leaves egress open: a policy without an egress section does not deny egress",
      yaml: `${NAMESPACE}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: shop}
spec:
  podSelector: {}
`,
      errors: [
        {
          messageId: "noDefaultDeny",
          data: { namespace: 'Namespace "shop"', directions: "egress", state: "it holds no linted workload", effect: "can connect anywhere" },
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 22,
          related: [{ line: 9, column: 3, message: 'NetworkPolicy "deny" selects {}, not every pod with no rule.' }],
        },
      ],
    },
    {
      name: "only the direction where every workload is selected: the other is workload-not-isolated's",
      yaml: `${NAMESPACE}---
${deployment("web")}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-out, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Egress]
`,
      errors: [
        {
          messageId: "noDefaultDeny",
          data: { namespace: 'Namespace "shop"', directions: "egress", state: "every linted workload there is selected by a policy", effect: "can connect anywhere" },
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 22,
        },
      ],
    },
  ],
});
