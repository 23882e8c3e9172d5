import rule from "../../../rules/mesh/istio-namespace-mesh-opt-out.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "nothing shows the mesh in use (a Gateway API Gateway is not Istio's)",
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: legacy
  labels: {istio-injection: disabled}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: web, namespace: legacy}
spec: {gatewayClassName: istio}
`,
    },
    {
      name: "the root namespace and Kubernetes' own namespaces are left out",
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: istio-system
  labels: {istio-injection: disabled}
---
apiVersion: v1
kind: Namespace
metadata:
  name: kube-system
  labels: {istio-injection: disabled}
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: istio-system}
spec: {mtls: {mode: STRICT}}
`,
    },
  ],
  invalid: [
    {
      name: "injection disabled while a PeerAuthentication is linted",
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: legacy
  labels:
    istio-injection: disabled
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: istio-system}
spec: {mtls: {mode: STRICT}}
`,
      errors: [
        {
          messageId: "optedOut",
          data: { namespace: "legacy", label: "istio-injection", value: "disabled", effect: "its new pods get no sidecar" },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 30,
          message: 'Namespace "legacy" sets istio-injection: disabled: its new pods get no sidecar, so they talk to the mesh in plaintext, outside its mTLS and authorization policies.',
          related: [{ line: 9, column: 1, message: 'PeerAuthentication "istio-system/default" is linted with it: the mesh is in use.' }],
        },
      ],
    },
    {
      name: "ambient opt-out while another namespace joins the ambient mesh (with a configured root namespace)",
      options: { meshRootNamespace: "mesh" },
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: batch
  labels: {istio.io/dataplane-mode: none}
---
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    istio.io/dataplane-mode: ambient
`,
      errors: [
        {
          messageId: "optedOut",
          data: { namespace: "batch", label: "istio.io/dataplane-mode", value: "none", effect: "its pods are left out of the ambient mesh" },
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 41,
          related: [{ line: 11, column: 3, message: 'Namespace "shop" joins the mesh (istio.io/dataplane-mode: ambient).' }],
        },
      ],
    },
  ],
});
