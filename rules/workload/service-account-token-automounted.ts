import { lookupNamespace, type ObjectIndex, defineRule, arrayOf, recordOf, podSpecOf, type PodSpecRef } from "../../src/engine/api.js";

/** The ServiceAccount the pod runs as: serviceAccountName, else its deprecated alias, else "default". */
function serviceAccountName(pod: PodSpecRef): string {
  for (const field of ["serviceAccountName", "serviceAccount"]) {
    const name = pod.spec[field];
    if (typeof name === "string" && name !== "") return name;
  }
  return "default";
}

/** Namespaces (undefined: chosen at apply or install) in which bindings name a ServiceAccount, by its name. */
type BoundAccounts = ReadonlyMap<string, ReadonlySet<string | undefined>>;

const boundByIndex = new WeakMap<ObjectIndex, BoundAccounts>();

/** The ServiceAccounts that a RoleBinding or ClusterRoleBinding among the linted objects names as a subject; worked out once per set. */
function boundServiceAccounts(index: ObjectIndex): BoundAccounts {
  const known = boundByIndex.get(index);
  if (known) return known;
  const bound = new Map<string, Set<string | undefined>>();
  boundByIndex.set(index, bound);
  for (const binding of [...index.ofKind("RoleBinding"), ...index.ofKind("ClusterRoleBinding")]) {
    if (!binding.apiVersion.startsWith("rbac.authorization.k8s.io/")) continue;
    for (const subject of arrayOf(binding.body.subjects).map(recordOf)) {
      if (subject.kind !== "ServiceAccount" || typeof subject.name !== "string") continue;
      // A RoleBinding's subject without a namespace is in the binding's own namespace.
      const written = typeof subject.namespace === "string" && subject.namespace !== "" ? subject.namespace : undefined;
      const namespace = written ?? (binding.kind === "RoleBinding" ? lookupNamespace(binding) : undefined);
      const namespaces = bound.get(subject.name) ?? new Set();
      namespaces.add(namespace);
      bound.set(subject.name, namespaces);
    }
  }
  return bound;
}

/**
 * Whether a binding names the account. A namespace left to apply or install time (a plain manifest's
 * without one, a Helm release's) can be any namespace a binding names, so it matches all of them.
 */
function isBound(bound: BoundAccounts, namespace: string | undefined, account: string): boolean {
  const namespaces = bound.get(account);
  return namespaces !== undefined && (namespace === undefined || namespaces.has(undefined) || namespaces.has(namespace));
}

/** Why the token is not needed: nothing grants the account permissions. */
const UNBOUND = "no RoleBinding or ClusterRoleBinding among the linted objects grants it permissions";

export default defineRule({
  meta: {
    id: "service-account-token-automounted",
    title: "Service account token is mounted automatically",
    severity: "medium",
    category: "workload",
    rationale:
      "Unless turned off, every pod gets a token for its ServiceAccount, and anyone who compromises the pod can use it against " +
      "the Kubernetes API with that account's permissions. Most applications never call the API and need no token at all. " +
      "A pod whose ServiceAccount a RoleBinding or ClusterRoleBinding among the linted objects names is not reported: granting the " +
      "account permissions says the pod calls the API, so its token is mounted where necessary (CIS 5.1.6), and what it may do is " +
      "a question for that binding's role. Bindings are matched within one scope (a chart rendering, an overlay, or the plain files), " +
      "by the account's name and namespace; a namespace chosen at apply or install time (none written, or Helm's release namespace) " +
      "matches a binding for that name in any namespace.",
    remediation:
      "Set `automountServiceAccountToken: false` in the pod spec, or on the ServiceAccount the pod uses (the pod's own setting wins). " +
      "Pods that do call the API should use a dedicated ServiceAccount with narrow RBAC.",
    frameworks: [
      { framework: "CIS", control: "5.1.6", title: "Ensure that Service Account Tokens are only mounted where necessary" },
      { framework: "NSA-CISA", control: "Pod security: protecting Pod service account tokens" },
    ],
    equivalents: {
      kubeLinter: ["automount-service-account-token"],
      polaris: ["automountServiceAccountToken"],
      checkov: ["CKV_K8S_38"],
      trivy: ["KSV036"],
    },
    messages: {
      automountEnabled:
        `{{kind}} "{{name}}" sets automountServiceAccountToken: true, mounting the token of ServiceAccount "{{account}}"; ${UNBOUND}.`,
      automountNotDisabled:
        `{{kind}} "{{name}}" mounts the token of ServiceAccount "{{account}}": neither the pod nor the ServiceAccount sets automountServiceAccountToken: false; ${UNBOUND}.`,
      automountNotDisabledUnknownAccount:
        `{{kind}} "{{name}}" mounts the token of ServiceAccount "{{account}}": the pod does not set automountServiceAccountToken: false, and the ServiceAccount is not among the linted objects; ${UNBOUND}.`,
    },
    example: {
      bad: "spec:\n  serviceAccountName: web\n  containers:\n    - name: app\n      image: app:1.0",
      good: "spec:\n  serviceAccountName: web\n  automountServiceAccountToken: false\n  containers:\n    - name: app\n      image: app:1.0",
    },
  },
  lookupKinds: ["ServiceAccount", "RoleBinding", "ClusterRoleBinding"],
  *check(object) {
    const pod = podSpecOf(object);
    if (!pod) return;
    const path = [...pod.path, "automountServiceAccountToken"];
    const podSetting = pod.spec.automountServiceAccountToken;
    if (podSetting === false) return;
    const account = serviceAccountName(pod);
    const { kind, name } = object;
    const namespace = lookupNamespace(object);
    // Whether the ServiceAccount has API permissions, or turns the token off, is known once every object has been read.
    yield {
      path,
      settle(others) {
        // Bound by RBAC, the account is meant to call the API: this pod needs its token (CIS 5.1.6's "where necessary").
        if (isBound(boundServiceAccounts(others), namespace, account)) return undefined;
        const data = { kind, name, account };
        if (podSetting === true) return { messageId: "automountEnabled", data };
        const serviceAccount = others.find("ServiceAccount", namespace, account);
        if (serviceAccount?.apiVersion !== "v1") return { messageId: "automountNotDisabledUnknownAccount", data };
        if (serviceAccount.body.automountServiceAccountToken === false) return undefined;
        return { messageId: "automountNotDisabled", data };
      },
    };
  },
});
