import type { Rule } from "../../src/engine/api.js";
import gatewayHttpWithoutHttps from "./gateway-http-without-https.js";
import gatewayRoutesFromAllNamespaces from "./gateway-routes-from-all-namespaces.js";
import gatewayTlsPassthrough from "./gateway-tls-passthrough.js";
import ingressNginxAnnotationInjection from "./ingress-nginx-annotation-injection.js";
import ingressNginxSnippetAnnotation from "./ingress-nginx-snippet-annotation.js";
import ingressWithoutTls from "./ingress-without-tls.js";
import namespaceDefaultDenyMissing from "./namespace-default-deny-missing.js";
import networkPolicyAllowsAll from "./network-policy-allows-all.js";
import networkPolicyDanglingSelector from "./network-policy-dangling-selector.js";
import serviceExternalIps from "./service-external-ips.js";
import serviceLoadBalancerUnrestricted from "./service-load-balancer-unrestricted.js";
import serviceNodePort from "./service-node-port.js";
import workloadNotIsolated from "./workload-not-isolated.js";

/** Network: NetworkPolicy coverage and default deny, policies that open everything or select nothing, and exposure through Services, Ingresses and Gateways. Sorted by id. */
export const NETWORK_RULES: readonly Rule[] = [
  gatewayHttpWithoutHttps,
  gatewayRoutesFromAllNamespaces,
  gatewayTlsPassthrough,
  ingressNginxAnnotationInjection,
  ingressNginxSnippetAnnotation,
  ingressWithoutTls,
  namespaceDefaultDenyMissing,
  networkPolicyAllowsAll,
  networkPolicyDanglingSelector,
  serviceExternalIps,
  serviceLoadBalancerUnrestricted,
  serviceNodePort,
  workloadNotIsolated,
];
