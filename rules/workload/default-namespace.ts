import { type ObjectIndex, defineRule, type RuleContext, recordOf, type K8sObject } from "../../src/engine/api.js";

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

/** An object that sets no namespace and is not cluster-scoped by its kind alone. */
interface Unplaced {
  kind: string;
}

/** The objects of one file (within one scope) that set no namespace. */
interface UnplacedInFile {
  objects: Unplaced[];
  /** The objects left once cluster-scoped custom kinds are known; worked out by the first settle. */
  namespaced?: Unplaced[];
}

/** Where an object without a namespace goes. */
const APPLY_NAMESPACE = "(kubectl's current namespace, often default)";

/** Objects without a namespace, per run (rule context) and per scope and file, so each file is reported once. */
const unplacedByRun = new WeakMap<RuleContext, Map<string, UnplacedInFile>>();

function unplacedInFile(context: RuleContext, object: K8sObject): UnplacedInFile {
  let files = unplacedByRun.get(context);
  if (!files) {
    files = new Map();
    unplacedByRun.set(context, files);
  }
  const key = `${object.origin.scope ?? ""}\u0000${object.origin.file}`;
  let file = files.get(key);
  if (!file) {
    file = { objects: [] };
    files.set(key, file);
  }
  return file;
}

export default defineRule({
  meta: {
    id: "default-namespace",
    title: "Object is in the default namespace",
    severity: "low",
    category: "workload",
    rationale:
      "The default namespace is where everything lands by accident, so RBAC, network policies, quotas and Pod Security admission " +
      "set for it cover unrelated workloads at once. A namespace per application keeps those boundaries meaningful. " +
      "Only a namespace written as `default` is reported: in a manifest, a Kustomize resource, patch or `namespace:` field, or a " +
      "Helm template or values file. A Helm object in the release namespace (`.Release.Namespace`, or none, which helm fills in) " +
      "is not: the release namespace is chosen at install (`helm install -n`), and kubeward renders charts without one. " +
      "A manifest that sets no namespace is not reported by default either: `kubectl apply -n`, a kustomization's `namespace:` " +
      "or a GitOps tool's target namespace place it at apply time, and leaving it out is how reusable manifests are written. " +
      "With `flagMissing`, such files are reported once each, at their first object.",
    remediation:
      "Set `metadata.namespace` (or the kustomization's `namespace:`, or the chart value that feeds it) to the application's own namespace, " +
      "or remove `namespace: default` and deploy with `kubectl apply -n` or `helm install -n`.",
    frameworks: [
      { framework: "CIS", control: "5.7.4" },
      { framework: "NSA-CISA", control: "network/namespaces" },
    ],
    equivalents: { kubeLinter: ["use-namespace"], checkov: ["CKV_K8S_21"], trivy: ["KSV110"] },
    options: {
      flagMissing: {
        type: "boolean",
        description:
          "Also report plain manifest and Kustomize files whose namespaced objects set no namespace: one finding per file, at the first such object, " +
          "counting the others. Never for Helm objects, which helm places in the release namespace. Off by default because kubectl, Kustomize " +
          "and GitOps tools supply the namespace at apply time.",
        default: false,
      },
    },
    messages: {
      inDefaultNamespace: '{{kind}} "{{name}}" is in the default namespace.',
      noNamespace: `{{kind}} "{{name}}" sets no namespace, so it goes wherever it is applied ${APPLY_NAMESPACE}.`,
      noNamespaceWithOthers: `{{kind}} "{{name}}" and {{others}} in this file set no namespace, so they go wherever they are applied ${APPLY_NAMESPACE}.`,
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
    // Helm's release namespace is the one chosen at install, whatever the render saw.
    if (object.origin.releaseNamespace) return;
    const path = ["metadata", "namespace"];
    if (object.namespace === "default") {
      // A custom kind is cluster-scoped if a CustomResourceDefinition linted with it says so.
      yield {
        path,
        settle: (others) => (clusterScopedCustomKinds(others).has(kind) ? undefined : { messageId: "inDefaultNamespace", data: { kind, name } }),
      };
      return;
    }
    if (object.namespace || object.origin.chart !== undefined || !context.options.flagMissing) return;
    const file = unplacedInFile(context, object);
    const unplaced: Unplaced = { kind };
    file.objects.push(unplaced);
    yield {
      path,
      settle(others) {
        const clusterKinds = clusterScopedCustomKinds(others);
        file.namespaced ??= file.objects.filter((candidate) => !clusterKinds.has(candidate.kind));
        if (file.namespaced[0] !== unplaced) return undefined;
        const otherCount = file.namespaced.length - 1;
        if (otherCount === 0) return { messageId: "noNamespace", data: { kind, name } };
        return { messageId: "noNamespaceWithOthers", data: { kind, name, others: otherCount === 1 ? "1 other object" : `${otherCount} other objects` } };
      },
    };
  },
});
