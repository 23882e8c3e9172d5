import { defineRule, lookupNamespace, POD_SPEC_OBJECTS, podSpecOf, serviceAccountOf, type ObjectIndex, type RelatedPlace } from "../../src/engine/api.js";
import { bindingOf, describeBinding, describeSubject, subjectNamespace, type Binding, type Subject } from "../rbac/bindings.js";

/** A binding's subject that names a ServiceAccount, and the namespace it names it in (undefined: chosen at apply or install). */
interface AccountGrant {
  binding: Binding;
  subject: Subject;
  namespace: string | undefined;
  /** Its place among the scope's bindings, so grants found by two keys keep the bindings' order. */
  order: number;
}

/** The grants to one ServiceAccount name: all of them, by the namespace they name, and those that leave the namespace open. */
interface NameGrants {
  all: AccountGrant[];
  byNamespace: Map<string, AccountGrant[]>;
  anyNamespace: AccountGrant[];
}

const boundByIndex = new WeakMap<ObjectIndex, ReadonlyMap<string, NameGrants>>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The ServiceAccounts that a RoleBinding or ClusterRoleBinding among the linted objects names as a subject; worked out once per set. */
function boundServiceAccounts(index: ObjectIndex): ReadonlyMap<string, NameGrants> {
  const known = boundByIndex.get(index);
  if (known) return known;
  const bound = new Map<string, NameGrants>();
  boundByIndex.set(index, bound);
  let order = 0;
  for (const object of [...index.ofKind("RoleBinding"), ...index.ofKind("ClusterRoleBinding")]) {
    const binding = bindingOf(object);
    if (!binding) continue;
    for (const subject of binding.subjects) {
      if (subject.kind !== "ServiceAccount") continue;
      // A release-namespace binding's own namespace is chosen at install, so its subjects without one may be in any.
      const namespace = object.origin.releaseNamespace && subject.namespace === undefined ? undefined : subjectNamespace(binding, subject);
      const grant = { binding, subject, namespace, order: order++ };
      let grants = bound.get(subject.name);
      if (!grants) {
        grants = { all: [], byNamespace: new Map(), anyNamespace: [] };
        bound.set(subject.name, grants);
      }
      grants.all.push(grant);
      if (namespace === undefined) grants.anyNamespace.push(grant);
      else push(grants.byNamespace, namespace, grant);
    }
  }
  return bound;
}

/**
 * The bindings that name the account, one per binding identity, those of the pod's own file first: plain
 * manifests of a run share a scope, and two install files may each ship the same binding. A namespace left
 * to apply or install time (a plain manifest's without one, a Helm release's) can be any namespace a
 * binding names, so it matches all of them. Looked up by name and namespace, so a pod costs the bindings
 * that match it, however many bindings in other namespaces name an account of the same name.
 */
function grantsTo(bound: ReadonlyMap<string, NameGrants>, namespace: string | undefined, account: string, file: string): AccountGrant[] {
  const grants = bound.get(account);
  if (!grants) return [];
  const matching =
    namespace === undefined
      ? grants.all
      : [...(grants.byNamespace.get(namespace) ?? []), ...grants.anyNamespace].sort((a, b) => a.order - b.order);
  const byIdentity = new Map<string, AccountGrant>();
  for (const grant of [...matching.filter((g) => g.binding.object.origin.file === file), ...matching]) {
    const { kind, name } = grant.binding.object;
    const key = `${kind}\u0000${lookupNamespace(grant.binding.object) ?? ""}\u0000${name}`;
    if (!byIdentity.has(key)) byIdentity.set(key, grant);
  }
  return [...byIdentity.values()];
}

/** `RoleBinding "x"`, or `RoleBinding "x" (and 2 other bindings, related locations)`. */
function describeGrants(grants: readonly AccountGrant[]): string {
  const first = describeBinding(grants[0].binding);
  const others = grants.length - 1;
  if (others === 0) return first;
  return `${first} (and ${others} other binding${others === 1 ? "" : "s"}, related locations)`;
}

const grantPlace = ({ binding, subject }: AccountGrant): RelatedPlace => ({
  object: binding.object,
  path: ["subjects", subject.index],
  message: `${describeBinding(binding)} grants ${binding.roleKind} "${binding.roleName}" to ${describeSubject(binding, subject)}.`,
});

/** Why the token is not needed: nothing grants the account permissions. */
const UNBOUND = "no RoleBinding or ClusterRoleBinding among the linted objects grants it permissions.";
/** Why it is: a binding grants the account permissions, so the pod calls the API. */
const BOUND = "{{bindings}} grants it API access, so the token is needed: keep it, and keep the role narrow.";

const ENABLED = '{{kind}} "{{name}}" sets automountServiceAccountToken: true, mounting the token of ServiceAccount "{{account}}";';
const NOT_DISABLED =
  '{{kind}} "{{name}}" mounts the token of ServiceAccount "{{account}}": neither the pod nor the ServiceAccount sets automountServiceAccountToken: false;';
const UNKNOWN_ACCOUNT =
  '{{kind}} "{{name}}" mounts the token of ServiceAccount "{{account}}": the pod does not set automountServiceAccountToken: false, and the ServiceAccount is not among the linted objects;';

export default defineRule({
  meta: {
    id: "service-account-token-automounted",
    title: "Service account token is mounted automatically",
    severity: "medium",
    category: "workload",
    rationale:
      "Unless turned off, every pod gets a token for its ServiceAccount, and anyone who compromises the pod can use it against " +
      "the Kubernetes API with that account's permissions. Most applications never call the API and need no token at all. " +
      "A pod turns it off with `automountServiceAccountToken: false`, or its ServiceAccount does (the pod's own setting wins). " +
      "When a RoleBinding or ClusterRoleBinding names the pod's ServiceAccount, the account is meant to call the API and the pod " +
      "needs its token (CIS 5.1.6: mounted only where necessary): the finding stays, lowered to low, so the token is a known, " +
      "reviewed one, and says which binding needs it; what the account may do is then a question for the binding's role " +
      "(the rbac rules report dangerous grants).",
    remediation:
      "Set `automountServiceAccountToken: false` in the pod spec, or on the ServiceAccount the pod uses (the pod's own setting wins). " +
      "Pods that do call the API should use a dedicated ServiceAccount with narrow RBAC; for those (the low findings that name a " +
      "binding) keep the token, review the role, and suppress the finding or turn the rule's severity down in `.kubeward.yaml` once reviewed.",
    scope:
      "The pod's ServiceAccount and the RoleBindings and ClusterRoleBindings (rbac.authorization.k8s.io/v1) that name it are looked up " +
      "among the objects linted together with the pod: one chart rendering (one value set), one Kustomize build, or all plain manifests " +
      "of a run. They are matched by the account's name and namespace (a RoleBinding's subject without a namespace is in the binding's); " +
      "a namespace chosen at apply or install time (none written, or Helm's release namespace) matches one of that name in any namespace. " +
      "Each binding that names the account is a related location.",
    frameworks: [
      { framework: "CIS", control: "5.1.6" },
      { framework: "NSA-CISA", control: "pod-security/service-account-tokens" },
      { framework: "MITRE-ATT&CK", control: "T1528" },
      { framework: "PCI-DSS", control: "7.2" },
      { framework: "MITRE-ATT&CK", control: "T1550.001" },
    ],
    equivalents: {
      kubeLinter: ["automount-service-account-token"],
      polaris: ["automountServiceAccountToken"],
      checkov: ["CKV_K8S_38"],
      trivy: ["KSV036"],
    },
    messages: {
      automountEnabled: `${ENABLED} ${UNBOUND}`,
      automountEnabledBound: `${ENABLED} ${BOUND}`,
      automountNotDisabled: `${NOT_DISABLED} ${UNBOUND}`,
      automountNotDisabledBound: `${NOT_DISABLED} ${BOUND}`,
      automountNotDisabledUnknownAccount: `${UNKNOWN_ACCOUNT} ${UNBOUND}`,
      automountNotDisabledUnknownAccountBound: `${UNKNOWN_ACCOUNT} ${BOUND}`,
    },
    example: {
      bad: "spec:\n  serviceAccountName: web\n  containers:\n    - name: app\n      image: app:1.0",
      good: "spec:\n  serviceAccountName: web\n  automountServiceAccountToken: false\n  containers:\n    - name: app\n      image: app:1.0",
    },
  },
  lookupKinds: ["ServiceAccount", "RoleBinding", "ClusterRoleBinding"],
  appliesTo: POD_SPEC_OBJECTS,
  *check(object) {
    const pod = podSpecOf(object);
    if (!pod) return;
    const path = [...pod.path, "automountServiceAccountToken"];
    const podSetting = pod.spec.automountServiceAccountToken;
    if (podSetting === false) return;
    const account = serviceAccountOf(pod).name;
    const { kind, name } = object;
    const namespace = lookupNamespace(object);
    const { file } = object.origin;
    // Whether the ServiceAccount turns the token off, or has API permissions, is known once every object has been read.
    yield {
      path,
      settle(others) {
        const data = { kind, name, account };
        let unbound: "automountEnabled" | "automountNotDisabled" | "automountNotDisabledUnknownAccount" = "automountEnabled";
        if (podSetting !== true) {
          const serviceAccount = others.find("ServiceAccount", namespace, account);
          if (serviceAccount?.apiVersion !== "v1") unbound = "automountNotDisabledUnknownAccount";
          else if (serviceAccount.body.automountServiceAccountToken === false) return undefined;
          else unbound = "automountNotDisabled";
        }
        const grants = grantsTo(boundServiceAccounts(others), namespace, account, file);
        if (grants.length === 0) return { messageId: unbound, data };
        // Bound by RBAC, the account is meant to call the API: the token is needed (CIS 5.1.6's "where necessary"), so it matters less.
        return { messageId: `${unbound}Bound` as const, data: { ...data, bindings: describeGrants(grants) }, related: grants.map(grantPlace), lowerTo: "low" };
      },
    };
  },
});
