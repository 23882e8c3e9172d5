import type { Rule } from "../../src/engine/rule.js";

/** Workload hygiene: images, resources, probes, service account tokens, runtime sockets, namespaces. */
export const WORKLOAD_RULES: readonly Rule[] = [];
