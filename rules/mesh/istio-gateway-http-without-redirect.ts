import { defineRule } from "../../src/engine/api.js";
import { gatewayServers, IN_TRANSIT_FRAMEWORKS } from "./istio.js";

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
      "without it serves the routes bound to it over plain HTTP. Istio reads protocol names without regard to case, and so does the rule.",
    remediation:
      "Serve the hosts on an HTTPS server (`protocol: HTTPS`, `tls.mode: SIMPLE`, `tls.credentialName`) and set `tls: {httpsRedirect: true}` " +
      "on the HTTP server, or remove the HTTP server.",
    frameworks: IN_TRANSIT_FRAMEWORKS,
    equivalents: {},
    example: {
      bad: "kind: Gateway\nspec:\n  servers:\n    - port: {number: 80, name: http, protocol: HTTP}\n      hosts: [shop.example.com]",
      good: "kind: Gateway\nspec:\n  servers:\n    - port: {number: 80, name: http, protocol: HTTP}\n      hosts: [shop.example.com]\n      tls: {httpsRedirect: true}",
    },
    messages: {
      plainHttp: "{{server}} serves HTTP without `tls.httpsRedirect: true`: requests and responses cross the edge of the mesh in plaintext.",
    },
  },
  *check(object) {
    for (const server of gatewayServers(object)) {
      if (server.protocol !== "HTTP" || server.tls.httpsRedirect === true) continue;
      yield { path: ["spec", "servers", server.index, "port", "protocol"], messageId: "plainHttp", data: { server: server.name } };
    }
  },
});
