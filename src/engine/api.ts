// Everything a rule may use, in one module: rules import from here and from nothing else of ours,
// so the engine can change behind it (test/meta/stage-graph.test.ts enforces this).
export { defineRule, type DeferredReport, type Report, type Rule, type RuleContext, type RuleOptions } from "./rule.js";
export {
  containerSetting,
  containersOf,
  describeContainer,
  podAnnotations,
  podSpecOf,
  workloadContainers,
  type ContainerKind,
  type ContainerRef,
  type PodSpecRef,
} from "./workload.js";
export { lookupNamespace, type ObjectIndex } from "./object-index.js";
export { arrayOf, isRecord, recordOf, stringsOf } from "../core/json.js";
export type { OptionSpec } from "../core/rule-meta.js";
export type { JsonObject, K8sObject, Path, PathSegment } from "../core/types.js";
export { normalizeRegistry, parseImageReference, qualifiedName, usesLatestTag, type ImageReference } from "../core/image-reference.js";
