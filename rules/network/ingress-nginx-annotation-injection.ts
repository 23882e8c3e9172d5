import { defineRule } from "../../src/engine/api.js";
import { describeObject, excerpt } from "./exposure.js";
import { isSnippet, nginxAnnotations, type NginxAnnotation } from "./ingress-nginx.js";

/** Annotations whose values are regular expressions, where braces are quantifiers (`{2}`, `{1,3}`), not nginx blocks. */
const REGEX_VALUED = new Set(["canary-by-header-pattern", "auth-tls-match-cn"]);

/** What in a value is nginx syntax rather than a value: the first marker found, named for the message. */
function nginxSyntaxIn(annotation: NginxAnnotation): string | undefined {
  const value = annotation.value.trim();
  if (/_by_lua|\blua_/i.test(value)) return "a Lua directive";
  if (value.includes("\n")) return "a line break";
  if (value.includes(";")) return 'a ";" that ends an nginx directive';
  const braces = REGEX_VALUED.has(annotation.name) ? value.replace(/\{\d+(,\d*)?\}/g, "") : value;
  if (/[{}]/.test(braces)) return "a brace that opens or closes an nginx block";
  return undefined;
}

export default defineRule({
  meta: {
    id: "ingress-nginx-annotation-injection",
    title: "ingress-nginx annotation value carries nginx directives",
    severity: "high",
    category: "network",
    rationale:
      "ingress-nginx writes the values of its annotations into the nginx configuration it generates, and for years did so without " +
      "escaping: a value that ends the directive it belongs to (`;`), closes or opens a block (`}` `{`), breaks the line, or calls " +
      "Lua (`*_by_lua*`) adds configuration of its author's choosing to the controller every Ingress shares. That is the class of " +
      "CVE-2021-25746 (annotation values), CVE-2023-5044 (`permanent-redirect`), CVE-2025-24514, CVE-2025-1097 and CVE-2025-1098 " +
      "(`auth-url`, `auth-tls-match-cn`, `mirror-target`), which CVE-2025-1974 (IngressNightmare) turned into code execution in the " +
      "controller, whose token reads every Secret. No value of a non-snippet annotation needs these characters: URLs, names, " +
      "numbers, CIDRs and nginx variables (`$host`) do not contain them; for the two annotations whose values are regular " +
      "expressions (`canary-by-header-pattern`, `auth-tls-match-cn`), brace quantifiers such as `{2,3}` are allowed. Snippet " +
      "annotations, whose values are nginx configuration by design, are reported by ingress-nginx-snippet-annotation.",
    remediation:
      "Write the annotation's value as the documented type alone (a URL, a name, a number). Run ingress-nginx v1.12.1 or v1.11.5 or " +
      "later with `--enable-annotation-validation` (the default since v1.12), which refuses such values, and keep its admission " +
      "webhook reachable only from the API server.",
    frameworks: [
      { framework: "MITRE-ATT&CK", control: "T1190" },
      { framework: "PCI-DSS", control: "2.2" },
    ],
    equivalents: {},
    messages: {
      nginxSyntax: '{{ingress}}: the value of {{annotation}} contains {{marker}}, which ingress-nginx would write into its configuration: "{{excerpt}}".',
    },
    example: {
      bad: "kind: Ingress\nmetadata:\n  annotations:\n    nginx.ingress.kubernetes.io/permanent-redirect: \"https://example.com/;} location /x { alias /var/run/secrets/; }\"",
      good: "kind: Ingress\nmetadata:\n  annotations:\n    nginx.ingress.kubernetes.io/permanent-redirect: https://example.com/new",
    },
  },
  appliesTo: { kinds: ["Ingress"] },
  *check(object) {
    for (const annotation of nginxAnnotations(object)) {
      if (isSnippet(annotation)) continue;
      const marker = nginxSyntaxIn(annotation);
      if (!marker) continue;
      yield {
        path: ["metadata", "annotations", annotation.key],
        messageId: "nginxSyntax",
        data: { ingress: describeObject(object), annotation: annotation.key, marker, excerpt: excerpt(annotation.value) },
      };
    }
  },
});
