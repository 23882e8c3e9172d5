import { defineRule } from "../../src/engine/api.js";
import { AUTHORIZATION_FRAMEWORKS, ROOT_NAMESPACE_OPTION } from "./istio.js";
import { authzPolicyOf, describePolicy, restrictsOperations, sourceOpenness } from "./authorization.js";

export default defineRule({
  meta: {
    id: "istio-authorization-denies-all",
    title: "AuthorizationPolicy denies every request",
    severity: "low",
    category: "mesh",
    rationale:
      "An ALLOW policy (the default action) without `rules` matches no request: \"If not set, the match will never occur. This is " +
      "equivalent to setting a default of deny for the target workloads if the action is ALLOW\" (authorization_policy.proto). The " +
      "reference's `allow-nothing` example is just `spec: {}`: it \"allows nothing and effectively denies all requests\" to the workloads " +
      "of its namespace (of the mesh in the root namespace) until other ALLOW policies admit traffic. That is the recommended " +
      "deny-by-default, and also what a policy whose rules were left out by mistake (an empty values key, a typo in `rules`) silently " +
      "becomes; the rule notes it so the author sees which it is. A DENY policy with a rule that matches every request is worse: DENY is " +
      "evaluated before ALLOW, so no ALLOW policy can let any request through. A policy annotated `istio.io/dry-run: \"true\"` is only evaluated and logged, not enforced, and is left out.",
    remediation:
      "If the policy is a deny-by-default, keep it and add ALLOW policies for the traffic that must pass (and suppress this note with a " +
      "comment). Otherwise write its `rules`. Replace a DENY policy that matches everything by an allow-nothing ALLOW policy.",
    frameworks: AUTHORIZATION_FRAMEWORKS,
    equivalents: {},
    options: ROOT_NAMESPACE_OPTION,
    example: {
      bad: "kind: AuthorizationPolicy\nmetadata: {name: frontend, namespace: shop}\nspec:\n  selector:\n    matchLabels: {app: frontend}",
      good:
        "kind: AuthorizationPolicy\nmetadata: {name: frontend, namespace: shop}\nspec:\n  selector:\n    matchLabels: {app: frontend}\n  rules:\n    - from:\n        - source: {namespaces: [shop]}",
    },
    messages: {
      allowsNothing: "{{policy}} has no rules, so it allows nothing: every request to {{target}} is denied unless another ALLOW policy matches it.",
      deniesEverything: "rules[{{index}}] of DENY {{policy}} matches every request: every request to {{target}} is denied, and no ALLOW policy can admit any.",
    },
  },
  appliesTo: { kinds: ["AuthorizationPolicy"] },
  *check(object, { options }) {
    const policy = authzPolicyOf(object, options.meshRootNamespace);
    if (!policy) return;
    const data = { policy: describePolicy(policy), target: policy.target };
    if (policy.action === "ALLOW" && !policy.rules) yield { path: ["spec"], messageId: "allowsNothing", data };
    if (policy.action !== "DENY" || !policy.rules) return;
    for (const { item, index } of policy.rules) {
      if (!restrictsOperations(item) && sourceOpenness(item)?.open === "anyone") yield { path: ["spec", "rules", index], messageId: "deniesEverything", data: { ...data, index } };
    }
  },
});
