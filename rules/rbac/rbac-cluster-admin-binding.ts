import { defineRule, type K8sObject, type ObjectIndex, type RelatedPlace } from "../../src/engine/api.js";
import { bindingOf, describeBinding, describeRoleRef, describeSubjects, namespaceOf, rbacGraph, RBAC_KINDS, type Binding, type EffectiveRule } from "./bindings.js";
import { describeRole, grantsEverything } from "./policy-rules.js";

/** What the built-in roles meant for one namespace give when a ClusterRoleBinding grants them everywhere. */
const CLUSTER_WIDE_WRITERS: ReadonlyMap<string, string> = new Map([
  ["admin", "change every namespace's workloads, read every Secret, run pods as any ServiceAccount (kube-system's too) and grant roles in every namespace"],
  ["edit", "change every namespace's workloads, read every Secret and run pods as any ServiceAccount (kube-system's too)"],
]);

/** Kubernetes' own `cluster-admin` binding: members of system:masters pass authorization whatever RBAC says. */
function isBootstrapBinding(binding: Binding): boolean {
  const { object, subjects } = binding;
  return object.kind === "ClusterRoleBinding" && object.name === "cluster-admin" && subjects.length === 1 && subjects[0].kind === "Group" && subjects[0].name === "system:masters";
}

/** How the role grants everything, for the message: by name (the built-in), or by the rule that says so. */
function howEverything(role: K8sObject | undefined, rule: EffectiveRule | undefined): string {
  if (!rule) return "every verb on every resource";
  if (rule.role === role) return `every verb on every resource, by its rules[${rule.index}]`;
  return `every verb on every resource, by rules[${rule.index}] of ${describeRole(rule.role)}, which it aggregates`;
}

/** The rule that grants everything, in the role or in the component of an aggregated one. */
function relatedRule(role: K8sObject | undefined, rule: EffectiveRule | undefined): RelatedPlace[] {
  if (!role || !rule) return [];
  const through = rule.role === role ? "" : `, which ${describeRole(role)} aggregates,`;
  return [{ object: rule.role, path: ["rules", rule.index], message: `${describeRole(rule.role)}${through} grants every verb on every resource in every API group here.` }];
}

export default defineRule({
  meta: {
    id: "rbac-cluster-admin-binding",
    title: "Binding makes its subjects administrators",
    severity: "critical",
    category: "rbac",
    rationale:
      "The built-in `cluster-admin` ClusterRole allows every verb on every resource; Kubernetes' RBAC documentation says a ClusterRoleBinding " +
      "to it \"gives full control over every resource in the cluster and in all namespaces\", and a RoleBinding \"full control over every " +
      "resource in the role binding's namespace, including the namespace itself\". A ClusterRole or Role that grants `*` verbs on `*` resources " +
      "in `*` API groups is the same role under another name, and so is an aggregated ClusterRole that selects one. A subject that holds it can " +
      "read every Secret, run any pod and bind any role, so whoever steals its token owns the cluster (or the namespace): critical for a " +
      "ClusterRoleBinding, lowered to high for a RoleBinding, whose reach ends at its namespace. The built-in `admin` and `edit` ClusterRoles " +
      "are meant for RoleBindings; the documentation notes that `edit` \"allows accessing Secrets and running Pods as any ServiceAccount in " +
      "the namespace\", so granted cluster-wide they reach kube-system's controllers and their tokens: reported as high. Kubernetes' own " +
      "`cluster-admin` ClusterRoleBinding of the Group `system:masters` (present when a cluster's objects are exported) is not reported: " +
      "that group passes authorization whatever RBAC says, and CIS 5.1.7 covers its use. A binding without subjects grants nothing and is not reported.",
    remediation:
      "Grant a role that lists the API groups, resources and verbs the subject needs, bound in the namespaces it works in (a RoleBinding). " +
      "Keep cluster administration to a few people, through a group of your identity provider, not to ServiceAccounts of workloads. " +
      "`kubectl auth can-i --list --as=system:serviceaccount:<namespace>:<name>` shows what a subject uses today.",
    frameworks: [
      { framework: "CIS", control: "5.1.1" },
      { framework: "NSA-CISA", control: "authn-authz/rbac" },
      { framework: "MITRE-ATT&CK", control: "T1098.006" },
      { framework: "PCI-DSS", control: "7.2" },
    ],
    equivalents: {
      kubeLinter: ["cluster-admin-role-binding"],
      polaris: ["clusterrolebindingClusterAdmin", "rolebindingClusterAdminClusterRole", "rolebindingClusterAdminRole"],
      trivy: ["KSV111"],
    },
    scope:
      "Each RoleBinding and ClusterRoleBinding is read with the Roles and ClusterRoles linted together with it: one chart rendering " +
      "(one value set), one Kustomize build, or all plain manifests of a run. A binding to `cluster-admin` (or, by a ClusterRoleBinding, to " +
      "`admin` or `edit`) is reported by name, whether or not the role is among them. A binding to another role is reported when that role is " +
      "among them and grants everything: a RoleBinding's Role is looked up in the binding's namespace, a ClusterRole by name, and an aggregated " +
      "ClusterRole grants the rules of the ClusterRoles its `aggregationRule` selects. The rule that grants everything is a related location.",
    messages: {
      clusterAdmin: "{{binding}} makes {{subjects}} {{administrator}}: it grants {{role}} ({{grant}}) in the whole cluster.",
      namespaceAdmin: "{{binding}} makes {{subjects}} {{administrator}} of {{namespace}}: it grants {{role}} ({{grant}}) there, its Secrets and RoleBindings included.",
      clusterWideWriter: "{{binding}} grants {{subjects}} the built-in {{role}} in every namespace: its holders can {{power}}.",
    },
    example: {
      bad: "kind: ClusterRoleBinding\nmetadata: {name: ci}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}\nsubjects:\n  - {kind: ServiceAccount, name: deployer, namespace: ci}",
      good: "kind: RoleBinding\nmetadata: {name: ci, namespace: shop}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deploy}\nsubjects:\n  - {kind: ServiceAccount, name: deployer, namespace: ci}",
    },
  },
  lookupKinds: RBAC_KINDS,
  *check(object) {
    const binding = bindingOf(object);
    if (!binding || binding.subjects.length === 0 || isBootstrapBinding(binding)) return;
    const clusterWide = object.kind === "ClusterRoleBinding";
    // The API server refuses a ClusterRoleBinding of a Role.
    if (clusterWide && binding.roleKind !== "ClusterRole") return;
    const builtIn = binding.roleKind === "ClusterRole" ? binding.roleName : undefined;
    yield {
      path: ["roleRef", "name"],
      // Bindings are kept to the end (lookupKinds), so holding on to this one costs nothing.
      settle: (others: ObjectIndex) => {
        const graph = rbacGraph(others);
        const role = graph.roleOf(binding);
        const everything = role ? graph.effectiveRules(role).find(({ rule }) => grantsEverything(rule)) : undefined;
        const subjects = describeSubjects(binding);
        const several = binding.subjects.length > 1;
        const base = { binding: describeBinding(binding), subjects, role: describeRoleRef(binding) };
        if (builtIn === "cluster-admin" || everything) {
          const related = relatedRule(role, everything);
          const grant = howEverything(role, everything);
          if (clusterWide) return { messageId: "clusterAdmin", data: { ...base, grant, administrator: several ? "cluster administrators" : "a cluster administrator" }, related };
          const data = { ...base, grant, administrator: several ? "administrators" : "an administrator", namespace: namespaceOf(object) };
          return { messageId: "namespaceAdmin", data, related, lowerTo: "high" };
        }
        const power = clusterWide && builtIn !== undefined ? CLUSTER_WIDE_WRITERS.get(builtIn) : undefined;
        if (power) return { messageId: "clusterWideWriter", data: { ...base, power }, lowerTo: "high" };
        return undefined;
      },
    };
  },
});
