import { defineRule, lookupNamespace, type ObjectIndex } from "../../src/engine/api.js";
import { bindingOf, describeBinding, describeRoleRef, namespaceOf, rbacGraph, RBAC_KINDS } from "./bindings.js";
import { isRole } from "./policy-rules.js";

/** The ClusterRoles every cluster has: the user-facing ones and those of the control plane (`system:` names). */
function isBuiltInClusterRole(name: string): boolean {
  return ["cluster-admin", "admin", "edit", "view"].includes(name) || name.startsWith("system:");
}

/** The Roles kube-apiserver creates (in kube-system and kube-public): `system:` names, and the one aggregated API servers are bound to. */
function isBuiltInRole(name: string): boolean {
  return name === "extension-apiserver-authentication-reader" || name.startsWith("system:");
}

/** What a scope holds of roles: the namespaces with a Role (as `lookupNamespace` gives them, `""` for none) and whether any ClusterRole. */
interface RoleScope {
  roleNamespaces: ReadonlySet<string>;
  hasClusterRoles: boolean;
}

const scopes = new WeakMap<ObjectIndex, RoleScope>();

function roleScope(index: ObjectIndex): RoleScope {
  const known = scopes.get(index);
  if (known) return known;
  const scope = {
    roleNamespaces: new Set(index.ofKind("Role").filter(isRole).map((role) => lookupNamespace(role) ?? "")),
    hasClusterRoles: index.ofKind("ClusterRole").some(isRole),
  };
  scopes.set(index, scope);
  return scope;
}

export default defineRule({
  meta: {
    id: "rbac-binding-role-missing",
    title: "Binding names a role that is not among the linted objects",
    severity: "low",
    category: "rbac",
    rationale:
      "The API server accepts a binding whose `roleRef` names a role that does not exist; it grants nothing until a role of that name " +
      "is created, and then grants whatever that role allows, to subjects chosen long before. A missing role is usually a typo, a name " +
      "prefix that Kustomize or a chart applied to the role but not to the reference, or a role left behind when a chart's values " +
      "turned it off. It is reported only when the objects linted together define their roles: for a Role reference, when some Role of " +
      "the binding's namespace is among them; for a ClusterRole reference, when some ClusterRole is among them and the name is not one " +
      "of Kubernetes' built-in ClusterRoles (`cluster-admin`, `admin`, `edit`, `view`, and every `system:` name). The Roles kube-apiserver " +
      "creates are not reported missing either (`extension-apiserver-authentication-reader` and the `system:` ones). It is a note: the role " +
      "may come from elsewhere (another chart, the platform).",
    remediation:
      "Correct `roleRef.name` to the role the binding means, or add the role next to the binding; if the role comes from elsewhere " +
      "(another chart, a platform component), suppress the finding with that reason.",
    frameworks: [{ framework: "NSA-CISA", control: "authn-authz/rbac" }, { framework: "PCI-DSS", control: "7.2" }],
    equivalents: {},
    scope:
      "Each RoleBinding and ClusterRoleBinding is read with the Roles and ClusterRoles linted together with it: one chart rendering " +
      "(one value set), one Kustomize build, or all plain manifests of a run. A RoleBinding's Role is looked up in the binding's namespace " +
      "(a chart's objects in the release namespace match each other), a ClusterRole by name; an aggregated ClusterRole counts as present.",
    messages: {
      missingRole:
        "{{binding}} grants {{role}}, which is not among the linted objects though other Roles of {{namespace}} are: it grants nothing until a Role of that name is created there, and then whatever that Role allows.",
      missingClusterRole:
        "{{binding}} grants {{role}}, which is not among the linted objects though other ClusterRoles are: it grants nothing until a ClusterRole of that name is created, and then whatever that ClusterRole allows.",
    },
    example: {
      bad: "kind: Role\nmetadata: {name: app-reader, namespace: shop}\n---\nkind: RoleBinding\nmetadata: {name: app, namespace: shop}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: app-raeder}",
      good: "kind: Role\nmetadata: {name: app-reader, namespace: shop}\n---\nkind: RoleBinding\nmetadata: {name: app, namespace: shop}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: app-reader}",
    },
  },
  lookupKinds: RBAC_KINDS,
  *check(object) {
    const binding = bindingOf(object);
    if (!binding) return;
    const { roleKind, roleName } = binding;
    const refersToRole = roleKind === "Role" && object.kind === "RoleBinding";
    if (refersToRole ? isBuiltInRole(roleName) : roleKind !== "ClusterRole" || isBuiltInClusterRole(roleName)) return;
    const data = { binding: describeBinding(binding), role: describeRoleRef(binding) };
    yield {
      path: ["roleRef", "name"],
      // Bindings are kept to the end (lookupKinds), so holding on to this one costs nothing.
      settle: (others: ObjectIndex) => {
        if (rbacGraph(others).roleOf(binding)) return undefined;
        const scope = roleScope(others);
        if (refersToRole) return scope.roleNamespaces.has(lookupNamespace(object) ?? "") ? { messageId: "missingRole", data: { ...data, namespace: namespaceOf(object) } } : undefined;
        return scope.hasClusterRoles ? { messageId: "missingClusterRole", data } : undefined;
      },
    };
  },
});
