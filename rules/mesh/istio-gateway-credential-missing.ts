import { arrayOf, defineRule } from "../../src/engine/api.js";
import { gatewayServers, IN_TRANSIT_FRAMEWORKS } from "./istio.js";

/** Modes in which the gateway terminates TLS with its own certificate. */
const TERMINATING = new Set(["SIMPLE", "MUTUAL", "OPTIONAL_MUTUAL"]);

const present = (value: unknown): boolean => (typeof value === "string" && value !== "") || arrayOf(value).length > 0;

export default defineRule({
  meta: {
    id: "istio-gateway-credential-missing",
    title: "Istio Gateway terminates TLS without a certificate",
    severity: "medium",
    category: "mesh",
    rationale:
      "A Gateway server with `tls.mode` SIMPLE, MUTUAL or OPTIONAL_MUTUAL terminates TLS and needs a certificate and key. Istio's " +
      "ServerTLSSettings take them from `credentialName` (\"For gateways running on Kubernetes, the name of the secret that holds the TLS " +
      "certs including the CA certificates\"), from `credentialNames` or `tlsCertificates` in newer versions, or from files: " +
      "`serverCertificate` and `privateKey` are \"REQUIRED if mode is `SIMPLE` or `MUTUAL`\" when no credential is named. A server with " +
      "none of them has no certificate to present: Istio's validation refuses it, or the listener cannot serve the hosts over TLS, and " +
      "clients are left with whatever other, possibly plaintext, server answers. The rule points at `tls.mode`.",
    remediation: "Store the certificate in a `kubernetes.io/tls` Secret in the gateway's namespace and name it in `tls.credentialName`.",
    frameworks: IN_TRANSIT_FRAMEWORKS,
    equivalents: {},
    example: {
      bad: "kind: Gateway\nspec:\n  servers:\n    - port: {number: 443, name: https, protocol: HTTPS}\n      tls: {mode: SIMPLE}",
      good: "kind: Gateway\nspec:\n  servers:\n    - port: {number: 443, name: https, protocol: HTTPS}\n      tls: {mode: SIMPLE, credentialName: shop-tls}",
    },
    messages: {
      noCredential: "{{server}} terminates TLS ({{mode}}) but names no certificate: set `credentialName`, or `serverCertificate` and `privateKey`.",
    },
  },
  appliesTo: { kinds: ["Gateway"] },
  *check(object) {
    for (const { index, tls, name } of gatewayServers(object)) {
      const mode = tls.mode;
      if (typeof mode !== "string" || !TERMINATING.has(mode)) continue;
      if (present(tls.credentialName) || present(tls.credentialNames) || present(tls.tlsCertificates)) continue;
      if (present(tls.serverCertificate) && present(tls.privateKey)) continue;
      yield { path: ["spec", "servers", index, "tls", "mode"], messageId: "noCredential", data: { server: name, mode } };
    }
  },
});
