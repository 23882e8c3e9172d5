import { arrayOf, defineRule, lookupNamespace, recordOf, type K8sObject, type ObjectIndex } from "../../src/engine/api.js";
import { gatewayServers, IN_TRANSIT_FRAMEWORKS, isIstioConfig, recordItems, specOf } from "./istio.js";

const ACME_PREFIX = "/.well-known/acme-challenge/";

const gatewayKey = (namespace: string | undefined, name: string): string => `${namespace ?? ""}\u0000${name}`;

/** Whether every HTTP route of a VirtualService serves only ACME HTTP-01 challenges (and it has no TCP or TLS route). */
function servesOnlyAcme(service: K8sObject): boolean {
  const spec = specOf(service);
  const routes = recordItems(spec.http);
  if (routes.length === 0 || arrayOf(spec.tcp).length > 0 || arrayOf(spec.tls).length > 0) return false;
  return routes.every(({ item }) => {
    const matches = recordItems(item.match);
    return matches.length > 0 && matches.every(({ item: match }) => {
      const uri = recordOf(match.uri);
      return [uri.prefix, uri.exact].some((path) => typeof path === "string" && path.startsWith(ACME_PREFIX));
    });
  });
}

/** Per index: for each Gateway a VirtualService binds (`gateways`: `name` in its own namespace, or `namespace/name`), whether all of them serve only ACME challenges. */
const bindings = new WeakMap<ObjectIndex, Map<string, boolean>>();

function acmeOnlyGateways(index: ObjectIndex): Map<string, boolean> {
  const known = bindings.get(index);
  if (known) return known;
  const byGateway = new Map<string, boolean>();
  for (const service of index.ofKind("VirtualService").filter(isIstioConfig)) {
    const acme = servesOnlyAcme(service);
    for (const reference of arrayOf(specOf(service).gateways)) {
      if (typeof reference !== "string" || reference === "mesh") continue;
      const slash = reference.indexOf("/");
      const key = slash === -1 ? gatewayKey(lookupNamespace(service), reference) : gatewayKey(reference.slice(0, slash), reference.slice(slash + 1));
      byGateway.set(key, (byGateway.get(key) ?? true) && acme);
    }
  }
  bindings.set(index, byGateway);
  return byGateway;
}

export default defineRule({
  meta: {
    id: "istio-gateway-http-without-redirect",
    title: "Istio Gateway serves plain HTTP without redirecting to HTTPS",
    severity: "medium",
    category: "mesh",
    rationale:
      "An Istio Gateway server whose `port.protocol` is HTTP accepts requests in plaintext at the edge of the mesh, where credentials, " +
      "cookies and data cross networks the mesh does not control. Istio's ServerTLSSettings has `httpsRedirect`: \"If set to true, the " +
      "load balancer will send a 301 redirect for all http connections, asking the clients to use HTTPS\" (Gateway reference). A HTTP server " +
      "without it serves the routes bound to it over plain HTTP. Istio reads protocol names without regard to case, and so does the rule. " +
      "A Gateway whose VirtualServices (those linted with it that name it in `gateways`) route only ACME HTTP-01 challenges " +
      "(`/.well-known/acme-challenge/`, as Istio's cert-manager sample does) is not reported: that challenge must be answered over plain HTTP.",
    remediation:
      "Serve the hosts on an HTTPS server (`protocol: HTTPS`, `tls.mode: SIMPLE`, `tls.credentialName`) and set `tls: {httpsRedirect: true}` " +
      "on the HTTP server, or remove the HTTP server.",
    frameworks: IN_TRANSIT_FRAMEWORKS,
    equivalents: {},
    scope:
      "Each Gateway is read on its own; the VirtualServices bound to it are those linted with it (one chart rendering, one Kustomize " +
      "build, or all plain manifests of a run) whose `gateways` name it, as `name` from its own namespace or as `namespace/name`.",
    example: {
      bad: "kind: Gateway\nspec:\n  servers:\n    - port: {number: 80, name: http, protocol: HTTP}\n      hosts: [shop.example.com]",
      good: "kind: Gateway\nspec:\n  servers:\n    - port: {number: 80, name: http, protocol: HTTP}\n      hosts: [shop.example.com]\n      tls: {httpsRedirect: true}",
    },
    messages: {
      plainHttp: "{{server}} serves HTTP without `tls.httpsRedirect: true`: requests and responses cross the edge of the mesh in plaintext.",
    },
  },
  lookupKinds: ["VirtualService"],
  appliesTo: { kinds: ["Gateway"] },
  *check(object) {
    const key = gatewayKey(lookupNamespace(object), object.name);
    for (const server of gatewayServers(object)) {
      if (server.protocol !== "HTTP" || server.tls.httpsRedirect === true) continue;
      yield {
        path: ["spec", "servers", server.index, "port", "protocol"],
        settle: (others: ObjectIndex) => (acmeOnlyGateways(others).get(key) === true ? undefined : { messageId: "plainHttp", data: { server: server.name } }),
      };
    }
  },
});
