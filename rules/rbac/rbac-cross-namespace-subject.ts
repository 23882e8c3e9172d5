import { defineRule, type ObjectIndex } from "../../src/engine/api.js";
import { bindingOf, describeBinding, describeRoleRef, namespaceOf, RBAC_KINDS, type Binding } from "./bindings.js";

const releaseNamespaces = new WeakMap<ObjectIndex, string | undefined>();

/** The name a chart rendering gave its release namespace, as an object Helm put there shows it; undefined when none does. */
function releaseNamespaceName(index: ObjectIndex): string | undefined {
  if (releaseNamespaces.has(index)) return releaseNamespaces.get(index);
  const name = index.all.find((object) => object.origin.releaseNamespace && object.namespace !== undefined)?.namespace;
  releaseNamespaces.set(index, name);
  return name;
}

/**
 * Aggregated API servers (metrics-server, prometheus-adapter) must read the client CA that kube-apiserver
 * publishes in kube-system, and Kubernetes' documentation has them bound to this Role there for it: it
 * reads one ConfigMap, so the cross-namespace grant is the design, not a finding a team can act on.
 */
function isAuthenticationReader(binding: Binding): boolean {
  return binding.roleKind === "Role" && binding.roleName === "extension-apiserver-authentication-reader" && binding.object.namespace === "kube-system" && !binding.object.origin.releaseNamespace;
}

export default defineRule({
  meta: {
    id: "rbac-cross-namespace-subject",
    title: "RoleBinding grants its role to a ServiceAccount of another namespace",
    severity: "medium",
    category: "rbac",
    rationale:
      "A RoleBinding grants its role in its own namespace, to subjects that may live anywhere: a ServiceAccount subject with another " +
      "`namespace` gives pods of that namespace rights in this one. Namespaces are the boundary most teams draw between applications " +
      "and between people; such a binding crosses it, so compromising a workload of one namespace reaches into another, and the grant " +
      "is easy to miss when reviewing either. The RoleBindings Kubernetes' documentation prescribes for aggregated API servers (to the Role " +
      "`extension-apiserver-authentication-reader` in kube-system, which reads the one ConfigMap holding the client CA) are not reported. " +
      "A subject without a `namespace` is in the binding's namespace and is not reported either.",
    remediation:
      "Run the workload in the namespace it manages, or give it its own ServiceAccount there; where one component must act in several " +
      "namespaces by design (an operator, leader election in a shared namespace), keep the role it is granted to what it does there and " +
      "suppress the finding with the reason.",
    frameworks: [
      { framework: "NSA-CISA", control: "authn-authz/rbac" },
      { framework: "PCI-DSS", control: "7.2" },
      { framework: "NSA-CISA", control: "network/namespaces" },
    ],
    equivalents: {},
    scope:
      "Each RoleBinding is read on its own: its namespace and each ServiceAccount subject's `namespace`, as the run sees them. In a chart " +
      "rendering both may come from `.Release.Namespace`, and both are compared as rendered: a subject written `{{ .Release.Namespace }}` " +
      "matches a binding in the release namespace, and one written as another name does not, whichever namespace the chart is installed into. " +
      "A chart's RoleBinding written without a namespace is in the release namespace; its name is taken from the objects of the same " +
      "rendering that Helm put there, and when none shows it the binding is not reported. A plain manifest's RoleBinding without a " +
      "namespace goes where it is applied, so it is not reported.",
    messages: {
      crossNamespace: '{{binding}} in {{namespace}} grants {{role}} to ServiceAccount "{{account}}" of {{subjectNamespace}}: pods of {{subjectNamespace}} that run as it act in {{namespace}} too.',
    },
    example: {
      bad: "kind: RoleBinding\nmetadata: {name: deploy, namespace: prod}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deploy}\nsubjects:\n  - {kind: ServiceAccount, name: runner, namespace: ci}",
      good: "kind: RoleBinding\nmetadata: {name: deploy, namespace: prod}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deploy}\nsubjects:\n  - {kind: ServiceAccount, name: deployer, namespace: prod}",
    },
  },
  // ServiceAccounts too: in a chart, they are the objects most often put in the release namespace, which shows its name.
  lookupKinds: [...RBAC_KINDS, "ServiceAccount"],
  *check(object) {
    const binding = bindingOf(object);
    if (!binding || object.kind !== "RoleBinding" || isAuthenticationReader(binding)) return;
    const inChart = object.origin.chart !== undefined;
    if (object.namespace === undefined && !inChart) return;
    for (const subject of binding.subjects) {
      const theirs = subject.namespace;
      if (subject.kind !== "ServiceAccount" || theirs === undefined || theirs === object.namespace) continue;
      const data = { binding: describeBinding(binding), role: describeRoleRef(binding), account: subject.name };
      yield {
        path: ["subjects", subject.index, "namespace"],
        settle: (others: ObjectIndex) => {
          const release = inChart ? releaseNamespaceName(others) : undefined;
          // A chart's binding without a namespace is in the release namespace, whose name only the other objects show.
          const ours = object.namespace ?? release;
          if (ours === undefined || ours === theirs) return undefined;
          const namespace = object.namespace === undefined ? "the release namespace" : namespaceOf(object);
          const subjectNamespace = theirs === release ? "the release namespace" : `namespace "${theirs}"`;
          return { messageId: "crossNamespace", data: { ...data, namespace, subjectNamespace } };
        },
      };
    }
  },
});
