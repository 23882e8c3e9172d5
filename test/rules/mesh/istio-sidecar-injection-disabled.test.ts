import rule from "../../../rules/mesh/istio-sidecar-injection-disabled.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "injection on; the label wins over the annotation; hostNetwork pods are never injected; ambient",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata:
      labels: {sidecar.istio.io/inject: "true"}
      annotations: {sidecar.istio.io/inject: "false"}
    spec:
      containers: [{name: web, image: web}]
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: shop}
spec:
  template:
    metadata:
      annotations: {sidecar.istio.io/inject: "false"}
    spec:
      hostNetwork: true
      containers: [{name: agent, image: agent}]
---
apiVersion: v1
kind: Pod
metadata:
  name: api
  labels: {istio.io/dataplane-mode: ambient}
spec:
  containers: [{name: api, image: api}]
`,
    },
    {
      name: "the mesh's own pods: the root namespace's add-ons, Istio's labelled components, and gateway proxies out of ztunnel",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: grafana, namespace: istio-system}
spec:
  template:
    metadata:
      labels: {sidecar.istio.io/inject: "false"}
    spec: {containers: [{name: grafana, image: grafana}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: istiod}
spec:
  template:
    metadata:
      labels: {app: istiod, operator.istio.io/component: Pilot, sidecar.istio.io/inject: "false", istio.io/dataplane-mode: none}
    spec: {containers: [{name: discovery, image: pilot}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ingress}
spec:
  template:
    metadata:
      labels: {sidecar.istio.io/inject: "true", istio.io/dataplane-mode: none}
    spec: {containers: [{name: istio-proxy, image: auto}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: egress}
spec:
  template:
    metadata:
      labels: {istio.io/dataplane-mode: none}
      annotations: {inject.istio.io/templates: gateway}
    spec: {containers: [{name: istio-proxy, image: auto}]}
`,
    },
  ],
  invalid: [
    {
      name: "the pod template's label",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: db, namespace: shop}
spec:
  template:
    metadata:
      labels:
        app: db
        sidecar.istio.io/inject: "false"
    spec:
      containers: [{name: db, image: db}]
`,
      errors: [
        {
          messageId: "injectionOff",
          data: { workload: 'Deployment "shop/db"', via: "label", value: "false" },
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 41,
          message: 'Deployment "shop/db" sets the label sidecar.istio.io/inject: "false": its pods run without the Istio sidecar, outside the mesh\'s mTLS and authorization policies.',
        },
      ],
    },
    {
      name: "a Pod's annotation with another false word, and a CronJob's ambient opt-out",
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: debug
  annotations:
    sidecar.istio.io/inject: "No"
spec:
  containers: [{name: debug, image: debug}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        metadata:
          labels: {istio.io/dataplane-mode: none}
        spec:
          containers: [{name: report, image: report}]
`,
      errors: [
        { messageId: "injectionOff", data: { workload: 'Pod "debug"', via: "annotation", value: "No" }, line: 6, column: 5, endLine: 6, endColumn: 34 },
        { messageId: "ambientOff", data: { workload: 'CronJob "report"' }, line: 19, column: 20, endLine: 19, endColumn: 49 },
      ],
    },
  ],
});
