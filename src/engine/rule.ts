import type { K8sObject, Path } from "../core/types.js";
import type { Severity } from "../core/rule-meta.js";
import type { ObjectIndex } from "./object-index.js";
import type { RuleMeta } from "../core/rule-meta.js";
import { optionProblem, type OptionSpecs, type OptionValues } from "../core/rule-options.js";
import type { DataFor, MessageData } from "../core/message.js";

/** A rule's message templates by id; `{{name}}` is filled from the report's data. */
export type Messages = Readonly<Record<string, string>>;

/** A message a rule chose: the id of one of its templates, with the values for its placeholders. */
export type MessageOf<M extends Messages> = { [Id in keyof M & string]: { messageId: Id } & DataFor<M[Id]> }[keyof M & string];

/** What a rule says: which object, which field path, and which message. The engine finds the line. */
export type ReportOf<M extends Messages> = { path: Path } & MessageOf<M>;

/** Another place that explains a settled finding (the role a binding grants, a binding that grants a role): a field of an object in the index. */
export interface RelatedPlace {
  object: K8sObject;
  path: Path;
  message: string;
}

/**
 * What a deferred report settles to: its message, the places that explain it, and a severity it is
 * lowered to when what the other objects say makes it matter less (never raised above the configured one).
 */
export type SettledOf<M extends Messages> = MessageOf<M> & SettledExtras;

export interface SettledExtras {
  related?: readonly RelatedPlace[];
  lowerTo?: Severity;
  /**
   * Settled findings of one rule in one scope with the same key are reported once, at the first object
   * linted: a chart that ships no NetworkPolicy is one finding, not one per workload.
   */
  oncePerScope?: string;
}

/**
 * A per-object finding whose verdict depends on other objects (the ServiceAccount a pod names, the
 * CustomResourceDefinition of a kind). The engine locates it at once and calls `settle` after every
 * object has been read, with the objects of the rule's `lookupKinds` linted together with this one.
 * `settle` gives the message, or undefined to drop the finding. It should capture plain values, not
 * the object: objects are not kept once linted, which is what keeps large runs small and fast.
 */
export interface DeferredReportOf<M extends Messages> {
  path: Path;
  // A function property, not a method: the engine calls it detached from the report.
  settle: (others: ObjectIndex) => SettledOf<M> | undefined;
}

/**
 * The objects a rule can report on (or examine): the engine calls `check` on those only, worked out once per
 * apiVersion and kind. An object is one when its kind holds a pod spec (`podSpec`: the built-in workload kinds,
 * the custom pod-template kinds and those a config adds), or its kind is among `kinds` (in any API group), or
 * its API group among `groups` ("" is the core group); and then, if given, `when(object)` holds. `when` is
 * called for every such object before the rule, so it must be cheap (a memoised reader's answer). Without
 * `appliesTo`, the rule's category decides (pod-security: pod specs, rbac: the RBAC group, namespaces:
 * Namespaces), else every object. The rule tester fails a rule that reports on, or examines, an object it excludes.
 */
export interface AppliesTo {
  podSpec?: boolean;
  kinds?: readonly string[];
  groups?: readonly string[];
  when?: (object: K8sObject) => boolean;
}

export interface RuleContext<Options = Readonly<Record<string, unknown>>> {
  options: Options;
}

/** A rule as its file declares it: messages and options typed, so reports and option reads are checked. */
export interface RuleDefinition<M extends Messages, O extends OptionSpecs> {
  meta: RuleMeta & { messages: M; options?: O };
  check(object: K8sObject, context: RuleContext<OptionValues<O>>): Iterable<ReportOf<M> | DeferredReportOf<M>>;
  /** Kinds that the `settle` functions of this rule's deferred reports look up; objects of these kinds are kept. */
  lookupKinds?: readonly string[];
  /**
   * Whether `object` is one the rule checks (a kube-apiserver manifest, say). The compliance report uses it to
   * tell a control whose rules had nothing among the inputs to check from one they passed; without it, any object.
   */
  examines?: (object: K8sObject) => boolean;
  appliesTo?: AppliesTo;
}

/** A report as the engine reads it, whatever the rule. */
export interface Report {
  path: Path;
  messageId: string;
  data?: MessageData;
}

export type Settled = Omit<Report, "path"> & SettledExtras;

export interface DeferredReport {
  path: Path;
  settle: (others: ObjectIndex) => Settled | undefined;
}

/** A rule as the engine runs it. */
export interface Rule {
  meta: RuleMeta & { messages: Messages };
  check(object: K8sObject, context: RuleContext): Iterable<Report | DeferredReport>;
  lookupKinds?: readonly string[];
  examines?: (object: K8sObject) => boolean;
  appliesTo?: AppliesTo;
}

/**
 * Declares a rule, checking its declaration once: every option default has its declared type and
 * every message id is a name a test can refer to. A mistake here fails at load, in every test.
 */
// eslint-disable-next-line @typescript-eslint/no-generated-empty-object-type -- intended: a rule that declares no options can read none
export function defineRule<const M extends Messages, const O extends OptionSpecs = Record<never, never>>(rule: RuleDefinition<M, O>): Rule {
  const { id, options, messages } = rule.meta;
  if (Object.keys(messages).length === 0) throw new Error(`rule ${id} declares no messages`);
  for (const [messageId, template] of Object.entries(messages)) {
    if (!/^[a-z][A-Za-z0-9]*$/.test(messageId)) throw new Error(`rule ${id}: message id "${messageId}" must be camelCase`);
    if (template.trim() === "") throw new Error(`rule ${id}: message "${messageId}" is empty`);
  }
  for (const [name, spec] of Object.entries(options ?? {})) {
    const problem = optionProblem(id, options, name, spec.default);
    if (problem) throw new Error(`the default of ${problem}`);
  }
  // The typed definition is the engine's Rule seen from inside: options are resolved before check runs.
  return rule as unknown as Rule;
}
