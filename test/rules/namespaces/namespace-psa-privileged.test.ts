import rule from "../../../rules/namespaces/namespace-psa-privileged.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "baseline and restricted; no enforce label (namespace-psa-missing's); privileged warn and audit labels enforce nothing",
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: restricted
---
apiVersion: v1
kind: Namespace
metadata: {name: web, labels: {pod-security.kubernetes.io/enforce: baseline}}
---
apiVersion: v1
kind: Namespace
metadata: {name: tools, labels: {pod-security.kubernetes.io/warn: privileged, pod-security.kubernetes.io/audit: privileged}}
`,
    },
    {
      name: "kube-system runs the cluster's node agents, which need the privileged level",
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: kube-system
  labels: {pod-security.kubernetes.io/enforce: privileged}
`,
    },
  ],
  invalid: [
    {
      name: "privileged, and a level that does not exist (levels are compared as written)",
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: monitoring
  labels:
    pod-security.kubernetes.io/enforce: privileged
---
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels: {pod-security.kubernetes.io/enforce: Baseline}
`,
      errors: [
        {
          messageId: "enforcePrivileged",
          data: { name: "monitoring" },
          line: 6, column: 5, endLine: 6, endColumn: 51,
          message:
            'Namespace "monitoring" sets pod-security.kubernetes.io/enforce: privileged, so Pod Security admission admits any pod there, privileged and host-sharing ones included.',
        },
        {
          messageId: "enforceInvalid",
          data: { name: "shop", value: "Baseline" },
          line: 12, column: 12, endLine: 12, endColumn: 56,
          message:
            'Namespace "shop" sets pod-security.kubernetes.io/enforce: "Baseline", which is not a level (privileged, baseline or restricted): Pod Security admission refuses the Namespace with it, and where the label is already set, enforces restricted.',
        },
      ],
    },
  ],
});
