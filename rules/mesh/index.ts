import type { Rule } from "../../src/engine/api.js";
import istioAuthorizationAllowsAll from "./istio-authorization-allows-all.js";
import istioAuthorizationAnySource from "./istio-authorization-any-source.js";
import istioAuthorizationDeniesAll from "./istio-authorization-denies-all.js";
import istioAuthorizationNoDefaultDeny from "./istio-authorization-no-default-deny.js";
import istioDestinationRuleTlsNotMutual from "./istio-destination-rule-tls-not-mutual.js";
import istioGatewayCredentialMissing from "./istio-gateway-credential-missing.js";
import istioGatewayHttpWithoutRedirect from "./istio-gateway-http-without-redirect.js";
import istioGatewayWeakTlsVersion from "./istio-gateway-weak-tls-version.js";
import istioNamespaceMeshOptOut from "./istio-namespace-mesh-opt-out.js";
import istioPeerAuthenticationNotStrict from "./istio-peer-authentication-not-strict.js";
import istioSidecarInjectionDisabled from "./istio-sidecar-injection-disabled.js";
import istioSidecarTrafficExcluded from "./istio-sidecar-traffic-excluded.js";
import istioWorkloadMtlsNotStrict from "./istio-workload-mtls-not-strict.js";

/** The service mesh (Istio): mTLS, authorization, gateways' TLS, and opting out of the mesh. Sorted by id. */
export const MESH_RULES: readonly Rule[] = [
  istioAuthorizationAllowsAll,
  istioAuthorizationAnySource,
  istioAuthorizationDeniesAll,
  istioAuthorizationNoDefaultDeny,
  istioDestinationRuleTlsNotMutual,
  istioGatewayCredentialMissing,
  istioGatewayHttpWithoutRedirect,
  istioGatewayWeakTlsVersion,
  istioNamespaceMeshOptOut,
  istioPeerAuthenticationNotStrict,
  istioSidecarInjectionDisabled,
  istioSidecarTrafficExcluded,
  istioWorkloadMtlsNotStrict,
];
