import { BUILTIN_RULES } from "../rules/index.js";
import { DIAGNOSTIC_RULES } from "./core/diagnostics.js";
import type { RuleMeta } from "./core/rule-meta.js";

/** Metadata of everything that can produce a finding: the rules, then the input diagnostics. */
export const ALL_RULE_META: readonly RuleMeta[] = [...BUILTIN_RULES.map((rule) => rule.meta), ...DIAGNOSTIC_RULES];

export { BUILTIN_RULES };
