/** Shared test manifests, each written once; line numbers in tests refer to these texts. */

/** An Istio gateway Deployment whose `istio-proxy` container has `image: auto`: the injector fills in image and probes (line 11 is the container, 12 the image). */
export const ISTIO_INJECTED_GATEWAY = `apiVersion: apps/v1
kind: Deployment
metadata: {name: gateway}
spec:
  template:
    metadata:
      annotations: {inject.istio.io/templates: gateway}
      labels: {sidecar.istio.io/inject: "true"}
    spec:
      containers:
        - name: istio-proxy
          image: auto
`;
