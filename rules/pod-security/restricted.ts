import type { Rule } from "../../src/engine/rule.js";

/** Pod Security Standards, restricted profile (on top of baseline). */
export const RESTRICTED_RULES: readonly Rule[] = [];
