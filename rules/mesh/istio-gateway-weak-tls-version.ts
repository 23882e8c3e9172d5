import { defineRule } from "../../src/engine/api.js";
import { gatewayServers, IN_TRANSIT_FRAMEWORKS } from "./istio.js";

/** Versions below TLS 1.2, which Istio's reference says have "serious security risks". */
const WEAK = new Set(["TLSV1_0", "TLSV1_1"]);

export default defineRule({
  meta: {
    id: "istio-gateway-weak-tls-version",
    title: "Istio Gateway allows TLS below 1.2",
    severity: "high",
    category: "mesh",
    rationale:
      "`tls.minProtocolVersion` of an Istio Gateway server sets the oldest TLS version it accepts. Istio's ServerTLSSettings: \"Minimum TLS " +
      "protocol version. By default, it is `TLSV1_2`. TLS protocol versions below TLSV1_2 require setting compatible ciphers with the " +
      "`cipherSuites` setting\", and \"Using TLS protocol versions below TLSV1_2 has serious security risks\". TLS 1.0 and 1.1 are " +
      "deprecated by RFC 8996 and allowed by no current compliance baseline (PCI DSS asks for strong cryptography). The rule reports a " +
      "`minProtocolVersion` (or a `maxProtocolVersion`, which caps every connection) of TLSV1_0 or TLSV1_1. An absent `minProtocolVersion` " +
      "is TLS 1.2, and TLS_AUTO leaves Envoy's server default (TLS 1.2), so neither is reported.",
    remediation: "Remove `minProtocolVersion` (TLS 1.2 is the default) or set TLSV1_2 or TLSV1_3, and drop the old cipher suites the old versions needed.",
    frameworks: IN_TRANSIT_FRAMEWORKS,
    equivalents: {},
    example: {
      bad: "kind: Gateway\nspec:\n  servers:\n    - port: {number: 443, name: https, protocol: HTTPS}\n      tls: {mode: SIMPLE, credentialName: shop-tls, minProtocolVersion: TLSV1_0}",
      good: "kind: Gateway\nspec:\n  servers:\n    - port: {number: 443, name: https, protocol: HTTPS}\n      tls: {mode: SIMPLE, credentialName: shop-tls, minProtocolVersion: TLSV1_2}",
    },
    messages: {
      weakMinimum: "{{server}} accepts {{version}}: TLS below 1.2 is deprecated (RFC 8996) and open to known downgrade and cipher attacks.",
      weakMaximum: "{{server}} caps TLS at {{version}}: every connection uses a deprecated TLS version (RFC 8996).",
    },
  },
  appliesTo: { kinds: ["Gateway"] },
  *check(object) {
    for (const server of gatewayServers(object)) {
      const { minProtocolVersion: min, maxProtocolVersion: max } = server.tls;
      const at = ["spec", "servers", server.index, "tls"];
      if (typeof min === "string" && WEAK.has(min)) yield { path: [...at, "minProtocolVersion"], messageId: "weakMinimum", data: { server: server.name, version: min } };
      if (typeof max === "string" && WEAK.has(max)) yield { path: [...at, "maxProtocolVersion"], messageId: "weakMaximum", data: { server: server.name, version: max } };
    }
  },
});
