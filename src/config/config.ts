import { readFileSync } from "node:fs";
import path from "node:path";
import { Minimatch } from "minimatch";
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from "yaml";
import { DIAGNOSTIC_RULES } from "../core/diagnostics.js";
import { SEVERITIES, type RuleMeta, type Severity } from "../core/rule-meta.js";
import { optionProblem, type RuleSetting } from "../core/rule-options.js";
import { FAIL_LEVELS, type FailLevel } from "../core/severity.js";
import { builtInPodSpecPath, type PodTemplateKind } from "../core/workload-kinds.js";
import { FRAMEWORK_SELECTIONS, type FrameworkSelection } from "../core/framework-selection.js";
import { VAP_RULE_PREFIX, type CustomRuleSpec, type SourcePosition } from "../core/custom-rule-spec.js";
import { readCustomRule } from "./custom-rules.js";
import { ConfigError, closestMatch, type Config, type HelmConfig } from "./model.js";

/** What the config needs of a rule: its metadata (ids, options), to validate the settings against. */
interface RuleWithMeta {
  readonly meta: RuleMeta;
}

const TOP_LEVEL_KEYS = ["failOn", "include", "exclude", "rules", "customRules", "helm", "kustomize", "podTemplates", "frameworks", "cache"];

/** Reads and validates a config file (`file` relative to `cwd`, and named as given) against the known rules and the input diagnostics. */
export function loadConfig(file: string, cwd: string, rules: readonly RuleWithMeta[], extraRules: readonly CustomRuleSpec[] = []): Config {
  let text: string;
  try {
    text = readFileSync(path.resolve(cwd, file), "utf8");
  } catch (error) {
    throw new ConfigError(`cannot read the config file: ${(error as Error).message}`, file);
  }
  return parseConfig(text, file, rules, extraRules);
}

/**
 * Parses a config against the known rules; `extraRules` are custom rules read from elsewhere
 * (`--rules DIR`), which `rules:` may set and `customRules:` may not define again.
 */
export function parseConfig(text: string, file: string, rules: readonly RuleWithMeta[], extraRules: readonly CustomRuleSpec[] = []): Config {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  // Annotated so that a call to it narrows like a throw.
  const fail: (message: string, node?: YamlNode | null, offset?: number) => never = (message, node, offset) => {
    const at = offset ?? node?.range?.[0];
    const position = at === undefined ? undefined : lineCounter.linePos(at);
    throw new ConfigError(message, file, position?.line, position?.col);
  };
  const firstError = document.errors.at(0);
  if (firstError) fail(`invalid YAML: ${firstError.message.split("\n")[0]}`, undefined, firstError.pos[0]);

  const config: Config = { file, include: [], exclude: [], rules: {}, helm: {}, kustomize: {}, podTemplates: [], frameworks: [], customRules: [] };
  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null)) return config;
  if (!isMap(root)) return fail("the config must be a mapping (failOn, include, exclude, rules)", root);

  const ruleSettings: Array<{ key: unknown; value: unknown }> = [];
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    const value = pair.value as YamlNode | null;
    switch (key) {
      case "failOn": {
        const level = isScalar(value) ? value.value : undefined;
        if (!FAIL_LEVELS.includes(level as FailLevel)) fail(`failOn must be one of ${FAIL_LEVELS.join(", ")}`, value ?? pair.key);
        config.failOn = level as FailLevel;
        break;
      }
      case "include":
      case "exclude":
        config[key] = readGlobs(value, key, fail);
        break;
      case "rules":
        if (!isMap(value)) fail("rules must be a mapping from rule id to a setting", value ?? pair.key);
        ruleSettings.push(...value.items);
        break;
      case "customRules":
        if (!isSeq(value)) fail("customRules must be a list of rules (id, title, severity, match, validations)", value ?? pair.key);
        for (const item of value.items) config.customRules.push(readCustomRule(item as YamlNode, { text, file, lineCounter }, fail));
        break;
      case "helm":
        config.helm = readHelm(value, fail);
        break;
      case "kustomize": {
        const settings = readMapping(value, "kustomize", fail);
        for (const [name, node] of settings) {
          if (name !== "enableHelm") fail(`unknown kustomize setting "${name}"; expected enableHelm`, node);
          config.kustomize.enableHelm = readBoolean(node, "kustomize.enableHelm", fail);
        }
        break;
      }
      case "podTemplates":
        config.podTemplates = readPodTemplates(value ?? pair.key, fail);
        break;
      case "frameworks":
        config.frameworks = readFrameworks(value, fail) ?? fail(`frameworks must be a list of ${FRAMEWORK_SELECTIONS.join(", ")}`, value ?? pair.key);
        break;
      case "cache":
        config.cache = readBoolean(value ?? pair.key, "cache", fail);
        break;
      default:
        fail(`unknown setting "${key}"; expected one of ${TOP_LEVEL_KEYS.join(", ")}`, pair.key);
    }
  }
  checkCustomRuleIds([...extraRules, ...config.customRules], rules);
  // Custom rules are known only once the whole file is read, wherever `rules:` stands in it.
  const customMeta = [...extraRules, ...config.customRules].map(customRuleSettingMeta);
  const knownRules = new Map([...rules.map((rule) => rule.meta), ...DIAGNOSTIC_RULES, ...customMeta].map((meta) => [meta.id, meta]));
  for (const rulePair of ruleSettings) {
    const ruleId = isScalar(rulePair.key) ? String(rulePair.key.value) : "";
    // A policy's rule exists only once the run has read the policies.
    const meta = knownRules.get(ruleId) ?? (ruleId.startsWith(VAP_RULE_PREFIX) && ruleId.length > VAP_RULE_PREFIX.length ? customRuleSettingMeta({ id: ruleId }) : undefined);
    if (!meta) {
      const hint = closestMatch(ruleId, [...knownRules.keys()]);
      fail(`unknown rule "${ruleId}"${hint ? ` (did you mean "${hint}"?)` : ""}; \`kubeward rules\` lists them`, rulePair.key as YamlNode);
    }
    config.rules[ruleId] = readRuleSetting(rulePair.value as YamlNode | null, meta, fail);
  }
  return config;
}

/** What a setting of a custom or policy rule is checked against: an id, no options. */
function customRuleSettingMeta(rule: { id: string }): RuleMeta {
  return { id: rule.id, title: rule.id, severity: "medium", category: "input", rationale: "", remediation: "", frameworks: [], equivalents: {} };
}

/** Each custom rule id once, and none a built-in rule's or diagnostic's: the error is at the later definition. */
export function checkCustomRuleIds(specs: readonly CustomRuleSpec[], rules: readonly RuleWithMeta[]): void {
  const builtIn = new Set([...rules.map((rule) => rule.meta.id), ...DIAGNOSTIC_RULES.map((meta) => meta.id)]);
  const seen = new Map<string, SourcePosition>();
  for (const spec of specs) {
    const { file, line, column } = spec.defined;
    if (builtIn.has(spec.id)) throw new ConfigError(`custom rule id "${spec.id}" is the id of a built-in rule; choose another (e.g. a prefix such as acme/)`, file, line, column);
    const earlier = seen.get(spec.id);
    if (earlier) throw new ConfigError(`custom rule id "${spec.id}" is defined twice (first at ${earlier.file}:${earlier.line}:${earlier.column})`, file, line, column);
    seen.set(spec.id, spec.defined);
  }
}

type Fail = (message: string, node?: YamlNode | null) => never;

/** `frameworks: [cis, pci-dss]`; undefined when it is not a list. */
function readFrameworks(node: YamlNode | null, fail: Fail): FrameworkSelection[] | undefined {
  if (!isSeq(node)) return undefined;
  return node.items.map((item) => {
    const name = isScalar(item) ? String(item.value) : "";
    if (!(FRAMEWORK_SELECTIONS as readonly string[]).includes(name)) {
      const hint = closestMatch(name, [...FRAMEWORK_SELECTIONS]);
      fail(`unknown framework "${name}"${hint ? ` (did you mean "${hint}"?)` : ""}; expected one of ${FRAMEWORK_SELECTIONS.join(", ")}`, item as YamlNode);
    }
    return name as FrameworkSelection;
  });
}

/** A mapping's entries as [key, value node]; the key node stands in for a missing value, for positions. */
function readMapping(value: YamlNode | null, what: string, fail: Fail): Array<[string, YamlNode]> {
  if (!isMap(value)) return fail(`${what} must be a mapping`, value);
  return value.items.map((pair) => [isScalar(pair.key) ? String(pair.key.value) : "", ((pair.value as YamlNode | null) ?? pair.key) as YamlNode]);
}

function readString(node: YamlNode, what: string, fail: Fail): string {
  if (!isScalar(node) || (typeof node.value !== "string" && typeof node.value !== "number")) return fail(`${what} must be a string`, node);
  return String(node.value);
}

function readBoolean(node: YamlNode, what: string, fail: Fail): boolean {
  if (!isScalar(node) || typeof node.value !== "boolean") return fail(`${what} must be true or false`, node);
  return node.value;
}

function readStrings(node: YamlNode, what: string, fail: Fail): string[] {
  if (!isSeq(node)) return fail(`${what} must be a list of strings`, node);
  return node.items.map((item) => readString(item as YamlNode, `${what} entries`, fail));
}

const HELM_KEYS = ["releaseName", "namespace", "kubeVersion", "apiVersions", "set", "charts"];

function readHelm(value: YamlNode | null, fail: Fail): HelmConfig {
  const helm: HelmConfig = {};
  for (const [name, node] of readMapping(value, "helm", fail)) {
    switch (name) {
      case "releaseName":
      case "namespace":
      case "kubeVersion":
        helm[name] = readString(node, `helm.${name}`, fail);
        break;
      case "apiVersions":
      case "set":
        helm[name] = readStrings(node, `helm.${name}`, fail);
        break;
      case "charts":
        if (!isSeq(node)) fail("helm.charts must be a list of {path, valueSets}", node);
        helm.charts = (node as { items: YamlNode[] }).items.map((item) => {
          let chartPath: string | undefined;
          const valueSets: Record<string, string[]> = {};
          for (const [key, entry] of readMapping(item, "a helm.charts entry", fail)) {
            if (key === "path") chartPath = readString(entry, "helm.charts[].path", fail);
            else if (key === "valueSets") {
              for (const [setName, files] of readMapping(entry, "helm.charts[].valueSets", fail)) {
                valueSets[setName] = readStrings(files, `value set "${setName}"`, fail);
              }
            } else fail(`unknown key "${key}" in a helm.charts entry; expected path and valueSets`, entry);
          }
          if (chartPath === undefined) return fail("a helm.charts entry needs a path (the chart folder)", item);
          return { path: chartPath, valueSets };
        });
        break;
      default:
        fail(`unknown helm setting "${name}"; expected one of ${HELM_KEYS.join(", ")}`, node);
    }
  }
  return helm;
}

const POD_TEMPLATE_KEYS = ["kind", "group", "path"];
/** Mapping keys joined by dots: `spec.template.spec`. */
const FIELD_PATH = /^[^.\s[\]]+(\.[^.\s[\]]+)*$/;

/** `podTemplates:` entries: `{kind, group, path}`, where path leads to the pod spec (the mapping holding `containers`). */
function readPodTemplates(value: YamlNode, fail: Fail): PodTemplateKind[] {
  const entryShape = "{kind, group, path}, e.g. {kind: MyApp, group: example.com, path: spec.template.spec}";
  if (!isSeq(value)) return fail(`podTemplates must be a list of ${entryShape}`, value);
  const seen = new Set<string>();
  return value.items.map((item) => {
    const fields = new Map<string, YamlNode>();
    for (const [key, node] of readMapping(item as YamlNode, "a podTemplates entry", fail)) {
      if (!POD_TEMPLATE_KEYS.includes(key)) fail(`unknown key "${key}" in a podTemplates entry; expected kind, group and path`, node);
      fields.set(key, node);
    }
    const requiredField = (key: string): YamlNode =>
      fields.get(key) ?? fail(`a podTemplates entry needs ${key} (${key === "group" ? 'the API group, the part of apiVersion before "/"' : key === "kind" ? "the kind as objects write it" : "the dotted path to the pod spec"}): ${entryShape}`, item as YamlNode);
    const kindNode = requiredField("kind");
    const groupNode = requiredField("group");
    const pathNode = requiredField("path");
    const kind = readString(kindNode, "podTemplates[].kind", fail);
    // `group: ""` names the core group; YAML reads a bare `group:` as null, which means the same.
    const group = isScalar(groupNode) && groupNode.value === null ? "" : readString(groupNode, "podTemplates[].group", fail);
    const dotted = readString(pathNode, "podTemplates[].path", fail);
    if (!FIELD_PATH.test(dotted)) fail(`podTemplates[].path must be mapping keys joined by dots, such as spec.template.spec (list indexes are not supported), not "${dotted}"`, pathNode);
    if (builtInPodSpecPath(group, kind)) {
      fail(`${kind} in the API group "${group}" is a Kubernetes workload kubeward already reads; podTemplates is for other kinds`, kindNode);
    }
    const key = `${group}/${kind}`;
    if (seen.has(key)) fail(`podTemplates names ${kind} in the API group "${group}" twice`, kindNode);
    seen.add(key);
    return { kind, group, path: dotted.split(".") };
  });
}

function readGlobs(value: YamlNode | null, key: string, fail: Fail): string[] {
  if (!isSeq(value)) return fail(`${key} must be a list of glob patterns`, value);
  return value.items.map((item) => {
    if (!isScalar(item) || typeof item.value !== "string") return fail(`${key} entries must be glob strings`, item as YamlNode);
    const pattern = item.value;
    try {
      new Minimatch(pattern);
    } catch (error) {
      fail(`invalid glob "${pattern}": ${(error as Error).message}`, item);
    }
    return pattern;
  });
}

function readRuleSetting(value: YamlNode | null, meta: RuleMeta, fail: Fail): RuleSetting {
  // Broken input must never pass by being called low: such a diagnostic is on or off, nothing between.
  const severityOf = (severity: Severity, node: YamlNode): Severity =>
    meta.unlintedInput
      ? fail(`rule "${meta.id}" reports input that could not be linted, which fails the run whatever its severity; set it to on or off`, node)
      : severity;
  if (isScalar(value)) {
    const v = value.value;
    if (v === true || v === "on") return { enabled: true };
    if (v === false || v === "off") return { enabled: false };
    if (SEVERITIES.includes(v as Severity)) return { enabled: true, severity: severityOf(v as Severity, value) };
    return fail(`rule "${meta.id}": expected ${meta.unlintedInput ? "on or off" : `on, off, a severity (${SEVERITIES.join(", ")}) or a mapping`}`, value);
  }
  if (!isMap(value)) return fail(`rule "${meta.id}": expected ${meta.unlintedInput ? "on or off" : "on, off, a severity or a mapping"}`, value);
  const setting: RuleSetting = {};
  for (const pair of value.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    const node = pair.value as YamlNode | null;
    if (key === "enabled") {
      if (!isScalar(node) || typeof node.value !== "boolean") fail("enabled must be true or false", node ?? (pair.key as YamlNode));
      setting.enabled = (node as { value: boolean }).value;
    } else if (key === "severity") {
      if (!isScalar(node) || !SEVERITIES.includes(node.value as Severity)) fail(`severity must be one of ${SEVERITIES.join(", ")}`, node ?? (pair.key as YamlNode));
      setting.severity = severityOf(node.value as Severity, node);
    } else if (key === "options") {
      setting.options = readOptions(node, meta, fail);
    } else {
      fail(`unknown rule setting "${key}"; expected enabled, severity or options`, pair.key as YamlNode);
    }
  }
  return setting;
}

function readOptions(value: YamlNode | null, meta: RuleMeta, fail: Fail): Record<string, unknown> {
  if (!isMap(value)) return fail(`options of "${meta.id}" must be a mapping`, value);
  const options: Record<string, unknown> = {};
  for (const pair of value.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : "";
    const node = pair.value as YamlNode | null;
    const plain = node && "toJSON" in node ? (node as { toJSON(): unknown }).toJSON() : null;
    const problem = optionProblem(meta.id, meta.options, name, plain);
    if (problem) fail(problem, meta.options?.[name] ? (node ?? (pair.key as YamlNode)) : (pair.key as YamlNode));
    options[name] = plain;
  }
  return options;
}
