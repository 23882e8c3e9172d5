import { BUILTIN_RULES } from "../rules/index.js";
import { DIAGNOSTIC_RULES } from "./engine/diagnostics.js";
import type { RuleMeta } from "./engine/rule.js";

/** Metadata of everything that can produce a finding: the rules, then the input diagnostics. */
export const ALL_RULE_META: readonly RuleMeta[] = [...BUILTIN_RULES.map((rule) => rule.meta), ...DIAGNOSTIC_RULES];

export { BUILTIN_RULES };
