import { defineRule, lookupNamespace, recordOf, type K8sObject, type ObjectIndex } from "../../src/engine/api.js";
import { describeObject, GATEWAY_LISTENERS, hostnameCovers, isGatewayApiGateway, isListenerSet, listenersOf, TLS_IN_TRANSIT } from "./exposure.js";

/** Whether an HTTPS listener's hostname serves every hostname an HTTP listener's does (undefined: every hostname). */
function covers(https: string | undefined, http: string | undefined): boolean {
  if (https === undefined) return true;
  return http !== undefined && hostnameCovers(https, http, "suffix");
}

/** The hostnames of an object's HTTPS listeners, undefined for one that sets none. */
function httpsHostnames(object: K8sObject): Array<string | undefined> {
  return listenersOf(object).flatMap((listener) => (listener.protocol === "HTTPS" ? [listener.hostname] : []));
}

const gatewayKey = (namespace: string | undefined, name: string): string => `${namespace ?? ""}\u0000${name}`;

/** The Gateway a ListenerSet joins: `spec.parentRef`, in the ListenerSet's namespace unless it names another. */
function parentOf(listenerSet: K8sObject): { namespace: string | undefined; name: string } | undefined {
  const { group, kind, name, namespace } = recordOf(recordOf(listenerSet.body.spec).parentRef);
  if (typeof name !== "string" || (group !== undefined && group !== "gateway.networking.k8s.io") || (kind !== undefined && kind !== "Gateway")) return undefined;
  return { namespace: typeof namespace === "string" ? namespace : lookupNamespace(listenerSet), name };
}

/** HTTPS hostnames that ListenerSets add to each Gateway, by the Gateway's namespace and name; worked out once per index. */
const listenerSetHttpsByIndex = new WeakMap<ObjectIndex, Map<string, Array<string | undefined>>>();

function listenerSetHttps(others: ObjectIndex): Map<string, Array<string | undefined>> {
  const known = listenerSetHttpsByIndex.get(others);
  if (known) return known;
  const byGateway = new Map<string, Array<string | undefined>>();
  for (const listenerSet of [...others.ofKind("ListenerSet"), ...others.ofKind("XListenerSet")]) {
    const parent = isListenerSet(listenerSet) ? parentOf(listenerSet) : undefined;
    if (!parent) continue;
    const key = gatewayKey(parent.namespace, parent.name);
    byGateway.set(key, [...(byGateway.get(key) ?? []), ...httpsHostnames(listenerSet)]);
  }
  listenerSetHttpsByIndex.set(others, byGateway);
  return byGateway;
}

export default defineRule({
  meta: {
    id: "gateway-http-without-https",
    title: "Gateway listener serves HTTP with no HTTPS listener for its hostname",
    severity: "medium",
    category: "network",
    rationale:
      "A Gateway API listener with `protocol: HTTP` accepts plain-text HTTP for its `hostname` (every hostname when it sets none). " +
      "When the same Gateway has an HTTPS listener for that hostname, the HTTP listener is usually there to redirect to it (an " +
      "HTTPRoute with a `RequestRedirect` filter); when it has none, the Routes behind the listener can only be reached over " +
      "plain text, and requests, cookies and credentials travel readable and alterable. An HTTPS listener covers the HTTP " +
      "listener's hostname when it sets no hostname, the same one, or a wildcard that matches it (a Gateway API wildcard " +
      "`*.example.com` is a suffix match, so it covers `a.b.example.com` too); an HTTP listener without a hostname is covered only " +
      "by an HTTPS listener without one. The listeners of a ListenerSet join those of the Gateway it names, so they count for each other.",
    remediation:
      "Add an HTTPS listener for the hostname with `tls.certificateRefs` to its certificate, attach the Routes to it, and keep the HTTP " +
      "listener only for an HTTPRoute that redirects to HTTPS (`filters: [{type: RequestRedirect, requestRedirect: {scheme: https}}]`).",
    scope:
      "A Gateway together with the ListenerSets (gateway.networking.k8s.io ListenerSet, or the experimental XListenerSet) linted " +
      "with it (one chart rendering, one kustomize build, or all plain manifests of a run) whose `spec.parentRef` names it, in the " +
      "ListenerSet's namespace unless the reference gives one. A ListenerSet's HTTP listener is reported only when its Gateway is " +
      "among the linted objects: otherwise the Gateway's own HTTPS listeners are unknown.",
    frameworks: TLS_IN_TRANSIT,
    equivalents: {},
    messages: {
      httpOnly: '{{gateway}} listener "{{listener}}" serves plain HTTP for {{hostname}}, and no HTTPS listener of the Gateway covers it.',
    },
    example: {
      bad: "kind: Gateway\nspec:\n  listeners:\n    - name: http\n      protocol: HTTP\n      port: 80\n      hostname: shop.example.com",
      good:
        "kind: Gateway\nspec:\n  listeners:\n    - name: http\n      protocol: HTTP\n      port: 80\n      hostname: shop.example.com\n" +
        "    - name: https\n      protocol: HTTPS\n      port: 443\n      hostname: shop.example.com\n      tls:\n        certificateRefs: [{name: shop-tls}]",
    },
  },
  lookupKinds: ["Gateway", "ListenerSet", "XListenerSet"],
  appliesTo: GATEWAY_LISTENERS,
  *check(object) {
    const own = httpsHostnames(object);
    const parent = isListenerSet(object) ? parentOf(object) : undefined;
    if (isListenerSet(object) && !parent) return;
    const gateway = parent ?? { namespace: lookupNamespace(object), name: object.name };
    for (const listener of listenersOf(object)) {
      const http = listener.hostname;
      if (listener.protocol !== "HTTP" || own.some((hostname) => covers(hostname, http))) continue;
      const message = {
        messageId: "httpOnly",
        data: {
          gateway: describeObject(object),
          listener: listener.name,
          hostname: http === undefined ? "every hostname" : `hostname "${http}"`,
        },
      } as const;
      yield {
        path: ["spec", "listeners", listener.index],
        settle: (others: ObjectIndex) => {
          const fromSets = listenerSetHttps(others).get(gatewayKey(gateway.namespace, gateway.name)) ?? [];
          if (fromSets.some((hostname) => covers(hostname, http))) return undefined;
          if (!parent) return message;
          const parentGateway = others.find("Gateway", parent.namespace, parent.name);
          if (!parentGateway || !isGatewayApiGateway(parentGateway)) return undefined;
          if (httpsHostnames(parentGateway).some((hostname) => covers(hostname, http))) return undefined;
          return { ...message, related: [{ object: parentGateway, path: ["spec", "listeners"], message: `${describeObject(parentGateway)}, whose listeners this ListenerSet joins` }] };
        },
      };
    }
  },
});
