/** Shared test manifests, each written once; line numbers in tests refer to these texts. */

/** An Istio gateway Deployment whose `istio-proxy` container has `image: auto`: the injector fills in image and probes (line 11 is the container, 12 the image). */
export const ISTIO_INJECTED_GATEWAY = `apiVersion: apps/v1
kind: Deployment
metadata: {name: gateway}
spec:
  template:
    metadata:
      annotations: {inject.istio.io/templates: gateway}
      labels: {sidecar.istio.io/inject: "true"}
    spec:
      containers:
        - name: istio-proxy
          image: auto
`;

/**
 * A ClusterRole granting everything (left to rbac-wildcard) and an aggregated ClusterRole whose written
 * rules the controller replaces: neither is a grant rule's finding. `rule` is one policy rule, indented as a list item.
 */
export function everythingAndAggregated(rule: string): string {
  return `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: everything}
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: aggregated}
aggregationRule:
  clusterRoleSelectors:
    - matchLabels: {example.com/aggregate-to-aggregated: "true"}
rules:
${rule}`;
}

/**
 * A cluster-scoped grant that takes no effect: `rule` in a Role of namespace `ops`, and in a ClusterRole
 * that only a RoleBinding in `ops` grants. Both are named `name`.
 */
export function grantedInNamespaceOnly(name: string, rule: string): string {
  return `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: ${name}, namespace: ops}
rules:
${rule}---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: ${name}}
rules:
${rule}${bindingsOf(name, "ops", false)}`;
}

/**
 * Documents binding ClusterRole `role` to ServiceAccount `<namespace>/<role>`: a RoleBinding in `namespace`, and with
 * `clusterWide` a ClusterRoleBinding after it. Appended to a role of n lines, their `roleRef`s are on lines n+5 and n+11.
 */
export function bindingsOf(role: string, namespace: string, clusterWide: boolean): string {
  const roleRef = `roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ${role}}`;
  const roleBinding = `---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ${role}, namespace: ${namespace}}
${roleRef}
subjects: [{kind: ServiceAccount, name: ${role}}]
`;
  const clusterRoleBinding = `---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: ${role}}
${roleRef}
subjects: [{kind: ServiceAccount, name: ${role}, namespace: ${namespace}}]
`;
  return clusterWide ? roleBinding + clusterRoleBinding : roleBinding;
}

/** How a grant rule relates a finding to the bindings of `bindingsOf(role, namespace, true)` after a role of `roleLines` lines. */
export function relatedOfBindings(role: string, namespace: string, roleLines: number) {
  const subject = `ServiceAccount "${namespace}/${role}"`;
  return [
    { line: roleLines + 5, column: 67, message: `RoleBinding "${role}" grants ClusterRole "${role}" to ${subject}.` },
    { line: roleLines + 11, column: 67, message: `ClusterRoleBinding "${role}" grants ClusterRole "${role}" to ${subject}.` },
  ];
}
