import type { Rule } from "../../src/engine/api.js";
import hostPathWritable from "./host-path-writable.js";
import netRawKept from "./net-raw-kept.js";
import rootGroup from "./root-group.js";
import runAsUserBelowMinimum from "./run-as-user-below-minimum.js";
import sensitiveHostPath from "./sensitive-host-path.js";

/** Pod hardening that CIS and NSA/CISA ask for beyond the Pod Security Standards' own checks, sorted by id. */
export const HARDENING_RULES: readonly Rule[] = [hostPathWritable, netRawKept, rootGroup, runAsUserBelowMinimum, sensitiveHostPath];
