import type { Rule } from "../../src/engine/rule.js";
import privilegedContainer from "./privileged-container.js";

/** Pod Security Standards, baseline profile. */
export const BASELINE_RULES: readonly Rule[] = [privilegedContainer];
