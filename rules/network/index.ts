import type { Rule } from "../../src/engine/api.js";
import namespaceDefaultDenyMissing from "./namespace-default-deny-missing.js";
import networkPolicyAllowsAll from "./network-policy-allows-all.js";
import networkPolicyDanglingSelector from "./network-policy-dangling-selector.js";
import workloadNotIsolated from "./workload-not-isolated.js";

/** Network segmentation: which pods NetworkPolicies isolate, default deny, policies that open everything or select nothing. Sorted by id. */
export const NETWORK_RULES: readonly Rule[] = [namespaceDefaultDenyMissing, networkPolicyAllowsAll, networkPolicyDanglingSelector, workloadNotIsolated];
