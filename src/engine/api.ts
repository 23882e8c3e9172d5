// Everything a rule may use, in one module: rules import from here and from nothing else of ours,
// so the engine can change behind it (test/meta/stage-graph.test.ts enforces this).
export { defineRule, type AppliesTo, type DeferredReportOf, type MessageOf, type RelatedPlace, type SettledOf, type Messages, type ReportOf, type Rule, type RuleContext, type RuleDefinition } from "./rule.js";
export {
  containersOf,
  describeContainer,
  podAnnotations,
  podLabels,
  POD_RUNNING_KINDS,
  podSpecOf,
  serviceAccountOf,
  workloadContainers,
  type ContainerKind,
  type ContainerRef,
  type PodServiceAccount,
  type PodSpecRef,
} from "./workload.js";
export {
  booleanField,
  containerSecurityContextPath,
  containerSetting,
  describeContainers,
  describePod,
  describeSetter,
  inheritanceNote,
  inheritedValue,
  levelSettings,
  numberField,
  podSecurityContextPath,
  type InheritedValue,
  type LevelSetting,
  type Setting,
} from "./pod-settings.js";
export { commandLineOf, effectiveFlag, type CommandLine, type CommandLineFlag } from "./command-line.js";
export { POD_SPEC_OBJECTS } from "./dispatch.js";
export { componentFlagsOf, effectiveSetting, programObjects, runsProgram, listItems, mapEntries, type ComponentFlags, type FlagSetting } from "./component-flags.js";
export { isGeneratedField, isReleaseNamespaceField, lookupNamespace, type ObjectIndex } from "./object-index.js";
export { isEmptySelector, selectorMatches } from "./labels.js";
export { arrayOf, isRecord, recordOf, stringsOf } from "../core/json.js";
export { lastAnswerOf } from "../core/memo.js";
export type { RuleMeta } from "../core/rule-meta.js";
export type { OptionSpec, OptionSpecs } from "../core/rule-options.js";
export type { JsonObject, K8sObject, Path, PathSegment } from "../core/types.js";
export { digestProblem, isLoopbackAddress, namesRegistry, normalizeRegistry, parseImageReference, qualifiedName, registryAddress, usesLatestTag, type DigestProblem, type ImageReference } from "../core/image-reference.js";
export { isAuditPolicy, isEncryptionConfiguration, isKubeadmConfiguration, isKubeletConfiguration, isKubeProxyConfiguration, KUBEADM_KINDS } from "./config-kinds.js";
