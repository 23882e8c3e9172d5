import { defineRule, recordOf } from "../../src/engine/api.js";
import { describeObject, excerpt } from "./exposure.js";
import { isSnippet, nginxAnnotations } from "./ingress-nginx.js";

/** The ingress-nginx ConfigMap key that lets Ingresses use snippet annotations. */
const ALLOW_SNIPPETS = "allow-snippet-annotations";

export default defineRule({
  meta: {
    id: "ingress-nginx-snippet-annotation",
    title: "Ingress injects raw nginx configuration (ingress-nginx snippet)",
    severity: "high",
    category: "network",
    rationale:
      "ingress-nginx copies the `*-snippet` annotations of an Ingress (`configuration-snippet`, `server-snippet`, `auth-snippet`, " +
      "`stream-snippet`, `modsecurity-snippet`) verbatim into the nginx configuration of the controller that every Ingress of its " +
      "class shares. Whoever can write an Ingress can so run Lua (`content_by_lua_block`), read files such as the controller's " +
      "service account token (`alias /var/run/secrets/...`) and, since that token reads every Secret in the default installation, " +
      "take the cluster: CVE-2021-25742 and CVE-2023-5043. ingress-nginx refuses snippets unless the controller's ConfigMap sets " +
      "`allow-snippet-annotations: \"true\"` (the default is false since v1.9, and recent versions also need " +
      "`annotations-risk-level: Critical`); that setting is reported too, as it opens snippets to every Ingress author at once.",
    remediation:
      "Replace the snippet with the dedicated annotation (headers: `nginx.ingress.kubernetes.io/custom-headers`; redirects: " +
      "`permanent-redirect`; access: `whitelist-source-range`) or with the controller's ConfigMap, which only its administrators " +
      "change. Keep `allow-snippet-annotations` false. Where a snippet cannot be avoided, run a separate controller (its own " +
      "IngressClass) for the team that needs it, and suppress the finding with that reason.",
    frameworks: [
      { framework: "MITRE-ATT&CK", control: "T1190" },
      { framework: "PCI-DSS", control: "2.2" },
    ],
    equivalents: { checkov: ["CKV_K8S_153", "CKV_K8S_152", "CKV_K8S_154"] },
    messages: {
      snippet: '{{ingress}} sets {{annotation}}, raw nginx configuration that the shared ingress-nginx controller runs: "{{excerpt}}".',
      snippetsAllowed:
        '{{configMap}} sets allow-snippet-annotations: "true": every user who can create an Ingress may inject nginx configuration into the controller (CVE-2021-25742).',
    },
    example: {
      bad: "kind: Ingress\nmetadata:\n  annotations:\n    nginx.ingress.kubernetes.io/configuration-snippet: |\n      more_set_headers \"X-Frame-Options: DENY\";",
      good: "kind: Ingress\nmetadata:\n  annotations:\n    nginx.ingress.kubernetes.io/custom-headers: shop/security-headers",
    },
  },
  appliesTo: { kinds: ["ConfigMap", "Ingress"] },
  *check(object) {
    if (object.kind === "ConfigMap" && object.apiVersion === "v1") {
      const allowed = recordOf(object.body.data)[ALLOW_SNIPPETS];
      if (typeof allowed === "string" && allowed.trim().toLowerCase() === "true") {
        yield { path: ["data", ALLOW_SNIPPETS], messageId: "snippetsAllowed", data: { configMap: describeObject(object) } };
      }
      return;
    }
    for (const annotation of nginxAnnotations(object)) {
      if (!isSnippet(annotation)) continue;
      yield {
        path: ["metadata", "annotations", annotation.key],
        messageId: "snippet",
        data: { ingress: describeObject(object), annotation: annotation.key, excerpt: excerpt(annotation.value) },
      };
    }
  },
});
