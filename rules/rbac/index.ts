import type { Rule } from "../../src/engine/api.js";
import rbacSecretRead from "./rbac-secret-read.js";
import rbacWildcard from "./rbac-wildcard.js";

/** RBAC: what Roles and ClusterRoles grant. Sorted by id. */
export const RBAC_RULES: readonly Rule[] = [rbacSecretRead, rbacWildcard];
