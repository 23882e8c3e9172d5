import { defineRule } from "../../src/engine/api.js";
import { describeObject, hostnameCovers, listenersOf, type Listener } from "./exposure.js";

/** Whether an HTTPS listener serves every hostname the HTTP listener does. */
function covers(https: Listener, http: Listener): boolean {
  if (https.hostname === undefined) return true;
  return http.hostname !== undefined && hostnameCovers(https.hostname, http.hostname, "suffix");
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
      "by an HTTPS listener without one. Other Gateways are not looked at: a listener belongs to its own Gateway's address.",
    remediation:
      "Add an HTTPS listener for the hostname with `tls.certificateRefs` to its certificate, attach the Routes to it, and keep the HTTP " +
      "listener only for an HTTPRoute that redirects to HTTPS (`filters: [{type: RequestRedirect, requestRedirect: {scheme: https}}]`).",
    frameworks: [
      { framework: "PCI-DSS", control: "4.2.1", title: "Strong cryptography and security protocols safeguard data during transmission over open, public networks" },
      { framework: "NSA-CISA", control: "Network separation and hardening: encrypt traffic with TLS" },
      { framework: "MITRE-ATT&CK", control: "T1040", title: "Network Sniffing" },
    ],
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
  *check(object) {
    const listeners = listenersOf(object);
    const https = listeners.filter((listener) => listener.protocol === "HTTPS");
    for (const listener of listeners) {
      if (listener.protocol !== "HTTP" || https.some((candidate) => covers(candidate, listener))) continue;
      yield {
        path: ["spec", "listeners", listener.index],
        messageId: "httpOnly",
        data: {
          gateway: describeObject(object),
          listener: listener.name,
          hostname: listener.hostname === undefined ? "every hostname" : `hostname "${listener.hostname}"`,
        },
      };
    }
  },
});
