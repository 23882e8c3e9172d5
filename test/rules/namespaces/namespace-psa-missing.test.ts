import rule from "../../../rules/namespaces/namespace-psa-missing.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "the enforce label is set, as a block or a flow mapping",
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: restricted
---
apiVersion: v1
kind: Namespace
metadata: {name: web, labels: {pod-security.kubernetes.io/enforce: baseline, pod-security.kubernetes.io/warn: restricted}}
`,
    },
    {
      name: "namespaces the API server creates itself: the manifest does not say what the cluster enforces there",
      yaml: `apiVersion: v1
kind: Namespace
metadata: {name: kube-system}
---
apiVersion: v1
kind: Namespace
metadata: {name: default, labels: {team: platform}}
---
apiVersion: v1
kind: Namespace
metadata: {name: kube-public}
---
apiVersion: v1
kind: Namespace
metadata: {name: kube-node-lease}
`,
    },
    {
      name: "not a core Namespace: another API group's kind, or another kind",
      yaml: `apiVersion: example.com/v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: shop, namespace: shop}
`,
    },
  ],
  invalid: [
    {
      name: "no labels at all: at metadata; labels without enforce: at labels, flow or block",
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: Namespace
metadata: {name: team, labels: {app: team}}
`,
      errors: [
        {
          messageId: "enforceMissing",
          data: { name: "shop" },
          line: 3, column: 1, endLine: 3, endColumn: 10,
          message:
            "Namespace \"shop\" sets no pod-security.kubernetes.io/enforce label, so Pod Security admission enforces the cluster's default level (privileged, which admits any pod, unless the admission configuration sets another).",
        },
        { messageId: "enforceMissing", data: { name: "team" }, line: 8, column: 24, endLine: 8, endColumn: 43 },
      ],
    },
    {
      name: "warn and audit labels alone block nothing",
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: web
  labels:
    pod-security.kubernetes.io/warn: restricted
    pod-security.kubernetes.io/audit: baseline
    pod-security.kubernetes.io/warn-version: latest
`,
      errors: [
        {
          messageId: "enforceMissingOtherModes",
          data: { name: "web", modes: "pod-security.kubernetes.io/warn: restricted and pod-security.kubernetes.io/audit: baseline" },
          line: 5, column: 3, endLine: 5, endColumn: 10,
          message:
            'Namespace "web" sets pod-security.kubernetes.io/warn: restricted and pod-security.kubernetes.io/audit: baseline but no pod-security.kubernetes.io/enforce label: audit and warn labels record and warn, they reject nothing,',
        },
      ],
    },
  ],
});
