import { defineRule, recordOf } from "../../src/engine/api.js";
import { describeObject, GATEWAY_LISTENERS, listenersOf } from "./exposure.js";

export default defineRule({
  meta: {
    id: "gateway-tls-passthrough",
    title: "Gateway listener passes TLS through without terminating it",
    severity: "low",
    category: "network",
    rationale:
      "A Gateway API listener (of a Gateway, or of a ListenerSet that joins one) with `tls.mode: Passthrough` (protocol TLS) forwards the encrypted stream to the backend as it is, chosen " +
      "by the SNI name alone (TLSRoute). The Gateway never sees the requests, so it cannot authenticate them, filter paths or " +
      "headers, apply rate limits or log what was asked; every such control moves to the backend, which also holds the private key. " +
      "That is sometimes the point (end-to-end TLS, a backend that authenticates clients by certificate), so this is a note for " +
      "review, not a fault.",
    remediation:
      "Prefer `tls.mode: Terminate` with the certificate on the Gateway and, where the backend needs encryption too, a " +
      "BackendTLSPolicy for the hop to it. Keep Passthrough where end-to-end TLS is required, and make sure the backend enforces " +
      "the controls the Gateway cannot.",
    frameworks: [{ framework: "NSA-CISA", control: "network/network-policies" }],
    equivalents: {},
    messages: {
      passthrough: '{{gateway}} listener "{{listener}}" passes TLS through to its backends, so the Gateway cannot inspect or authenticate what it forwards.',
    },
    example: {
      bad: "kind: Gateway\nspec:\n  listeners:\n    - name: tls\n      protocol: TLS\n      port: 443\n      tls:\n        mode: Passthrough",
      good: "kind: Gateway\nspec:\n  listeners:\n    - name: https\n      protocol: HTTPS\n      port: 443\n      tls:\n        mode: Terminate\n        certificateRefs: [{name: shop-tls}]",
    },
  },
  appliesTo: GATEWAY_LISTENERS,
  *check(object) {
    for (const { index, listener, name } of listenersOf(object)) {
      if (recordOf(listener.tls).mode !== "Passthrough") continue;
      yield { path: ["spec", "listeners", index, "tls", "mode"], messageId: "passthrough", data: { gateway: describeObject(object), listener: name } };
    }
  },
});
