import { defineRule } from "../../src/engine/api.js";
import { AUTHORIZATION_FRAMEWORKS, ROOT_NAMESPACE_OPTION } from "./istio.js";
import { authzPolicyOf, describePolicy, restrictsOperations, sourceOpenness } from "./authorization.js";

export default defineRule({
  meta: {
    id: "istio-authorization-any-source",
    title: "AuthorizationPolicy allows some requests from any caller",
    severity: "low",
    category: "mesh",
    rationale:
      "An ALLOW rule's `from` says who may call; \"If not set, any source is allowed\" (authorization_policy.proto), and a source " +
      "without any field, or with only `principals: [\"*\"]` / `namespaces: [\"*\"]` (Istio's presence match, any identity), restricts the " +
      "caller no further. A rule that does restrict the operation (`to`) or conditions (`when`) but not the caller lets every caller, or " +
      "every workload of the mesh, make those requests. That is common and often right (public paths on an ingress gateway, health " +
      "checks, a JWT checked in `when`), so the rule is a low-severity note for review: it makes visible which operations are open to " +
      "anyone. A rule that restricts nothing at all is istio-authorization-allows-all's, with high severity. A policy annotated `istio.io/dry-run: \"true\"` is only evaluated and logged, not enforced, and is left out.",
    remediation:
      "Add a `from` that names the callers (`principals` of their service accounts, `namespaces`, or `requestPrincipals` for end users); " +
      "for an endpoint that is public on purpose, suppress the finding with a comment saying so.",
    frameworks: AUTHORIZATION_FRAMEWORKS,
    equivalents: {},
    options: ROOT_NAMESPACE_OPTION,
    example: {
      bad: "kind: AuthorizationPolicy\nspec:\n  rules:\n    - to:\n        - operation: {methods: [POST], paths: [/orders]}",
      good: "kind: AuthorizationPolicy\nspec:\n  rules:\n    - from:\n        - source: {principals: [cluster.local/ns/shop/sa/frontend]}\n      to:\n        - operation: {methods: [POST], paths: [/orders]}",
    },
    messages: {
      anyCaller: "rules[{{index}}] of {{policy}} has no `from` that restricts the caller: any caller, authenticated or not, may make the requests it allows to {{target}}.",
      anyIdentity: "rules[{{index}}] of {{policy}} accepts any mesh identity (`*`): every workload of every namespace may make the requests it allows to {{target}}.",
    },
  },
  appliesTo: { kinds: ["AuthorizationPolicy"] },
  *check(object, { options }) {
    const policy = authzPolicyOf(object, options.meshRootNamespace);
    if (policy?.action !== "ALLOW" || !policy.rules) return;
    for (const { item, index } of policy.rules) {
      if (!restrictsOperations(item)) continue;
      const source = sourceOpenness(item);
      const data = { policy: describePolicy(policy), index, target: policy.target };
      if (source?.open === "anyone") yield { path: ["spec", "rules", index], messageId: "anyCaller", data };
      else if (source) yield { path: ["spec", "rules", index, ...source.path], messageId: "anyIdentity", data };
    }
  },
});
