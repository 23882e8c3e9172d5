import { defineRule, lookupNamespace, type K8sObject, type ObjectIndex, type RelatedPlace, type Rule, type RuleMeta } from "../../src/engine/api.js";
import { describeBinding, describeSubjects, rbacGraph, RBAC_KINDS, type RoleGrant } from "./bindings.js";
import { builtInAggregates, describeRole, grantsEverything, matchRequest, writtenPolicyRules, type Request, type RequestMatch } from "./policy-rules.js";

/** One dangerous permission: the requests that exercise it, and how the message says what it allows. */
export interface DangerousGrant {
  /** The message id. */
  id: string;
  /** The requests, any of which gives the permission. */
  requests: readonly Request[];
  /**
   * What the holder can do, as the message says it: `{{role}} can <does> {{where}}{{who}}.`,
   * e.g. "run commands in every pod" ("in namespace "shop"" follows).
   */
  does: string;
  /** The same when `resourceNames` narrows the rule, with `{{names}}`: "run commands in the pods {{names}}". */
  doesNamed: string;
  /** The item the finding points at: the resource (`pods/exec`) or the verb (`escalate`) a person removes. */
  pointAt: "resource" | "verb";
}

export interface GrantRule {
  meta: Omit<RuleMeta, "category" | "messages">;
  /** Most dangerous first: a policy rule is reported once per rule id, for the first grant it gives. */
  grants: readonly DangerousGrant[];
}

/** Where the role's grant reaches: a Role its namespace; a ClusterRole the cluster, or the namespaces of the RoleBindings that alone grant it. */
function reach(role: K8sObject, grants: readonly RoleGrant[]): string {
  if (role.kind !== "ClusterRole") return namespacePhrase([lookupNamespace(role)], role.namespace);
  if (grants.length === 0 || grants.some(({ binding }) => binding.object.kind === "ClusterRoleBinding")) return "in the cluster";
  const namespaces = [...new Set(grants.map(({ binding }) => lookupNamespace(binding.object)))];
  return namespacePhrase(namespaces, grants[0].binding.object.namespace);
}

/** `in namespace "shop"`; undefined is a namespace chosen at install (Helm's release namespace) or at apply. */
function namespacePhrase(namespaces: ReadonlyArray<string | undefined>, written: string | undefined): string {
  const named = namespaces.filter((namespace) => namespace !== undefined);
  if (named.length === namespaces.length) return named.length === 1 ? `in namespace "${named[0]}"` : `in namespaces ${named.map((n) => `"${n}"`).join(", ")}`;
  if (namespaces.length === 1) return written === undefined ? "in the namespace it is applied to" : "in the release namespace";
  return `in the release namespace and ${named.map((n) => `"${n}"`).join(", ")}`;
}

function grantSentence(role: K8sObject, grant: RoleGrant): string {
  const through = grant.through ? ` through aggregated ${describeRole(grant.through)}` : "";
  return `${describeBinding(grant.binding)} grants ${describeRole(role)}${through} to ${describeSubjects(grant.binding)}`;
}

/** Who holds the role, for the message: a built-in role it is aggregated into, the one binding, or how many. */
function holders(role: K8sObject, grants: readonly RoleGrant[]): string {
  const parts = builtInAggregates(role).map((name) => `its aggregate-to-${name} label adds it to the built-in "${name}" ClusterRole`);
  if (grants.length === 1) parts.push(grantSentence(role, grants[0]));
  else if (grants.length > 1) parts.push(`${grants.length} bindings grant it (related locations)`);
  return parts.map((part) => `; ${part}`).join("");
}

function firstMatch(grant: DangerousGrant, rule: Parameters<typeof matchRequest>[0]): RequestMatch | undefined {
  for (const request of grant.requests) {
    const match = matchRequest(rule, request);
    if (match) return match;
  }
  return undefined;
}

const GRANT_SCOPE =
  "Each Role and ClusterRole is read on its own; who holds it comes from the RoleBindings and ClusterRoleBindings linted " +
  "together with it: one chart rendering (one value set), one Kustomize build, or all plain manifests of a run. A RoleBinding " +
  "grants a Role of its own namespace, or a ClusterRole within its namespace; a ClusterRoleBinding grants a ClusterRole everywhere. " +
  "A ClusterRole that an aggregated ClusterRole selects (its labels match the `aggregationRule`) is held by that role's bindings too. " +
  "The message says where the grant reaches (a ClusterRole reaches the cluster unless only RoleBindings grant it) and who holds it; " +
  "each binding is a related location. A role is reported once however often it is bound. An aggregated ClusterRole is not " +
  "reported itself: the controller fills its `rules` from the roles it selects, which are. A policy rule that grants everything " +
  "(`*` verbs on `*` resources in `*` API groups) is left to rbac-wildcard and rbac-cluster-admin-binding, which say so in one finding each.";

/**
 * A rule over what Roles and ClusterRoles allow: each policy rule that gives one of the dangerous
 * grants is reported at the resource or verb item that gives it, once the run's bindings are known:
 * the message says where the grant reaches and who holds it, and each binding is a related location.
 * A role bound many times is one finding, at the role. A policy rule that grants everything (`*` on
 * `*` in `*`) is left to rbac-wildcard and rbac-cluster-admin-binding, which say it in one finding.
 */
export function grantRule({ meta, grants }: GrantRule): Rule {
  // Built from the grants, the templates' placeholders are not known to the compiler: it checks the
  // three every message has, and formatMessage checks `{{names}}` of the narrowed ones when they are filled.
  const messages = Object.fromEntries(
    grants.flatMap((grant) => [
      [grant.id, `{{role}} can ${grant.does} {{where}}{{who}}.`],
      [`${grant.id}Named`, `{{role}} can ${grant.doesNamed} {{where}}{{who}}.`],
    ]),
  ) as Record<string, `{{role}} can ${string} {{where}}{{who}}.`>;
  return defineRule({
    meta: { ...meta, category: "rbac", scope: GRANT_SCOPE, messages },
    lookupKinds: RBAC_KINDS,
    *check(object) {
      const { kind, name } = object;
      const namespace = lookupNamespace(object);
      for (const { rule, index } of writtenPolicyRules(object)) {
        if (grantsEverything(rule)) continue;
        for (const grant of grants) {
          const match = firstMatch(grant, rule);
          if (!match) continue;
          const path = grant.pointAt === "resource" ? ["rules", index, "resources", match.resourceIndex] : ["rules", index, "verbs", match.verbIndex];
          const names = match.resourceNames.map((n) => `"${n}"`).join(", ");
          yield {
            path,
            settle: (others: ObjectIndex) => {
              // Roles are kept to the end (lookupKinds), so holding on to this one costs nothing.
              const role = others.find(kind, namespace, name) ?? object;
              const roleGrants = rbacGraph(others).grantsOf(role);
              const related: RelatedPlace[] = roleGrants.map((roleGrant) => ({
                object: roleGrant.binding.object,
                path: ["roleRef", "name"],
                message: `${grantSentence(role, roleGrant)}.`,
              }));
              const data = { role: describeRole(role), where: reach(role, roleGrants), who: holders(role, roleGrants) };
              const namedData = { ...data, names };
              if (names) return { messageId: `${grant.id}Named`, data: namedData, related };
              return { messageId: grant.id, data, related };
            },
          };
          break;
        }
      }
    },
  });
}
