import type { Rule } from "../../src/engine/api.js";
import gatewayHttpWithoutHttps from "./gateway-http-without-https.js";
import gatewayRoutesFromAllNamespaces from "./gateway-routes-from-all-namespaces.js";
import gatewayTlsPassthrough from "./gateway-tls-passthrough.js";
import ingressNginxAnnotationInjection from "./ingress-nginx-annotation-injection.js";
import ingressNginxSnippetAnnotation from "./ingress-nginx-snippet-annotation.js";
import ingressWithoutTls from "./ingress-without-tls.js";
import serviceExternalIps from "./service-external-ips.js";
import serviceLoadBalancerUnrestricted from "./service-load-balancer-unrestricted.js";
import serviceNodePort from "./service-node-port.js";

/** Network: exposure through Services, Ingresses and Gateways, and NetworkPolicy coverage. Sorted by id. */
export const NETWORK_RULES: readonly Rule[] = [
  gatewayHttpWithoutHttps,
  gatewayRoutesFromAllNamespaces,
  gatewayTlsPassthrough,
  ingressNginxAnnotationInjection,
  ingressNginxSnippetAnnotation,
  ingressWithoutTls,
  serviceExternalIps,
  serviceLoadBalancerUnrestricted,
  serviceNodePort,
];
