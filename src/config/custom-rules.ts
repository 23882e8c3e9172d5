import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { LineCounter, isMap, isScalar, isSeq, parseAllDocuments, Scalar, type Node as YamlNode } from "yaml";
import type { CustomRuleSpec, CustomValidationSpec, SourcePosition, SourceString } from "../core/custom-rule-spec.js";
import { VAP_RULE_PREFIX } from "../core/custom-rule-spec.js";
import { isKnownControl } from "../core/frameworks.js";
import { SEVERITIES, type Framework, type FrameworkRef, type Severity } from "../core/rule-meta.js";
import { isRecord } from "../core/json.js";

/** Raised as a ConfigError by the caller: a message and the place to fix it. */
export type PlaceFail = (message: string, node?: YamlNode | null) => never;

/** What reading custom rules needs of a YAML file: its text, its name, and its line counter. */
export interface YamlSource {
  text: string;
  file: string;
  lineCounter: LineCounter;
}

const RULE_KEYS = ["id", "title", "severity", "message", "messageExpression", "match", "variables", "validations", "fieldPath", "frameworks", "rationale", "remediation"];
const MATCH_KEYS = ["apiGroups", "kinds", "namespaces", "labelSelector"];
const VALIDATION_KEYS = ["expression", "message", "messageExpression", "fieldPath"];
const FRAMEWORK_NAMES: readonly Framework[] = ["PSS", "CIS", "NSA-CISA", "PCI-DSS", "MITRE-ATT&CK"];
/** Lower-case words and digits joined by `-`, optionally grouped with `/` (`acme/require-team-label`). */
const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)*$/;
const CEL_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A scalar's value with the place of each of its characters: the value is matched character by
 * character against the source from the scalar's start, skipping what YAML leaves out (quotes,
 * escapes' backslashes, a block scalar's indentation and folded line breaks).
 */
export function sourceString(node: Scalar, source: YamlSource): SourceString {
  const value = String(node.value);
  const [start, end] = node.range ?? [0, 0];
  let from = start;
  if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) from += 1;
  else if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) from = source.text.indexOf("\n", start) + 1;
  const at = (offset = 0): SourcePosition => {
    let i = from;
    for (let k = 0; k < Math.min(offset, value.length); k++) {
      const wanted = value[k];
      let j = i;
      while (j < end && source.text[j] !== wanted) j++;
      // A folded line break reads as a space: keep the place when the character is not in the source.
      i = j < end ? j + 1 : i;
    }
    while (i < end && /[ \t\r\n]/.test(source.text[i]) && !/[ \t\r\n]/.test(value[offset] ?? "x")) i++;
    const { line, col } = source.lineCounter.linePos(Math.min(i, Math.max(end - 1, start)));
    return { file: source.file, line, column: col };
  };
  return { value, at };
}

function keyOf(pair: { key: unknown }): string {
  return isScalar(pair.key) ? String(pair.key.value) : "";
}

/** Reads one custom rule mapping; `fail` raises the configuration error at a node. */
export function readCustomRule(node: YamlNode, source: YamlSource, fail: PlaceFail): CustomRuleSpec {
  if (!isMap(node)) return fail("a custom rule must be a mapping with id, title, severity, match and validations", node);
  const fields = new Map<string, YamlNode>();
  for (const pair of node.items) {
    const key = keyOf(pair);
    if (!RULE_KEYS.includes(key)) fail(`unknown custom rule field "${key}"; expected ${RULE_KEYS.join(", ")}`, pair.key as YamlNode);
    fields.set(key, (pair.value as YamlNode | null) ?? (pair.key as YamlNode));
  }
  const required = (key: string): YamlNode => fields.get(key) ?? fail(`a custom rule needs ${key}`, node);
  const text = (value: YamlNode, what: string): string => {
    if (!isScalar(value) || typeof value.value !== "string" || value.value.trim() === "") return fail(`${what} must be a non-empty string`, value);
    return value.value;
  };
  const cel = (value: YamlNode, what: string): SourceString => {
    text(value, what);
    return sourceString(value as Scalar, source);
  };
  const optional = <T>(key: string, read: (value: YamlNode, what: string) => T): T | undefined => {
    const value = fields.get(key);
    return value === undefined ? undefined : read(value, key);
  };

  const idNode = required("id");
  const id = text(idNode, "id");
  if (!RULE_ID.test(id)) fail(`custom rule id "${id}" must be lower-case words joined by "-" (groups separated by "/"), e.g. acme/require-team-label`, idNode);
  if (id.startsWith("kubeward/") || id.startsWith(VAP_RULE_PREFIX)) fail(`custom rule id "${id}" may not start with kubeward/ or ${VAP_RULE_PREFIX}: those name diagnostics and admission policies`, idNode);
  const severityNode = required("severity");
  const severity = isScalar(severityNode) ? severityNode.value : undefined;
  if (!SEVERITIES.includes(severity as Severity)) fail(`severity must be one of ${SEVERITIES.join(", ")}`, severityNode);

  const validationsNode = required("validations");
  if (!isSeq(validationsNode) || validationsNode.items.length === 0) fail("validations must be a non-empty list of {expression, message?, messageExpression?, fieldPath?}", validationsNode);
  const validations = validationsNode.items.map((item): CustomValidationSpec => {
    if (!isMap(item)) return fail("a validation must be a mapping with expression", item as YamlNode);
    const entry = new Map<string, YamlNode>();
    for (const pair of item.items) {
      const key = keyOf(pair);
      if (!VALIDATION_KEYS.includes(key)) fail(`unknown validation field "${key}"; expected ${VALIDATION_KEYS.join(", ")}`, pair.key as YamlNode);
      entry.set(key, (pair.value as YamlNode | null) ?? (pair.key as YamlNode));
    }
    const expression = entry.get("expression") ?? fail("a validation needs an expression", item);
    const validation: CustomValidationSpec = { expression: cel(expression, "expression") };
    const message = entry.get("message");
    if (message) validation.message = text(message, "message");
    const messageExpression = entry.get("messageExpression");
    if (messageExpression) validation.messageExpression = cel(messageExpression, "messageExpression");
    const fieldPath = entry.get("fieldPath");
    if (fieldPath) validation.fieldPath = cel(fieldPath, "fieldPath");
    return validation;
  });

  const variables = optional("variables", (value) => {
    if (!isSeq(value)) return fail("variables must be a list of {name, expression}", value);
    return value.items.map((item) => {
      if (!isMap(item)) return fail("a variable must be a mapping with name and expression", item as YamlNode);
      let name: string | undefined;
      let expression: SourceString | undefined;
      for (const pair of item.items) {
        const key = keyOf(pair);
        const entry = (pair.value as YamlNode | null) ?? (pair.key as YamlNode);
        if (key === "name") {
          name = text(entry, "variable name");
          if (!CEL_IDENTIFIER.test(name)) fail(`variable name "${name}" must be a CEL identifier (letters, digits and _)`, entry);
        } else if (key === "expression") expression = cel(entry, "variable expression");
        else fail(`unknown variable field "${key}"; expected name and expression`, pair.key as YamlNode);
      }
      if (name === undefined || expression === undefined) return fail("a variable needs a name and an expression", item);
      return { name, expression };
    });
  });

  const spec: CustomRuleSpec = {
    id,
    title: text(required("title"), "title"),
    severity: severity as Severity,
    match: optional("match", (value) => readMatch(value, fail)) ?? {},
    variables: variables ?? [],
    validations,
    frameworks: optional("frameworks", (value) => readFrameworkRefs(value, fail)) ?? [],
    defined: { file: source.file, ...positionOf(idNode, source) },
  };
  const message = optional("message", text);
  if (message !== undefined) spec.message = message;
  const messageExpression = optional("messageExpression", cel);
  if (messageExpression) spec.messageExpression = messageExpression;
  const fieldPath = optional("fieldPath", cel);
  if (fieldPath) spec.fieldPath = fieldPath;
  const rationale = optional("rationale", text);
  if (rationale !== undefined) spec.rationale = rationale;
  const remediation = optional("remediation", text);
  if (remediation !== undefined) spec.remediation = remediation;
  return spec;
}

function positionOf(node: YamlNode, source: YamlSource): { line: number; column: number } {
  const { line, col } = source.lineCounter.linePos(node.range?.[0] ?? 0);
  return { line, column: col };
}

function readMatch(value: YamlNode, fail: PlaceFail): CustomRuleSpec["match"] {
  if (!isMap(value)) return fail(`match must be a mapping of ${MATCH_KEYS.join(", ")}`, value);
  const match: CustomRuleSpec["match"] = {};
  for (const pair of value.items) {
    const key = keyOf(pair);
    const entry = (pair.value as YamlNode | null) ?? (pair.key as YamlNode);
    if (key === "apiGroups" || key === "kinds" || key === "namespaces") {
      if (!isSeq(entry)) fail(`match.${key} must be a list of strings`, entry);
      match[key] = (entry as { items: YamlNode[] }).items.map((item) => {
        // The core API group is "": a bare `- ""` or an empty item.
        if (isScalar(item) && (typeof item.value === "string" || item.value === null)) return item.value ?? "";
        return fail(`match.${key} entries must be strings`, item);
      });
    } else if (key === "labelSelector") {
      const selector: unknown = (entry as { toJSON(): unknown }).toJSON();
      if (!isRecord(selector)) fail("match.labelSelector must be a mapping of matchLabels and matchExpressions", entry);
      for (const [selectorKey] of Object.entries(selector as Record<string, unknown>)) {
        if (selectorKey !== "matchLabels" && selectorKey !== "matchExpressions") fail(`unknown labelSelector field "${selectorKey}"; expected matchLabels and matchExpressions`, entry);
      }
      match.labelSelector = selector;
    } else fail(`unknown match field "${key}"; expected ${MATCH_KEYS.join(", ")}`, pair.key as YamlNode);
  }
  return match;
}

/** `frameworks: [{framework: CIS, control: "5.2.2"}]`, each a control the framework data knows. */
function readFrameworkRefs(value: YamlNode, fail: PlaceFail): FrameworkRef[] {
  if (!isSeq(value)) return fail("frameworks must be a list of {framework, control}", value);
  return value.items.map((item) => {
    const plain: unknown = isMap(item) ? item.toJSON() : undefined;
    if (!isRecord(plain) || typeof plain.framework !== "string" || typeof plain.control !== "string" || Object.keys(plain).length !== 2) {
      return fail(`a frameworks entry must be {framework, control}, framework one of ${FRAMEWORK_NAMES.join(", ")}`, item as YamlNode);
    }
    if (!(FRAMEWORK_NAMES as readonly string[]).includes(plain.framework)) fail(`unknown framework "${plain.framework}"; expected one of ${FRAMEWORK_NAMES.join(", ")}`, item as YamlNode);
    const ref = { framework: plain.framework as Framework, control: plain.control };
    if (!isKnownControl(ref)) fail(`${ref.framework} has no control "${ref.control}" that kubeward knows (see docs/frameworks.md)`, item as YamlNode);
    return ref;
  });
}

/** The custom rules of the YAML files in `dir` (each document one rule, or a list of rules); `fail` gets file, line and column. */
export function readRuleFiles(dir: string, display: string, fail: (message: string, at?: SourcePosition) => never): CustomRuleSpec[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) return fail(`--rules ${display} is not a folder`);
    names = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch (error) {
    return fail(`cannot read --rules ${display}: ${(error as Error).message}`);
  }
  const specs: CustomRuleSpec[] = [];
  for (const name of names) {
    const file = path.join(display, name).split(path.sep).join("/");
    const text = readFileSync(path.join(dir, name), "utf8");
    const lineCounter = new LineCounter();
    const source: YamlSource = { text, file, lineCounter };
    const failAt: PlaceFail = (message, node) => {
      const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
      return fail(message, { file, line, column: col });
    };
    for (const document of parseAllDocuments(text, { lineCounter, prettyErrors: false })) {
      const error = document.errors.at(0);
      if (error) {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        fail(`invalid YAML: ${error.message.split("\n")[0]}`, { file, line, column: col });
      }
      const root = document.contents;
      if (root === null) continue;
      const items = isSeq(root) ? root.items : [root];
      for (const item of items) specs.push(readCustomRule(item, source, failAt));
    }
  }
  return specs;
}
