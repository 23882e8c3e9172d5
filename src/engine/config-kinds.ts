import type { K8sObject } from "../core/types.js";

// Component configuration files that sit in a repository next to manifests. Each is matched by the
// API group its component decodes, so a custom resource that happens to share a kind name is not read.

/** A kubelet's config file (`--config`): kubelet.config.k8s.io/v1beta1, the only version the kubelet serves. */
export function isKubeletConfiguration(object: K8sObject): boolean {
  return object.kind === "KubeletConfiguration" && object.apiVersion === "kubelet.config.k8s.io/v1beta1";
}

/** kube-proxy's config file (`--config`): kubeproxy.config.k8s.io/v1alpha1, the version kube-proxy and kubeadm read. */
export function isKubeProxyConfiguration(object: K8sObject): boolean {
  return object.kind === "KubeProxyConfiguration" && object.apiVersion === "kubeproxy.config.k8s.io/v1alpha1";
}

/**
 * The API server's `--encryption-provider-config`: apiserver.config.k8s.io/v1, and the legacy
 * `apiVersion: v1` / `kind: EncryptionConfig` that the API server still decodes (registered "due to a docs bug").
 */
export function isEncryptionConfiguration(object: K8sObject): boolean {
  return (
    (object.kind === "EncryptionConfiguration" && object.apiVersion === "apiserver.config.k8s.io/v1") ||
    (object.kind === "EncryptionConfig" && object.apiVersion === "v1")
  );
}

/** The API server's `--audit-policy-file`: audit.k8s.io/v1 (and v1beta1, which older clusters read). */
export function isAuditPolicy(object: K8sObject): boolean {
  return object.kind === "Policy" && (object.apiVersion === "audit.k8s.io/v1" || object.apiVersion === "audit.k8s.io/v1beta1");
}

/** kubeadm's own configuration kinds, which decide the defaults of a KubeletConfiguration written in the same file. */
export const KUBEADM_KINDS: readonly string[] = ["InitConfiguration", "ClusterConfiguration", "JoinConfiguration"];

export function isKubeadmConfiguration(object: K8sObject): boolean {
  return object.apiVersion.startsWith("kubeadm.k8s.io/") && KUBEADM_KINDS.includes(object.kind);
}
