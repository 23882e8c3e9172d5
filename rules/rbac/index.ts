import type { Rule } from "../../src/engine/api.js";
import rbacAnonymousSubject from "./rbac-anonymous-subject.js";
import rbacBindingRoleMissing from "./rbac-binding-role-missing.js";
import rbacClusterAdminBinding from "./rbac-cluster-admin-binding.js";
import rbacCrossNamespaceSubject from "./rbac-cross-namespace-subject.js";
import rbacSecretRead from "./rbac-secret-read.js";
import rbacWildcard from "./rbac-wildcard.js";

/** RBAC: what Roles and ClusterRoles grant, and to whom bindings grant them. Sorted by id. */
export const RBAC_RULES: readonly Rule[] = [rbacAnonymousSubject, rbacBindingRoleMissing, rbacClusterAdminBinding, rbacCrossNamespaceSubject, rbacSecretRead, rbacWildcard];
