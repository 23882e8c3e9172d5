/**
 * Kubernetes' resource names (plurals) of the built-in kinds, and which of them are cluster-scoped,
 * as `kubectl api-resources` lists them: an admission rule names resources, a manifest names kinds.
 */
const BUILT_IN: Readonly<Partial<Record<string, { resource: string; cluster?: true }>>> = {
  Binding: { resource: "bindings" },
  ComponentStatus: { resource: "componentstatuses", cluster: true },
  ConfigMap: { resource: "configmaps" },
  Endpoints: { resource: "endpoints" },
  Event: { resource: "events" },
  LimitRange: { resource: "limitranges" },
  Namespace: { resource: "namespaces", cluster: true },
  Node: { resource: "nodes", cluster: true },
  PersistentVolumeClaim: { resource: "persistentvolumeclaims" },
  PersistentVolume: { resource: "persistentvolumes", cluster: true },
  Pod: { resource: "pods" },
  PodTemplate: { resource: "podtemplates" },
  ReplicationController: { resource: "replicationcontrollers" },
  ResourceQuota: { resource: "resourcequotas" },
  Secret: { resource: "secrets" },
  ServiceAccount: { resource: "serviceaccounts" },
  Service: { resource: "services" },
  MutatingWebhookConfiguration: { resource: "mutatingwebhookconfigurations", cluster: true },
  ValidatingWebhookConfiguration: { resource: "validatingwebhookconfigurations", cluster: true },
  ValidatingAdmissionPolicy: { resource: "validatingadmissionpolicies", cluster: true },
  ValidatingAdmissionPolicyBinding: { resource: "validatingadmissionpolicybindings", cluster: true },
  CustomResourceDefinition: { resource: "customresourcedefinitions", cluster: true },
  APIService: { resource: "apiservices", cluster: true },
  ControllerRevision: { resource: "controllerrevisions" },
  DaemonSet: { resource: "daemonsets" },
  Deployment: { resource: "deployments" },
  ReplicaSet: { resource: "replicasets" },
  StatefulSet: { resource: "statefulsets" },
  HorizontalPodAutoscaler: { resource: "horizontalpodautoscalers" },
  CronJob: { resource: "cronjobs" },
  Job: { resource: "jobs" },
  CertificateSigningRequest: { resource: "certificatesigningrequests", cluster: true },
  Lease: { resource: "leases" },
  EndpointSlice: { resource: "endpointslices" },
  FlowSchema: { resource: "flowschemas", cluster: true },
  PriorityLevelConfiguration: { resource: "prioritylevelconfigurations", cluster: true },
  IngressClass: { resource: "ingressclasses", cluster: true },
  Ingress: { resource: "ingresses" },
  NetworkPolicy: { resource: "networkpolicies" },
  RuntimeClass: { resource: "runtimeclasses", cluster: true },
  PodDisruptionBudget: { resource: "poddisruptionbudgets" },
  ClusterRoleBinding: { resource: "clusterrolebindings", cluster: true },
  ClusterRole: { resource: "clusterroles", cluster: true },
  RoleBinding: { resource: "rolebindings" },
  Role: { resource: "roles" },
  PriorityClass: { resource: "priorityclasses", cluster: true },
  CSIDriver: { resource: "csidrivers", cluster: true },
  CSINode: { resource: "csinodes", cluster: true },
  CSIStorageCapacity: { resource: "csistoragecapacities" },
  StorageClass: { resource: "storageclasses", cluster: true },
  VolumeAttachment: { resource: "volumeattachments", cluster: true },
};

/** The resource an object of `kind` is, and whether the name is known or derived (lower case, English plural) as for a custom kind. */
export function resourceOf(kind: string): { resource: string; derived: boolean; clusterScoped: boolean } {
  const known = BUILT_IN[kind];
  if (known) return { resource: known.resource, derived: false, clusterScoped: known.cluster ?? false };
  const lower = kind.toLowerCase();
  const plural = /(s|x|z|ch|sh)$/.test(lower) ? `${lower}es` : /[^aeiou]y$/.test(lower) ? `${lower.slice(0, -1)}ies` : `${lower}s`;
  return { resource: plural, derived: true, clusterScoped: false };
}
