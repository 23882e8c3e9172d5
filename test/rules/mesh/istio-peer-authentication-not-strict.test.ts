import rule from "../../../rules/mesh/istio-peer-authentication-not-strict.js";
import { testRule } from "../../helpers/rule-tester.js";

/** A chart's object whose namespace came from `.Release.Namespace`. */
const renderedInReleaseNamespace = () => ({ chart: "charts/mesh", template: "templates/peer.yaml", scope: "helm:charts/mesh:default", releaseNamespace: true });

const PERMISSIVE = "they accept plaintext as well as mTLS, so a client outside the mesh reaches them unauthenticated and unencrypted";
const DISABLE = "connections to them are not mTLS tunnels but plaintext, with no peer identity for authorization policies to check";

testRule(rule, {
  valid: [
    {
      name: "STRICT, UNSET and an absent mtls (which inherit) at every level, v1 and v1beta1",
      yaml: `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: istio-system}
spec:
  mtls: {mode: STRICT}
---
apiVersion: security.istio.io/v1beta1
kind: PeerAuthentication
metadata: {name: default, namespace: shop}
spec:
  mtls: {mode: UNSET}
---
apiVersion: security.istio.io/v1beta1
kind: PeerAuthentication
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  portLevelMtls:
    8080: {mode: STRICT}
`,
    },
    {
      name: "ignored by Istio: a selector in the root namespace, and portLevelMtls without a selector",
      yaml: `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: legacy, namespace: istio-system}
spec:
  selector: {matchLabels: {app: legacy}}
  mtls: {mode: DISABLE}
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: shop}
spec:
  portLevelMtls:
    8080: {mode: DISABLE}
`,
    },
    {
      name: "another API group's PeerAuthentication",
      yaml: `apiVersion: example.com/v1
kind: PeerAuthentication
metadata: {name: default, namespace: shop}
spec:
  mtls: {mode: DISABLE}
`,
    },
  ],
  invalid: [
    {
      name: "mesh-wide PERMISSIVE in the root namespace",
      yaml: `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: istio-system}
spec:
  mtls:
    mode: PERMISSIVE
`,
      errors: [
        {
          messageId: "meshWide",
          data: { policy: 'PeerAuthentication "istio-system/default"', mode: "PERMISSIVE", root: "istio-system", effect: PERMISSIVE },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 21,
          message: 'PeerAuthentication "istio-system/default" sets mTLS mode PERMISSIVE for the whole mesh (root namespace "istio-system"): they accept plaintext',
        },
      ],
    },
    {
      name: "a configured root namespace",
      options: { meshRootNamespace: "mesh-root" },
      yaml: `apiVersion: security.istio.io/v1beta1
kind: PeerAuthentication
metadata: {name: default, namespace: mesh-root}
spec:
  mtls: {mode: DISABLE}
`,
      errors: [
        {
          messageId: "meshWide",
          data: { policy: 'PeerAuthentication "mesh-root/default"', mode: "DISABLE", root: "mesh-root", effect: DISABLE },
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 23,
        },
      ],
    },
    {
      name: "namespace-wide DISABLE (v1beta1), and an empty matchLabels is no selector",
      yaml: `apiVersion: security.istio.io/v1beta1
kind: PeerAuthentication
metadata: {name: default, namespace: shop}
spec:
  selector: {matchLabels: {}}
  mtls: {mode: DISABLE}
`,
      errors: [
        {
          messageId: "namespaceWide",
          data: { policy: 'PeerAuthentication "shop/default"', mode: "DISABLE", namespace: 'in namespace "shop"', effect: DISABLE },
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 23,
          message: 'PeerAuthentication "shop/default" sets mTLS mode DISABLE for every workload in namespace "shop": connections to them are not mTLS tunnels',
        },
      ],
    },
    {
      name: "per workload and per port; an UNSET or STRICT port is not reported",
      yaml: `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: finance, namespace: shop}
spec:
  selector:
    matchLabels: {app: finance}
  mtls:
    mode: DISABLE
  portLevelMtls:
    8080:
      mode: PERMISSIVE
    9090:
      mode: UNSET
    9443:
      mode: STRICT
`,
      errors: [
        {
          messageId: "workload",
          data: { policy: 'PeerAuthentication "shop/finance"', mode: "DISABLE", selector: "app=finance", namespace: 'in namespace "shop"', effect: DISABLE },
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 18,
        },
        {
          messageId: "port",
          data: { policy: 'PeerAuthentication "shop/finance"', mode: "PERMISSIVE", port: "8080", selector: "app=finance", namespace: 'in namespace "shop"', effect: PERMISSIVE },
          line: 11,
          column: 7,
          endLine: 11,
          endColumn: 23,
          message: 'PeerAuthentication "shop/finance" sets mTLS mode PERMISSIVE on port 8080 of the workloads labelled app=finance in namespace "shop"',
        },
      ],
    },
    {
      name: "a chart's policy in the release namespace is namespace-wide, even where helm rendered it into the root namespace",
      originOf: renderedInReleaseNamespace,
      yaml: `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: istio-system}
spec:
  mtls: {mode: PERMISSIVE}
`,
      errors: [
        {
          messageId: "namespaceWide",
          data: { policy: 'PeerAuthentication "default"', mode: "PERMISSIVE", namespace: "in the release namespace", effect: PERMISSIVE },
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 26,
        },
      ],
    },
    {
      name: "a policy without a namespace applies where it is applied",
      yaml: `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default}
spec:
  mtls: {mode: PERMISSIVE}
`,
      errors: [
        {
          messageId: "namespaceWide",
          data: { policy: 'PeerAuthentication "default"', mode: "PERMISSIVE", namespace: "in the namespace it is applied to", effect: PERMISSIVE },
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 26,
        },
      ],
    },
  ],
});
