import type { CustomRuleSpec, SourcePosition, SourceString } from "../core/custom-rule-spec.js";
import { recordOf } from "../core/json.js";
import type { RuleMeta } from "../core/rule-meta.js";
import type { K8sObject, Path } from "../core/types.js";
import { selectorMatches } from "../engine/labels.js";
import { lookupNamespace, type ObjectIndex } from "../engine/object-index.js";
import type { DeferredReport, Report, Rule } from "../engine/rule.js";
import { celVariables, compileCel, evaluateCel, type CelProgram } from "./cel.js";
import { parseFieldPath } from "./field-path.js";

/** A mistake in a custom rule, at the place in its file (inside a CEL expression, at the character the CEL error names). */
export class CustomRuleError extends Error {
  constructor(
    message: string,
    readonly at: SourcePosition,
  ) {
    super(message);
  }
}

/** What a custom rule's CEL may name: what a ValidatingAdmissionPolicy offers, without a request's user. */
const CUSTOM_RULE_VARIABLES = ["object", "oldObject", "params", "namespaceObject", "variables"];

export const CUSTOM_MESSAGES = { violation: "{{message}}" } as const;

/** Compiles `source`, or throws the error at the expression's character the CEL error names. */
export function compileAt(source: SourceString, variables: readonly string[], what: string): CelProgram {
  const compiled = compileCel(source.value, { variables });
  if (compiled.ok) return compiled.program;
  const detail = compiled.error.functionName ? `${compiled.error.message} (function ${compiled.error.functionName})` : compiled.error.message;
  throw new CustomRuleError(`${what} is not valid CEL: ${detail}`, source.at(compiled.error.offset));
}

/** A field path of a finding, or throws at the character that is wrong. */
export function fieldPathAt(source: SourceString): Path {
  const parsed = parseFieldPath(source.value);
  if ("error" in parsed) throw new CustomRuleError(`fieldPath "${source.value}": ${parsed.error}`, source.at(parsed.offset));
  return parsed.path;
}

/** The API group of an apiVersion: "" for the core group's `v1`. */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}

interface CompiledValidation {
  expression: string;
  program: CelProgram;
  message?: string;
  messageProgram?: CelProgram;
  path: Path;
}

/** A custom rule made a rule like any other: matched by kind, group, namespace and labels, its validations evaluated in CEL. */
export function compileCustomRule(spec: CustomRuleSpec): Rule {
  const what = (where: string): string => `custom rule "${spec.id}": ${where}`;
  const variables = spec.variables.map((variable) => ({ name: variable.name, program: compileAt(variable.expression, CUSTOM_RULE_VARIABLES, what(`variable "${variable.name}"`)) }));
  const ruleMessage = spec.messageExpression ? compileAt(spec.messageExpression, CUSTOM_RULE_VARIABLES, what("messageExpression")) : undefined;
  const rulePath = spec.fieldPath ? fieldPathAt(spec.fieldPath) : [];
  const validations: CompiledValidation[] = spec.validations.map((validation, index) => {
    const compiled: CompiledValidation = {
      expression: validation.expression.value,
      program: compileAt(validation.expression, CUSTOM_RULE_VARIABLES, what(`validations[${index}].expression`)),
      path: validation.fieldPath ? fieldPathAt(validation.fieldPath) : rulePath,
    };
    const message = validation.message ?? spec.message;
    if (message !== undefined) compiled.message = message;
    const messageProgram = validation.messageExpression ? compileAt(validation.messageExpression, CUSTOM_RULE_VARIABLES, what(`validations[${index}].messageExpression`)) : ruleMessage;
    if (messageProgram) compiled.messageProgram = messageProgram;
    return compiled;
  });
  const texts = [...spec.variables.map((v) => v.expression.value), ...spec.validations.flatMap((v) => [v.expression.value, v.messageExpression?.value ?? ""]), spec.messageExpression?.value ?? ""];
  const readsNamespace = texts.some((text) => /\bnamespaceObject\b/.test(text));
  const matches = objectMatcher(spec.match);

  /** Each validation's failure message, or undefined where it holds. */
  const evaluate = (object: Pick<K8sObject, "kind" | "name" | "namespace">, body: Record<string, unknown>, namespaceObject: unknown): Array<string | undefined> => {
    const base = { object: body, oldObject: null, params: null, namespaceObject };
    const activation = { ...base, variables: celVariables(variables, base) };
    return validations.map((validation) => {
      const result = evaluateCel(validation.program, activation);
      if (!result.ok) return `the expression \`${validation.expression}\` could not be evaluated on ${describeObject(object)}: ${result.error.message}`;
      return result.value === true ? undefined : failureMessage(validation.messageProgram, validation.message, validation.expression, activation);
    });
  };

  return {
    meta: customRuleMeta(spec),
    lookupKinds: readsNamespace ? ["Namespace"] : undefined,
    *check(object): Iterable<Report | DeferredReport> {
      if (!matches(object)) return;
      if (!readsNamespace) {
        const failures = evaluate(object, object.body, null);
        for (const [i, message] of failures.entries()) if (message !== undefined) yield { path: validations[i].path, messageId: "violation", data: { message } };
        return;
      }
      // The namespace's own object may come later in the run: evaluate once every object is read.
      const body = object.body;
      const identity = { kind: object.kind, name: object.name, namespace: object.namespace };
      const namespace = lookupNamespace(object);
      let results: Array<string | undefined> | undefined;
      const resultsWith = (index: ObjectIndex): Array<string | undefined> =>
        (results ??= evaluate(identity, body, namespace === undefined ? null : (index.find("Namespace", undefined, namespace)?.body ?? null)));
      for (const [i, validation] of validations.entries()) {
        yield {
          path: validation.path,
          settle: (index) => {
            const message = resultsWith(index)[i];
            return message === undefined ? undefined : { messageId: "violation", data: { message } };
          },
        };
      }
    },
  };
}

/**
 * A failed validation's message, as the API server makes it: the messageExpression's string (an empty or
 * multi-line one is discarded), else the static message, else the expression that failed.
 */
export function failureMessage(messageProgram: CelProgram | undefined, message: string | undefined, expression: string, activation: Record<string, unknown>): string {
  if (messageProgram) {
    const result = evaluateCel(messageProgram, activation);
    if (result.ok && typeof result.value === "string" && result.value.trim() !== "" && !result.value.includes("\n")) return result.value;
  }
  return message ?? `failed expression: ${expression}`;
}

export function describeObject(object: { kind: string; name: string; namespace?: string }): string {
  return `${object.kind} "${object.namespace ? `${object.namespace}/` : ""}${object.name}"`;
}

function customRuleMeta(spec: CustomRuleSpec): Rule["meta"] {
  const meta: RuleMeta & { messages: typeof CUSTOM_MESSAGES } = {
    id: spec.id,
    title: spec.title,
    severity: spec.severity,
    category: "custom",
    rationale: spec.rationale ?? `A custom rule defined in ${spec.defined.file}:${spec.defined.line}.`,
    remediation: spec.remediation ?? "Change the object so that the rule's validations hold.",
    frameworks: spec.frameworks,
    equivalents: {},
    messages: CUSTOM_MESSAGES,
  };
  return meta;
}

/** Whether an object is one a rule's `match` names: every given list must name it, and the selector select it. */
function objectMatcher(match: CustomRuleSpec["match"]): (object: K8sObject) => boolean {
  const kinds = match.kinds && !match.kinds.includes("*") ? new Set(match.kinds) : undefined;
  const groups = match.apiGroups && !match.apiGroups.includes("*") ? new Set(match.apiGroups) : undefined;
  const namespaces = match.namespaces ? new Set(match.namespaces) : undefined;
  return (object) => {
    if (kinds && !kinds.has(object.kind)) return false;
    if (groups && !groups.has(groupOf(object.apiVersion))) return false;
    if (namespaces && (object.namespace === undefined || !namespaces.has(object.namespace))) return false;
    if (match.labelSelector && !selectorMatches(match.labelSelector, recordOf(recordOf(object.body.metadata).labels))) return false;
    return true;
  };
}
