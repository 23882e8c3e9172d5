import type { ObjectIndex } from "../../src/engine/object-index.js";
import { defineRule } from "../../src/engine/rule.js";
import { recordOf } from "../../src/engine/workload.js";
import type { K8sObject } from "../../src/manifest/types.js";

/** Built-in kinds that live outside any namespace; Kubernetes ignores metadata.namespace on them. */
const CLUSTER_SCOPED_KINDS = new Set([
  "APIService",
  "CertificateSigningRequest",
  "ClusterRole",
  "ClusterRoleBinding",
  "ClusterTrustBundle",
  "ComponentStatus",
  "CSIDriver",
  "CSINode",
  "CustomResourceDefinition",
  "DeviceClass",
  "FlowSchema",
  "IngressClass",
  "IPAddress",
  "MutatingAdmissionPolicy",
  "MutatingAdmissionPolicyBinding",
  "MutatingWebhookConfiguration",
  "Namespace",
  "Node",
  "PersistentVolume",
  "PodSecurityPolicy",
  "PriorityClass",
  "PriorityLevelConfiguration",
  "ResourceSlice",
  "RuntimeClass",
  "SelfSubjectAccessReview",
  "SelfSubjectReview",
  "SelfSubjectRulesReview",
  "ServiceCIDR",
  "StorageClass",
  "StorageVersionMigration",
  "SubjectAccessReview",
  "TokenReview",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding",
  "ValidatingWebhookConfiguration",
  "VolumeAttachment",
  "VolumeAttributesClass",
]);

/** Custom resources named Cluster… (ClusterIssuer, ClusterPolicy, ClusterSecretStore) are cluster-scoped by convention. */
const CLUSTER_PREFIX = /^Cluster[A-Z]/;

const customKindsByIndex = new WeakMap<ObjectIndex, Set<string>>();

/** Objects Kubernetes itself keeps in the default namespace; manifests patch them there on purpose. */
function isBuiltInDefaultObject(object: K8sObject): boolean {
  return (object.kind === "ServiceAccount" && object.name === "default") || (object.kind === "Service" && object.name === "kubernetes");
}

/** Kinds of custom resources whose definition, in the linted set, declares `scope: Cluster`; worked out once per set. */
function clusterScopedCustomKinds(index: ObjectIndex): ReadonlySet<string> {
  const known = customKindsByIndex.get(index);
  if (known) return known;
  const kinds = new Set<string>();
  customKindsByIndex.set(index, kinds);
  for (const definition of index.ofKind("CustomResourceDefinition")) {
    const spec = recordOf(definition.body.spec);
    const kind = recordOf(spec.names).kind;
    if (spec.scope === "Cluster" && typeof kind === "string") kinds.add(kind);
  }
  return kinds;
}

export default defineRule({
  meta: {
    id: "default-namespace",
    title: "Object is in the default namespace",
    severity: "low",
    category: "workload",
    rationale:
      "The default namespace is where everything lands by accident, so RBAC, network policies, quotas and Pod Security admission " +
      "set for it cover unrelated workloads at once. A namespace per application keeps those boundaries meaningful.",
    remediation:
      "Set `metadata.namespace` to the application's own namespace (or remove `namespace: default` and deploy with `--namespace`/Helm's namespace).",
    frameworks: [
      { framework: "CIS", control: "5.7.4", title: "The default namespace should not be used" },
      { framework: "NSA-CISA", control: "Network separation and hardening: namespaces" },
    ],
    equivalents: { kubeLinter: ["use-namespace"], checkov: ["CKV_K8S_21"], trivy: ["KSV110"] },
    options: {
      flagMissing: {
        type: "boolean",
        description:
          "Also flag namespaced objects that set no namespace. Off by default because kubectl and Helm usually supply it at apply time.",
        default: false,
      },
    },
    example: {
      bad: "metadata:\n  name: web\n  namespace: default",
      good: "metadata:\n  name: web\n  namespace: shop",
    },
  },
  lookupKinds: ["CustomResourceDefinition"],
  *check(object, context) {
    const { kind, name } = object;
    if (CLUSTER_SCOPED_KINDS.has(kind) || CLUSTER_PREFIX.test(kind) || isBuiltInDefaultObject(object)) return;
    const message =
      object.namespace === "default"
        ? `${kind} "${name}" is in the default namespace.`
        : context.options.flagMissing === true && !object.namespace
          ? `${kind} "${name}" sets no namespace, so it goes wherever it is applied, often default.`
          : undefined;
    if (message === undefined) return;
    // A custom kind is cluster-scoped if a CustomResourceDefinition linted with it says so.
    yield { path: ["metadata", "namespace"], settle: (others) => (clusterScopedCustomKinds(others).has(kind) ? undefined : message) };
  },
});
