import { defineRule } from "../../src/engine/api.js";
import { AUTHORIZATION_FRAMEWORKS, ROOT_NAMESPACE_OPTION } from "./istio.js";
import { authzPolicyOf, describePolicy, restrictsOperations, sourceOpenness } from "./authorization.js";

export default defineRule({
  meta: {
    id: "istio-authorization-allows-all",
    title: "AuthorizationPolicy allows every request",
    severity: "high",
    category: "mesh",
    rationale:
      "Istio allows a request to a workload that has ALLOW policies only when one of them matches it (authorization_policy.proto: " +
      "\"If any of the ALLOW policies match the request, allow the request\"). A rule with no `from`, `to` or `when` matches everything " +
      "(\"An empty rule is always matched\"; the reference's `allow-all` example is `rules: [{}]`), so one such rule in an ALLOW policy " +
      "(the default action) lets every request through, from any caller, authenticated or not, and makes every other ALLOW policy on those " +
      "workloads moot. A rule whose `from` asks only for `principals: [\"*\"]` or `namespaces: [\"*\"]` and restricts no operation does " +
      "the same for every caller with a mesh identity: `*` is Istio's presence match (\"will match when value is not empty\"), so it " +
      "admits every workload of every namespace. The finding points at the rule item, or at the `*`. A policy annotated `istio.io/dry-run: \"true\"` is only evaluated and logged, not enforced, and is left out.",
    remediation:
      "Name the callers in `from` (`principals` of their service accounts, or their `namespaces`) and the operations they need in `to`; " +
      "if the intent is to open a workload on purpose, say so in a comment and suppress the finding there.",
    frameworks: AUTHORIZATION_FRAMEWORKS,
    equivalents: {},
    options: ROOT_NAMESPACE_OPTION,
    example: {
      bad: "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: allow-all, namespace: shop}\nspec:\n  rules:\n    - {}",
      good:
        "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: frontend, namespace: shop}\nspec:\n  rules:\n    - from:\n        - source: {principals: [cluster.local/ns/shop/sa/frontend]}\n      to:\n        - operation: {methods: [GET]}",
    },
    messages: {
      everyRequest: "rules[{{index}}] of {{policy}} restricts neither caller nor operation, so it matches every request: any caller, authenticated or not, may reach {{target}}.",
      anyIdentity:
        "rules[{{index}}] of {{policy}} asks only that the caller has some mesh identity (`*`) and restricts no operation: every workload of every namespace may make any request to {{target}}.",
    },
  },
  appliesTo: { kinds: ["AuthorizationPolicy"] },
  *check(object, { options }) {
    const policy = authzPolicyOf(object, options.meshRootNamespace);
    if (policy?.action !== "ALLOW" || !policy.rules) return;
    for (const { item, index } of policy.rules) {
      if (restrictsOperations(item)) continue;
      const source = sourceOpenness(item);
      const data = { policy: describePolicy(policy), index, target: policy.target };
      if (source?.open === "anyone") yield { path: ["spec", "rules", index], messageId: "everyRequest", data };
      else if (source) yield { path: ["spec", "rules", index, ...source.path], messageId: "anyIdentity", data };
    }
  },
});
