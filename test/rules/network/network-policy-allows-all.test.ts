import rule from "../../../rules/network/network-policy-allows-all.js";
import { testRule } from "../../helpers/rule-tester.js";

const policy = (spec: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: open, namespace: shop}
spec:
  podSelector: {}
${spec}`;

testRule(rule, {
  valid: [
    {
      name: "named peers and ports; an ipBlock with except; a namespaceSelector that names namespaces; a default deny",
      yaml: policy(`  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - podSelector: {matchLabels: {app: web}}
        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}
      ports: [{port: 8080}]
    - ports: [{port: 443}]
  egress:
    - to:
        - ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 169.254.169.254/32]}
        - ipBlock: {cidr: 10.1.0.0/16}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`),
    },
    {
      name: "a NetworkPolicy of the removed extensions/v1beta1 API is not read",
      yaml: `apiVersion: extensions/v1beta1
kind: NetworkPolicy
metadata: {name: old, namespace: shop}
spec:
  podSelector: {}
  ingress:
    - {}
`,
    },
    {
      name: "rules of a direction the policy does not apply to have no effect",
      yaml: policy(`  policyTypes: [Ingress]
  ingress:
    - from: [{podSelector: {matchLabels: {app: web}}}]
  egress:
    - {}
`),
    },
  ],
  invalid: [
    {
      name: "an empty rule, and empty from and ports lists, allow everything; egress applies without policyTypes when it has rules",
      yaml: policy(`  ingress:
    - {}
    - from: []
      ports: []
  egress:
    - {}
`),
      errors: [
        {
          messageId: "emptyRule",
          data: { policy: "open", item: "ingress[0]", traffic: "ingress", fromTo: "from" },
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 9,
          message: 'NetworkPolicy "open" ingress[0] is empty, so it allows all ingress traffic of the pods it selects, from any pod and any address.',
        },
        { messageId: "emptyRule", data: { policy: "open", item: "ingress[1]", traffic: "ingress", fromTo: "from" }, line: 8, column: 7, endLine: 8, endColumn: 15 },
        { messageId: "emptyRule", data: { policy: "open", item: "egress[0]", traffic: "egress", fromTo: "to" }, line: 11, column: 7, endLine: 11, endColumn: 9 },
      ],
    },
    {
      name: "every address, IPv4 and IPv6, without except",
      yaml: policy(`  policyTypes: [Egress]
  egress:
    - to:
        - ipBlock:
            cidr: 0.0.0.0/0
        - ipBlock: {cidr: "::/0", except: []}
      ports: [{port: 443}, {port: dns}, {port: 32000, endPort: 32768}, {protocol: UDP}]
`),
      errors: [
        {
          messageId: "everyAddress",
          data: { policy: "open", item: "egress[0].to[0]", traffic: "egress", fromTo: "to", cidr: "0.0.0.0/0", ports: " on ports 443, dns, 32000-32768, all" },
          line: 10,
          column: 13,
          endLine: 10,
          endColumn: 28,
          message: 'NetworkPolicy "open" egress[0].to[0] allows egress to every address (0.0.0.0/0 without except) on ports 443, dns, 32000-32768, all.',
        },
        {
          messageId: "everyAddress",
          data: { policy: "open", item: "egress[0].to[1]", traffic: "egress", fromTo: "to", cidr: "::/0", ports: " on ports 443, dns, 32000-32768, all" },
          line: 11,
          column: 21,
          endLine: 11,
          endColumn: 33,
        },
      ],
    },
    {
      name: "namespaceSelector {} opens the rule to every namespace, alone or with a podSelector",
      yaml: policy(`  ingress:
    - from:
        - namespaceSelector: {}
        - namespaceSelector: {}
          podSelector:
            matchLabels: {app: prometheus}
      ports: [{port: 9090}]
`),
      errors: [
        {
          messageId: "everyNamespace",
          data: { policy: "open", item: "ingress[0].from[0]", traffic: "ingress", fromTo: "from", pods: "every pod", ports: " on port 9090" },
          line: 8,
          column: 11,
          endLine: 8,
          endColumn: 32,
          message: 'NetworkPolicy "open" ingress[0].from[0] allows ingress from every pod in every namespace (namespaceSelector: {}) on port 9090.',
        },
        {
          messageId: "everyNamespace",
          data: { policy: "open", item: "ingress[0].from[1]", traffic: "ingress", fromTo: "from", pods: "pods labelled app=prometheus", ports: " on port 9090" },
          line: 9,
          column: 11,
          endLine: 9,
          endColumn: 32,
        },
      ],
    },
  ],
});
