import { defineRule, stringsOf, type ObjectIndex, type RelatedPlace } from "../../src/engine/api.js";
import { bindingOf, bindingReach, describeBinding, describeRoleRef, describeSubject, rbacGraph, RBAC_KINDS, type Binding, type Subject } from "./bindings.js";
import { describeRole } from "./policy-rules.js";

/** The built-in ClusterRoles Kubernetes itself grants to these subjects: health, version and API discovery, nothing of the cluster's objects. */
const PUBLIC_INFO = ["system:public-info-viewer"];
const DISCOVERY = ["system:discovery", "system:basic-user", ...PUBLIC_INFO];

/** Said of a grant whose every rule names its objects, which lowers the finding. */
const NAMED = ", though only on the objects its rules name (resourceNames)";

/** Who a subject stands for, and the ClusterRoles it may hold without a finding; undefined for other subjects. */
function audienceOf(subject: Subject): { messageId: "anonymous" | "authenticated"; allowed: readonly string[] } | undefined {
  if ((subject.kind === "User" && subject.name === "system:anonymous") || (subject.kind === "Group" && subject.name === "system:unauthenticated")) {
    return { messageId: "anonymous", allowed: PUBLIC_INFO };
  }
  if (subject.kind === "Group" && subject.name === "system:authenticated") return { messageId: "authenticated", allowed: DISCOVERY };
  return undefined;
}

/**
 * What the role grants the subject, when it is among the objects: each rule as a related location, and
 * whether every rule names the objects it applies to (`resourceNames`), which keeps the grant to them.
 */
function grantedRules(binding: Binding, subject: Subject, others: ObjectIndex): { related: RelatedPlace[]; named: boolean } {
  const graph = rbacGraph(others);
  const role = graph.roleOf(binding);
  const rules = role ? graph.effectiveRules(role) : [];
  const related = rules.map((rule): RelatedPlace => {
    const through = rule.role === role ? "" : ` (aggregated into ${describeRole(role ?? rule.role)})`;
    return { object: rule.role, path: ["rules", rule.index], message: `${describeRole(rule.role)}${through} grants this rule to ${describeSubject(binding, subject)}.` };
  });
  return { related, named: rules.length > 0 && rules.every(({ rule }) => stringsOf(rule.resourceNames).length > 0) };
}

export default defineRule({
  meta: {
    id: "rbac-anonymous-subject",
    title: "Binding grants a role to anonymous or every authenticated user",
    severity: "high",
    category: "rbac",
    rationale:
      "A request the API server cannot authenticate is served, when anonymous access is on (the default), as the User `system:anonymous` " +
      "in the Group `system:unauthenticated`: a role bound to either is granted to anyone who can reach the API server. The Group " +
      "`system:authenticated` holds every user and every ServiceAccount of the cluster (and, on some managed clusters, any account of the " +
      "cloud provider), so a role bound to it reaches every workload's token too. Kubernetes binds only the discovery roles to these groups " +
      "by default: `system:public-info-viewer` (health and version) to both, `system:discovery` and `system:basic-user` to authenticated users " +
      "(to unauthenticated ones too before 1.14, removed as unsafe). Those bindings are not reported; any other role bound to these subjects is. " +
      "When the role is among the linted objects and every rule it grants names its objects (`resourceNames`), as the service proxy " +
      "role sealed-secrets grants so that `kubeseal` can fetch its certificate, the grant reaches those objects only and the finding is lowered to low.",
    remediation:
      "Bind the role to the users, groups or ServiceAccounts that need it instead. Turn anonymous access off (`--anonymous-auth=false`, or an " +
      "`anonymous` authentication configuration that allows only the health endpoints) where nothing needs it.",
    frameworks: [
      { framework: "CIS", control: "1.2.1" },
      { framework: "NSA-CISA", control: "authn-authz/rbac" },
      { framework: "MITRE-ATT&CK", control: "T1078.001" },
      { framework: "PCI-DSS", control: "7.2" },
      { framework: "PCI-DSS", control: "8.2" },
      { framework: "NSA-CISA", control: "authn-authz/authentication" },
    ],
    equivalents: {},
    scope:
      "Each RoleBinding and ClusterRoleBinding is read on its own for its subjects; the role it grants is looked up among the Roles and " +
      "ClusterRoles linted together with it (one chart rendering, one Kustomize build, or all plain manifests of a run): a RoleBinding's Role " +
      "in the binding's namespace, a ClusterRole by name, an aggregated ClusterRole through the ClusterRoles it selects. When the role is " +
      "there, each rule it grants is a related location.",
    messages: {
      anonymous: "{{binding}} grants {{role}} to {{subject}}, that is to anyone who can reach the API server without credentials, {{where}}{{named}}.",
      authenticated:
        "{{binding}} grants {{role}} to {{subject}}, that is to every user and ServiceAccount that can sign in (on some managed clusters any account of the cloud provider), {{where}}{{named}}.",
    },
    example: {
      bad: "kind: ClusterRoleBinding\nmetadata: {name: public-view}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\nsubjects:\n  - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: system:unauthenticated}",
      good: "kind: ClusterRoleBinding\nmetadata: {name: team-view}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\nsubjects:\n  - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: team-a}",
    },
  },
  lookupKinds: RBAC_KINDS,
  *check(object) {
    const binding = bindingOf(object);
    if (!binding) return;
    for (const subject of binding.subjects) {
      const audience = audienceOf(subject);
      if (!audience || (binding.roleKind === "ClusterRole" && audience.allowed.includes(binding.roleName))) continue;
      const data = { binding: describeBinding(binding), role: describeRoleRef(binding), subject: describeSubject(binding, subject), where: bindingReach(binding) };
      yield {
        path: ["subjects", subject.index, "name"],
        // Bindings are kept to the end (lookupKinds), so holding on to this one costs nothing.
        settle: (others: ObjectIndex) => {
          const { related, named } = grantedRules(binding, subject, others);
          if (!named) return { messageId: audience.messageId, data: { ...data, named: "" }, related };
          return { messageId: audience.messageId, data: { ...data, named: NAMED }, related, lowerTo: "low" };
        },
      };
    }
  },
});
