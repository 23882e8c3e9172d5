import type { Rule } from "../../src/engine/api.js";
import rbacAnonymousSubject from "./rbac-anonymous-subject.js";
import rbacBindingRoleMissing from "./rbac-binding-role-missing.js";
import rbacClusterAdminBinding from "./rbac-cluster-admin-binding.js";
import rbacCrossNamespaceSubject from "./rbac-cross-namespace-subject.js";
import rbacCsrApprove from "./rbac-csr-approve.js";
import rbacEscalateBind from "./rbac-escalate-bind.js";
import rbacImpersonate from "./rbac-impersonate.js";
import rbacNamespaceNodeUpdate from "./rbac-namespace-node-update.js";
import rbacNodeProxy from "./rbac-node-proxy.js";
import rbacPersistentVolumeCreate from "./rbac-persistent-volume-create.js";
import rbacPodCreate from "./rbac-pod-create.js";
import rbacPodExec from "./rbac-pod-exec.js";
import rbacSecretRead from "./rbac-secret-read.js";
import rbacTokenCreate from "./rbac-token-create.js";
import rbacWebhookConfig from "./rbac-webhook-config.js";
import rbacWildcard from "./rbac-wildcard.js";

/** RBAC: what Roles and ClusterRoles grant, and to whom bindings grant them. Sorted by id. */
export const RBAC_RULES: readonly Rule[] = [
  rbacAnonymousSubject,
  rbacBindingRoleMissing,
  rbacClusterAdminBinding,
  rbacCrossNamespaceSubject,
  rbacCsrApprove,
  rbacEscalateBind,
  rbacImpersonate,
  rbacNamespaceNodeUpdate,
  rbacNodeProxy,
  rbacPersistentVolumeCreate,
  rbacPodCreate,
  rbacPodExec,
  rbacSecretRead,
  rbacTokenCreate,
  rbacWebhookConfig,
  rbacWildcard,
];
