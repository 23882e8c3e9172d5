import { arrayOf, defineRule, recordOf, stringsOf, type K8sObject } from "../../src/engine/api.js";
import { annotationsOf, describeObject, hostnameCovers, isIngress, specOf, TLS_IN_TRANSIT } from "./exposure.js";

/**
 * Annotations by which an Ingress controller terminates TLS with a certificate named outside `spec.tls`:
 * the AWS Load Balancer Controller, GKE's Ingress, and Azure's Application Gateway.
 */
const TLS_ELSEWHERE: ReadonlyMap<string, RegExp> = new Map([
  ["alb.ingress.kubernetes.io/certificate-arn", /\S/],
  ["alb.ingress.kubernetes.io/listen-ports", /HTTPS/i],
  ["ingress.gcp.kubernetes.io/pre-shared-cert", /\S/],
  ["networking.gke.io/managed-certificates", /\S/],
  ["appgw.ingress.kubernetes.io/appgw-ssl-certificate", /\S/],
]);

function terminatesTlsElsewhere(object: K8sObject): boolean {
  return annotationsOf(object).some(([key, value]) => TLS_ELSEWHERE.get(key)?.test(value) === true);
}

export default defineRule({
  meta: {
    id: "ingress-without-tls",
    title: "Ingress serves a host without TLS",
    severity: "medium",
    category: "network",
    rationale:
      "An Ingress terminates TLS only for the hosts its `spec.tls` entries list (Kubernetes documentation, Ingress TLS: the TLS " +
      "secret's certificate must be for the hosts named there; an entry without `hosts` applies to the controller's default). An " +
      "Ingress without `tls` serves every rule over plain HTTP, and a rule whose host no entry covers (a wildcard `*.example.com` " +
      "covers one label, as Ingress host wildcards do) is served over HTTP too: requests, cookies and credentials travel readable and " +
      "alterable on the way. A rule without a host, when there are TLS entries, is left alone: which certificate the controller " +
      "presents for it is the controller's default. An Ingress whose controller takes its certificate from an annotation (the AWS " +
      "Load Balancer Controller's `alb.ingress.kubernetes.io/certificate-arn` or an HTTPS `listen-ports`, GKE's " +
      "`ingress.gcp.kubernetes.io/pre-shared-cert` or `networking.gke.io/managed-certificates`, Azure Application Gateway's " +
      "`appgw-ssl-certificate`) is not reported.",
    remediation:
      "Add a `tls` entry listing the hosts and the Secret holding their certificate (cert-manager's `cert-manager.io/cluster-issuer` " +
      "annotation fills it from a `tls` entry), and redirect HTTP to HTTPS (ingress-nginx does so by default once TLS is set). For " +
      "an Ingress that serves only inside a trusted network, suppress the finding with that reason.",
    frameworks: TLS_IN_TRANSIT,
    equivalents: {},
    messages: {
      noTls: "{{ingress}} has no tls section, so it serves {{hosts}} over plain HTTP.",
      hostWithoutTls: '{{ingress}} serves host "{{host}}" over plain HTTP: no entry of its tls section lists it.',
    },
    example: {
      bad: "kind: Ingress\nspec:\n  rules:\n    - host: shop.example.com\n      http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}",
      good:
        "kind: Ingress\nspec:\n  tls:\n    - hosts: [shop.example.com]\n      secretName: shop-tls\n  rules:\n    - host: shop.example.com\n" +
        "      http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}",
    },
  },
  appliesTo: { kinds: ["Ingress"] },
  *check(object) {
    if (!isIngress(object) || terminatesTlsElsewhere(object)) return;
    const spec = specOf(object);
    const ingress = describeObject(object);
    const rules = arrayOf(spec.rules).map((rule) => recordOf(rule).host);
    const hosts = rules.filter((host): host is string => typeof host === "string" && host !== "");
    const tls = arrayOf(spec.tls).map((entry) => stringsOf(recordOf(entry).hosts));
    if (tls.length === 0) {
      const served = hosts.length === 0 ? "every request" : hosts.length === 1 ? `host "${hosts[0]}"` : `hosts ${hosts.map((host) => `"${host}"`).join(", ")}`;
      yield { path: ["spec", "tls"], messageId: "noTls", data: { ingress, hosts: served } };
      return;
    }
    if (tls.some((entryHosts) => entryHosts.length === 0)) return;
    for (const [index, host] of rules.entries()) {
      if (typeof host !== "string" || host === "") continue;
      if (tls.some((entryHosts) => entryHosts.some((pattern) => hostnameCovers(pattern, host, "oneLabel")))) continue;
      yield { path: ["spec", "rules", index, "host"], messageId: "hostWithoutTls", data: { ingress, host } };
    }
  },
});
