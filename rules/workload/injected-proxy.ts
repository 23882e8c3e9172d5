import type { ContainerRef } from "../../src/engine/api.js";

/**
 * Whether Istio's sidecar injector fills in this container when the pod is created: an `istio-proxy`
 * container with `image: auto`. Istio documents `auto` as a placeholder the injector replaces with its
 * proxy image, and treats the fields the container does set as overrides of its injection template. Its
 * default templates (`sidecar`, and `gateway` for gateway deployments) supply the image, a version-tagged
 * proxy that any pull policy the container sets then applies to, and a readiness probe; not a liveness probe.
 * Without injection such a pod cannot start at all, as `auto` is not a pullable image (Istio's analyzer
 * IST0146), so no pod ever runs the container as written.
 * https://istio.io/latest/docs/setup/additional-setup/sidecar-injection/#customizing-injection
 */
export function isInjectedIstioProxy(ref: ContainerRef): boolean {
  return ref.name === "istio-proxy" && ref.container.image === "auto";
}
