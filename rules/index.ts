import type { Rule } from "../src/engine/rule.js";
import privilegedContainer from "./pod-security/privileged-container.js";

/** Every built-in rule, sorted by id. Registering here is the only way a rule runs. */
export const BUILTIN_RULES: readonly Rule[] = [privilegedContainer].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
