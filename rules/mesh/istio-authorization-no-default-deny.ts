import { defineRule, lookupNamespace, type ObjectIndex } from "../../src/engine/api.js";
import { AUTHORIZATION_FRAMEWORKS, ROOT_NAMESPACE_OPTION } from "./istio.js";
import { authzPolicyOf } from "./authorization.js";

/** Per index and root namespace: whether the root namespace holds a mesh-wide deny, and whether it holds any policy. */
const verdicts = new WeakMap<ObjectIndex, Map<string, { meshDeny: boolean; rootPolicies: boolean }>>();

function meshDefaultDeny(index: ObjectIndex, root: string): { meshDeny: boolean; rootPolicies: boolean } {
  let byRoot = verdicts.get(index);
  if (!byRoot) {
    byRoot = new Map();
    verdicts.set(index, byRoot);
  }
  let verdict = byRoot.get(root);
  if (!verdict) {
    const inRoot = index.ofKind("AuthorizationPolicy").filter((object) => lookupNamespace(object) === root);
    const meshDeny = inRoot.some((object) => {
      const policy = authzPolicyOf(object, root);
      return policy !== undefined && policy.namespaceWide && ((policy.action === "ALLOW" && !policy.rules) || policy.action === "DENY");
    });
    verdict = { meshDeny, rootPolicies: inRoot.length > 0 };
    byRoot.set(root, verdict);
  }
  return verdict;
}

export default defineRule({
  meta: {
    id: "istio-authorization-no-default-deny",
    title: "No mesh-wide deny-by-default AuthorizationPolicy",
    severity: "medium",
    category: "mesh",
    rationale:
      "Istio allows every request to a workload that no ALLOW policy selects (authorization_policy.proto: \"If there are no ALLOW " +
      "policies for the workload, allow the request\"). Writing AuthorizationPolicies for some workloads therefore leaves every other " +
      "workload open to any caller. A deny-by-default closes that gap: an ALLOW policy without rules (the reference's `allow-nothing`, " +
      "which \"allows nothing and effectively denies all requests\") in the root namespace, where \"the policy applies to all namespaces in a " +
      "mesh\"; each workload is then reachable only through the ALLOW policies written for it. When the linted objects hold AuthorizationPolicies " +
      "but the root namespace holds neither such a policy nor a DENY policy without selector, the rule reports it once per scope, at the " +
      "first AuthorizationPolicy linted. A policy annotated `istio.io/dry-run: \"true\"` is only evaluated and logged, not enforced, and is left out.",
    remediation:
      "Add `kind: AuthorizationPolicy` `metadata: {name: allow-nothing, namespace: istio-system}` `spec: {}` (in your root namespace), " +
      "then ALLOW policies for the traffic each workload must accept; roll it out with the `istio.io/dry-run` annotation first.",
    frameworks: AUTHORIZATION_FRAMEWORKS,
    equivalents: {},
    options: ROOT_NAMESPACE_OPTION,
    scope:
      "The AuthorizationPolicies linted together are looked at as one: one chart rendering, one Kustomize build, or all plain manifests " +
      "of a run. A scope without AuthorizationPolicies is not judged, and a scope that does is reported once. When the scope holds no " +
      "AuthorizationPolicy in the root namespace at all (`meshRootNamespace`), the mesh-wide policy is likely applied from elsewhere (by " +
      "the platform), and the finding is lowered to low.",
    example: {
      bad: "kind: AuthorizationPolicy\nmetadata: {name: frontend, namespace: shop}\nspec:\n  rules:\n    - from:\n        - source: {namespaces: [shop]}",
      good:
        "kind: AuthorizationPolicy\nmetadata: {name: allow-nothing, namespace: istio-system}\nspec: {}\n---\nkind: AuthorizationPolicy\nmetadata: {name: frontend, namespace: shop}\nspec:\n  rules:\n    - from:\n        - source: {namespaces: [shop]}",
    },
    messages: {
      noDefaultDeny:
        'The linted objects hold AuthorizationPolicies but no deny-by-default policy in the root namespace "{{root}}": every workload no ALLOW policy selects accepts any request.',
    },
  },
  lookupKinds: ["AuthorizationPolicy"],
  appliesTo: { kinds: ["AuthorizationPolicy"] },
  *check(object, { options }) {
    const root = options.meshRootNamespace;
    if (!authzPolicyOf(object, root)) return;
    yield {
      path: ["kind"],
      settle: (others: ObjectIndex) => {
        const { meshDeny, rootPolicies } = meshDefaultDeny(others, root);
        if (meshDeny) return undefined;
        return { messageId: "noDefaultDeny", data: { root }, oncePerScope: "mesh", ...(rootPolicies ? {} : { lowerTo: "low" as const }) };
      },
    };
  },
});
