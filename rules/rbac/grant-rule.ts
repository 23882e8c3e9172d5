import { defineRule, lookupNamespace, type JsonObject, type K8sObject, type ObjectIndex, type RelatedPlace, type Rule, type RuleMeta } from "../../src/engine/api.js";
import { describeBinding, describeSubjects, namespaceChosenLater, rbacGraph, RBAC_KINDS, type RoleGrant } from "./bindings.js";
import { builtInAggregates, describeRole, grantsEverything, isRole, matchRequest, writtenPolicyRules, type Request, type RequestMatch } from "./policy-rules.js";

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
  /**
   * The same when `resourceNames` narrows the rule, with `{{names}}`: "run commands in the pods {{names}}".
   * None for a grant that names cannot narrow (`create` of a whole resource).
   */
  doesNamed?: string;
  /** The item the finding points at: the resource (`pods/exec`) or the verb (`escalate`) a person removes. */
  pointAt: "resource" | "verb";
  /**
   * The resources are cluster-scoped (nodes, webhook configurations): a Role cannot grant them, nor can a
   * ClusterRole held only through RoleBindings.
   */
  clusterScoped?: true;
  /** Requests the role must also allow, each in some rule of its own, for the grant to be given (CSR approval needs `approve` on a signer too). */
  alsoNeeds?: readonly Request[];
}

export interface GrantRule {
  meta: Omit<RuleMeta, "category" | "messages">;
  /**
   * Most dangerous first: a policy rule is reported once per rule id, for the first grant it gives that
   * takes effect (a cluster-scoped one only where the role is held cluster-wide).
   */
  grants: readonly DangerousGrant[];
}

/** Where the role's grant reaches: a Role its namespace; a ClusterRole the cluster, or the namespaces of the RoleBindings that alone grant it. */
function reach(role: K8sObject, grants: readonly RoleGrant[]): string {
  if (role.kind !== "ClusterRole") return namespacePhrase([lookupNamespace(role)], role);
  if (grants.length === 0 || grants.some(({ binding }) => binding.object.kind === "ClusterRoleBinding")) return "in the cluster";
  const namespaces = [...new Set(grants.map(({ binding }) => lookupNamespace(binding.object)))];
  return namespacePhrase(namespaces, grants[0].binding.object);
}

/** `in namespace "shop"`; undefined is a namespace chosen at install (Helm's release namespace) or at apply, as `object`'s is. */
function namespacePhrase(namespaces: ReadonlyArray<string | undefined>, object: K8sObject): string {
  const named = namespaces.filter((namespace) => namespace !== undefined);
  if (named.length === namespaces.length) return named.length === 1 ? `in namespace "${named[0]}"` : `in namespaces ${named.map((n) => `"${n}"`).join(", ")}`;
  const chosen = `in ${namespaceChosenLater(object)}`;
  return named.length === 0 ? chosen : `${chosen} and ${named.map((n) => `"${n}"`).join(", ")}`;
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

function firstMatch(requests: readonly Request[], rule: JsonObject): RequestMatch | undefined {
  for (const request of requests) {
    const match = matchRequest(rule, request);
    if (match) return match;
  }
  return undefined;
}

/**
 * Whether the role's rules allow every request, and the names that narrow those allowed only for some
 * objects; undefined when one is not allowed at all.
 */
function neededNames(rules: readonly JsonObject[], requests: readonly Request[]): string[] | undefined {
  const names: string[] = [];
  for (const request of requests) {
    const matches = rules.flatMap((rule) => matchRequest(rule, request) ?? []);
    if (matches.length === 0) return undefined;
    if (matches.every((match) => match.resourceNames.length > 0)) names.push(...matches.flatMap((match) => match.resourceNames));
  }
  return names;
}

/** Whether the role's grant of a cluster-scoped resource takes effect: a ClusterRole held cluster-wide, or not known to be held only in namespaces. */
function heldClusterWide(role: K8sObject, grants: readonly RoleGrant[]): boolean {
  if (role.kind !== "ClusterRole") return false;
  return grants.length === 0 || builtInAggregates(role).length > 0 || grants.some(({ binding }) => binding.object.kind === "ClusterRoleBinding");
}

/**
 * The grants a policy rule gives, in order, up to the first that any holder of the role has: the
 * cluster-scoped ones before it take effect only if the role is held cluster-wide, which the bindings say.
 */
function candidates(object: K8sObject, rule: JsonObject, grants: readonly DangerousGrant[], roleRules: readonly JsonObject[]) {
  const found: Array<{ grant: DangerousGrant; match: RequestMatch; names: string[] }> = [];
  for (const grant of grants) {
    if (grant.clusterScoped && object.kind === "Role") continue;
    const match = firstMatch(grant.requests, rule);
    const needed = match && neededNames(roleRules, grant.alsoNeeds ?? []);
    if (!match || !needed) continue;
    found.push({ grant, match, names: [...new Set([...match.resourceNames, ...needed])] });
    if (!grant.clusterScoped) break;
  }
  return found;
}

const GRANT_SCOPE =
  "Each Role and ClusterRole is read on its own; who holds it comes from the RoleBindings and ClusterRoleBindings linted " +
  "together with it: one chart rendering (one value set), one Kustomize build, or all plain manifests of a run. A RoleBinding " +
  "grants a Role of its own namespace, or a ClusterRole within its namespace; a ClusterRoleBinding grants a ClusterRole everywhere. " +
  "A ClusterRole that an aggregated ClusterRole selects (its labels match the `aggregationRule`) is held by that role's bindings too. " +
  "The message says where the grant reaches (a ClusterRole reaches the cluster unless only RoleBindings grant it) and who holds it; " +
  "each binding is a related location. A role is reported once however often it is bound. An aggregated ClusterRole is not " +
  "reported itself: the controller fills its `rules` from the roles it selects, which are. A policy rule that grants everything " +
  "(`*` verbs on `*` resources in `*` API groups) is left to rbac-wildcard and rbac-cluster-admin-binding, which say so in one finding each. " +
  "A cluster-scoped resource (nodes, webhook configurations, CertificateSigningRequests, users and groups) is granted only by a ClusterRole " +
  "held through a ClusterRoleBinding: a Role's grant of it is not reported, nor is a ClusterRole's that only RoleBindings in the run grant.";

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
      ...(grant.doesNamed === undefined ? [] : [[`${grant.id}Named`, `{{role}} can ${grant.doesNamed} {{where}}{{who}}.`]]),
    ]),
  ) as Record<string, `{{role}} can ${string} {{where}}{{who}}.`>;
  return defineRule({
    meta: { ...meta, category: "rbac", scope: GRANT_SCOPE, messages },
    lookupKinds: RBAC_KINDS,
    examines: isRole,
    *check(object) {
      const { kind, name } = object;
      const namespace = lookupNamespace(object);
      const policyRules = writtenPolicyRules(object);
      const roleRules = policyRules.map(({ rule }) => rule);
      for (const { rule, index } of policyRules) {
        if (grantsEverything(rule)) continue;
        const found = candidates(object, rule, grants, roleRules);
        for (const [position, { grant, match, names }] of found.entries()) {
          const path = grant.pointAt === "resource" ? ["rules", index, "resources", match.resourceIndex] : ["rules", index, "verbs", match.verbIndex];
          const quoted = names.map((n) => `"${n}"`).join(", ");
          yield {
            path,
            settle: (others: ObjectIndex) => {
              // Roles are kept to the end (lookupKinds), so holding on to this one costs nothing.
              const role = others.find(kind, namespace, name) ?? object;
              const roleGrants = rbacGraph(others).grantsOf(role);
              // Cluster-scoped grants come first; the one after them reports only when they do not take effect.
              const clusterWide = heldClusterWide(role, roleGrants);
              if (grant.clusterScoped ? !clusterWide : position > 0 && clusterWide) return undefined;
              const related: RelatedPlace[] = roleGrants.map((roleGrant) => ({
                object: roleGrant.binding.object,
                path: ["roleRef", "name"],
                message: `${grantSentence(role, roleGrant)}.`,
              }));
              // A cluster-scoped resource has no namespace to narrow it to.
              const where = grant.clusterScoped ? "in the cluster" : reach(role, roleGrants);
              const data = { role: describeRole(role), where, who: holders(role, roleGrants) };
              if (quoted && grant.doesNamed !== undefined) return { messageId: `${grant.id}Named`, data: { ...data, names: quoted }, related };
              return { messageId: grant.id, data, related };
            },
          };
        }
      }
    },
  });
}
