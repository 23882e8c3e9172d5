import { arrayOf, isRecord, recordOf, stringsOf } from "../core/json.js";
import type { RuleMeta, Severity } from "../core/rule-meta.js";
import { VAP_RULE_PREFIX } from "../core/custom-rule-spec.js";
import type { JsonObject, K8sObject, Path } from "../core/types.js";
import { isEmptySelector, selectorMatches } from "../engine/labels.js";
import type { DeferredReport, RelatedPlace, Report, Rule, Settled } from "../engine/rule.js";
import { celVariables, compileCel, evaluateCel, type CelProgram } from "./cel.js";
import { describeObject, failureMessage, groupOf } from "./custom-rules.js";
import { parseFieldPath } from "./field-path.js";
import { resourceOf } from "./resources.js";

export const POLICY_KIND = "ValidatingAdmissionPolicy";
export const BINDING_KIND = "ValidatingAdmissionPolicyBinding";
const POLICY_GROUP = "admissionregistration.k8s.io";

/** The variables a policy's CEL may name (Kubernetes' ValidatingAdmissionPolicy environment). */
const POLICY_VARIABLES = ["object", "oldObject", "request", "params", "namespaceObject", "variables", "authorizer"];
/** What an expression may read that only the API server knows: who asks, and what they may do. */
const UNKNOWABLE: ReadonlyArray<{ pattern: RegExp; what: string }> = [
  { pattern: /\bauthorizer\b/, what: "`authorizer` (the requester's permissions)" },
  { pattern: /\brequest\s*\.\s*userInfo\b/, what: "`request.userInfo` (who makes the request)" },
];

/** Whether an object is a ValidatingAdmissionPolicy or a binding of one (admissionregistration.k8s.io). */
export function isPolicyObject(object: { apiVersion: string; kind: string }): boolean {
  return groupOf(object.apiVersion) === POLICY_GROUP && (object.kind === POLICY_KIND || object.kind === BINDING_KIND);
}

interface ResourceRule {
  apiGroups: string[];
  apiVersions: string[];
  resources: string[];
  operations: string[];
  scope: string;
}

interface MatchResources {
  resourceRules: ResourceRule[];
  excludeResourceRules: ResourceRule[];
  namespaceSelector?: JsonObject;
  objectSelector?: JsonObject;
  exact: boolean;
}

interface Expression {
  text: string;
  program?: CelProgram;
  /** Where it is written in the policy. */
  path: Path;
}

interface Validation {
  index: number;
  expression: Expression;
  message?: string;
  messageExpression?: Expression;
  reason?: string;
  fieldPath: Path;
}

interface Policy {
  name: string;
  object: K8sObject;
  failurePolicy: "Fail" | "Ignore";
  paramKind?: { group: string; kind: string; apiVersion: string };
  constraints: MatchResources;
  matchConditions: Array<{ name: string; expression: Expression }>;
  variables: Array<{ name: string; expression: Expression }>;
  validations: Validation[];
  auditAnnotations: Array<{ key: string; expression: Expression }>;
  /** Compile errors and what cannot be known offline: findings on the policy. */
  problems: Array<{ path: Path; message: string; note: boolean }>;
  /** Why none of it is evaluated (a match condition or variable that cannot be known offline or compiled). */
  blocked?: string;
}

interface Binding {
  name: string;
  object: K8sObject;
  policyName: string;
  paramRef?: { name?: string; namespace?: string; selector?: JsonObject; notFound: "Allow" | "Deny" };
  matchResources?: MatchResources;
  actions: string[];
}

/** Namespaces and params objects of the whole run, as admission sees the cluster's. */
class RunObjects {
  readonly namespaces = new Map<string, JsonObject>();
  readonly params = new Map<string, Array<{ name: string; namespace?: string; labels: Record<string, unknown>; body: JsonObject }>>();

  constructor(readonly paramKinds: ReadonlySet<string>) {}

  observe(objects: readonly K8sObject[]): void {
    for (const object of objects) {
      if (object.kind === "Namespace" && object.apiVersion === "v1") this.namespaces.set(object.name, object.body);
      const key = `${groupOf(object.apiVersion)}/${object.kind}`;
      if (!this.paramKinds.has(key)) continue;
      const list = this.params.get(key) ?? [];
      list.push({ name: object.name, namespace: object.namespace, labels: recordOf(recordOf(object.body.metadata).labels), body: object.body });
      this.params.set(key, list);
    }
  }
}

/** The rules of a run's policies (`vap/<policy name>`), and what they must see of every object. */
export interface PolicySet {
  rules: Rule[];
  /** Hands the run's objects over (every one, once): namespaces and params objects are kept. */
  observe(objects: readonly K8sObject[]): void;
}

export const VAP_MESSAGES = { violation: "{{message}}" } as const;

/** Reads the policies and bindings (from the inputs and `--policies`), compiling every expression once. */
export function policySet(objects: readonly K8sObject[]): PolicySet {
  const policies = new Map<string, Policy>();
  const bindings: Binding[] = [];
  for (const object of objects) {
    if (object.kind === POLICY_KIND && !policies.has(object.name)) policies.set(object.name, readPolicy(object));
    else if (object.kind === BINDING_KIND) bindings.push(readBinding(object));
  }
  const paramKinds = new Set([...policies.values()].flatMap((policy) => (policy.paramKind ? [`${policy.paramKind.group}/${policy.paramKind.kind}`] : [])));
  const store = new RunObjects(paramKinds);
  const rules = [...policies.values()].map((policy) => policyRule(policy, bindings.filter((binding) => binding.policyName === policy.name), store));
  // A binding of a policy that is not among the inputs: its rule only says so.
  const orphans = new Map<string, Binding[]>();
  for (const binding of bindings) if (!policies.has(binding.policyName)) orphans.set(binding.policyName, [...(orphans.get(binding.policyName) ?? []), binding]);
  for (const [name, orphaned] of orphans) rules.push(orphanRule(name, orphaned));
  return {
    rules,
    observe: (list) => {
      store.observe(list);
    },
  };
}

/** A field path as Kubernetes writes it in messages: `spec.validations[0].expression`. */
function describePath(path: Path): string {
  return path.map((segment, i) => (typeof segment === "number" ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join("");
}

function compile(text: unknown, path: Path, problems: Policy["problems"]): Expression {
  const source = typeof text === "string" ? text : "";
  const expression: Expression = { text: source, path };
  if (typeof text !== "string" || source.trim() === "") {
    problems.push({ path, message: "the expression is missing or not a string", note: false });
    return expression;
  }
  const unknowable = UNKNOWABLE.find((candidate) => candidate.pattern.test(source));
  if (unknowable) {
    problems.push({ path, message: `reads ${unknowable.what}, which kubeward cannot know offline, so it is not evaluated`, note: true });
    return expression;
  }
  const compiled = compileCel(source, { variables: POLICY_VARIABLES });
  if (compiled.ok) expression.program = compiled.program;
  else {
    const where = compiled.error.offset === undefined ? "" : ` at character ${compiled.error.offset + 1}`;
    problems.push({ path, message: `is not valid CEL${where}: ${compiled.error.message}`, note: false });
  }
  return expression;
}

function readRules(value: unknown): ResourceRule[] {
  return arrayOf(value).map(recordOf).map((rule) => ({
    apiGroups: stringsOf(rule.apiGroups),
    apiVersions: stringsOf(rule.apiVersions),
    resources: stringsOf(rule.resources),
    operations: stringsOf(rule.operations),
    scope: typeof rule.scope === "string" ? rule.scope : "*",
  }));
}

function readMatchResources(value: unknown): MatchResources {
  const match = recordOf(value);
  const resources: MatchResources = {
    resourceRules: readRules(match.resourceRules),
    excludeResourceRules: readRules(match.excludeResourceRules),
    exact: match.matchPolicy === "Exact",
  };
  if (isRecord(match.namespaceSelector) && !isEmptySelector(match.namespaceSelector)) resources.namespaceSelector = match.namespaceSelector;
  if (isRecord(match.objectSelector) && !isEmptySelector(match.objectSelector)) resources.objectSelector = match.objectSelector;
  return resources;
}

function readPolicy(object: K8sObject): Policy {
  const spec = recordOf(object.body.spec);
  const problems: Policy["problems"] = [];
  const paramKind = recordOf(spec.paramKind);
  const policy: Policy = {
    name: object.name,
    object,
    failurePolicy: spec.failurePolicy === "Ignore" ? "Ignore" : "Fail",
    constraints: readMatchResources(spec.matchConstraints),
    matchConditions: arrayOf(spec.matchConditions).map(recordOf).map((condition, i) => ({
      name: typeof condition.name === "string" ? condition.name : String(i),
      expression: compile(condition.expression, ["spec", "matchConditions", i, "expression"], problems),
    })),
    variables: arrayOf(spec.variables).map(recordOf).map((variable, i) => ({
      name: typeof variable.name === "string" ? variable.name : "",
      expression: compile(variable.expression, ["spec", "variables", i, "expression"], problems),
    })),
    validations: arrayOf(spec.validations).map(recordOf).map((validation, index) => {
      const read: Validation = { index, expression: compile(validation.expression, ["spec", "validations", index, "expression"], problems), fieldPath: [] };
      if (typeof validation.message === "string") read.message = validation.message;
      if (typeof validation.messageExpression === "string") read.messageExpression = compile(validation.messageExpression, ["spec", "validations", index, "messageExpression"], problems);
      if (typeof validation.reason === "string") read.reason = validation.reason;
      if (typeof validation.fieldPath === "string") {
        const parsed = parseFieldPath(validation.fieldPath);
        if ("path" in parsed) read.fieldPath = parsed.path;
        else problems.push({ path: ["spec", "validations", index, "fieldPath"], message: `fieldPath: ${parsed.error}`, note: false });
      }
      return read;
    }),
    auditAnnotations: arrayOf(spec.auditAnnotations).map(recordOf).map((annotation, i) => ({
      key: typeof annotation.key === "string" ? annotation.key : "",
      expression: compile(annotation.valueExpression, ["spec", "auditAnnotations", i, "valueExpression"], problems),
    })),
    problems,
  };
  if (typeof paramKind.kind === "string" && typeof paramKind.apiVersion === "string") {
    policy.paramKind = { group: groupOf(paramKind.apiVersion), kind: paramKind.kind, apiVersion: paramKind.apiVersion };
  }
  const unusable = [...policy.matchConditions, ...policy.variables].find((entry) => entry.expression.program === undefined);
  if (unusable) policy.blocked = `\`${unusable.expression.text}\` (${describePath(unusable.expression.path)}) cannot be evaluated`;
  return policy;
}

function readBinding(object: K8sObject): Binding {
  const spec = recordOf(object.body.spec);
  const binding: Binding = {
    name: object.name,
    object,
    policyName: typeof spec.policyName === "string" ? spec.policyName : "",
    actions: stringsOf(spec.validationActions),
  };
  if (isRecord(spec.paramRef)) {
    const ref = spec.paramRef;
    binding.paramRef = { notFound: ref.parameterNotFoundAction === "Allow" ? "Allow" : "Deny" };
    if (typeof ref.name === "string") binding.paramRef.name = ref.name;
    if (typeof ref.namespace === "string") binding.paramRef.namespace = ref.namespace;
    if (isRecord(ref.selector)) binding.paramRef.selector = ref.selector;
  }
  if (isRecord(spec.matchResources)) binding.matchResources = readMatchResources(spec.matchResources);
  return binding;
}

/** What admission knows of an object's type: group, version, resource, and whether it lives in a namespace. */
interface Target {
  group: string;
  version: string;
  resource: string;
  derived: boolean;
  clusterScoped: boolean;
}

function targetOf(object: { apiVersion: string; kind: string; namespace?: string }): Target {
  const slash = object.apiVersion.indexOf("/");
  const { resource, derived, clusterScoped } = resourceOf(object.kind);
  return {
    group: slash < 0 ? "" : object.apiVersion.slice(0, slash),
    version: slash < 0 ? object.apiVersion : object.apiVersion.slice(slash + 1),
    resource,
    derived,
    // A custom kind's scope is unknown offline: one written without a namespace is taken as cluster-wide.
    clusterScoped: derived ? object.namespace === undefined : clusterScoped,
  };
}

const any = (list: readonly string[], value: string): boolean => list.includes("*") || list.includes(value);

/** Whether a resource rule covers creating this object; `exact` (matchPolicy Exact) also asks for its version. */
function ruleCovers(rule: ResourceRule, target: Target, exact: boolean): boolean {
  // Objects in manifests are created (or updated to what the manifest says): CREATE and UPDATE.
  if (!rule.operations.some((operation) => operation === "*" || operation === "CREATE" || operation === "UPDATE")) return false;
  if (!any(rule.apiGroups, target.group)) return false;
  // matchPolicy Equivalent: the API server converts between a resource's versions, so any version of it matches.
  if (exact && !any(rule.apiVersions, target.version)) return false;
  if (!rule.resources.some((resource) => resource === "*" || resource === "*/*" || resource === target.resource || resource === `${target.resource}/*`)) return false;
  if (rule.scope === "Cluster" && !target.clusterScoped) return false;
  if (rule.scope === "Namespaced" && target.clusterScoped) return false;
  return true;
}

function resourcesMatch(match: MatchResources, target: Target, needRules: boolean): boolean {
  if (needRules || match.resourceRules.length > 0) {
    if (!match.resourceRules.some((rule) => ruleCovers(rule, target, match.exact))) return false;
  }
  return !match.excludeResourceRules.some((rule) => ruleCovers(rule, target, match.exact));
}

const severityOfActions = (actions: readonly string[]): Severity | undefined =>
  actions.includes("Deny") ? undefined : actions.includes("Warn") ? "medium" : "low";

function verdict(policy: Policy, binding: Binding, message: string): string {
  if (binding.actions.includes("Deny")) return `ValidatingAdmissionPolicy '${policy.name}' with binding '${binding.name}' denied request: ${message}`;
  if (binding.actions.includes("Warn")) return `Validation failed for ValidatingAdmissionPolicy '${policy.name}' with binding '${binding.name}': ${message}`;
  return `ValidatingAdmissionPolicy '${policy.name}' with binding '${binding.name}' would be recorded in the audit log: ${message}`;
}

/** What one binding of a policy says of one object. */
interface Outcome {
  /** Per validation: the finding's message, or undefined where it holds or was not evaluated. */
  violations: Array<string | undefined>;
  /** A verdict on the whole object (a match condition that failed to evaluate under failurePolicy Fail). */
  denied?: string;
  /** Notes: what could not be decided, errors under failurePolicy Ignore, audit annotations. */
  notes: string[];
  /** Set when the notes are about many objects alike (a namespace not among the inputs): reported once per scope with this key. */
  once?: string;
}

interface Subject {
  kind: string;
  releaseNamespace: boolean;
  name: string;
  namespace?: string;
  apiVersion: string;
  body: JsonObject;
  target: Target;
}

function requestOf(subject: Subject): JsonObject {
  const { group, version, resource } = subject.target;
  const kind = { group, version, kind: subject.kind };
  const resourceRef = { group, version, resource };
  return {
    uid: "",
    kind,
    resource: resourceRef,
    requestKind: kind,
    requestResource: resourceRef,
    name: subject.name,
    namespace: subject.namespace ?? "",
    operation: "CREATE",
    object: subject.body,
    oldObject: null,
    dryRun: false,
    options: { apiVersion: "meta.k8s.io/v1", kind: "CreateOptions" },
  };
}

function evaluateBinding(policy: Policy, binding: Binding, subject: Subject, store: RunObjects): Outcome {
  const outcome: Outcome = { violations: policy.validations.map(() => undefined), notes: [] };
  const who = describeObject(subject);
  // namespaceSelector: decided by the Namespace object among the inputs, never guessed.
  const selectors = [policy.constraints.namespaceSelector, binding.matchResources?.namespaceSelector].filter((selector) => selector !== undefined);
  let namespaceObject: JsonObject | null = null;
  if (!subject.target.clusterScoped || subject.kind === "Namespace") {
    // A chart's objects land in the release namespace, which is chosen at install.
    const name = subject.kind === "Namespace" ? subject.name : subject.releaseNamespace ? undefined : subject.namespace;
    const found = name === undefined ? undefined : subject.kind === "Namespace" ? subject.body : store.namespaces.get(name);
    if (found) namespaceObject = found;
    if (selectors.length > 0) {
      if (!found) {
        const selecting = `whether the namespaceSelector of ValidatingAdmissionPolicy '${policy.name}' (binding '${binding.name}') selects`;
        if (name === undefined) {
          outcome.notes.push(
            subject.releaseNamespace
              ? `${who} is installed into the chart's release namespace, chosen at install, so ${selecting} it is unknown; not evaluated`
              : `${who} names no namespace, so ${selecting} it depends on where it is applied; not evaluated`,
          );
        } else {
          outcome.notes.push(`namespace "${name}" is not among the inputs, so ${selecting} its objects is unknown; they are not evaluated (reported once, at ${who})`);
          outcome.once = `namespace\u0000${binding.name}\u0000${name}`;
        }
        return outcome;
      }
      const labels = recordOf(recordOf(found.metadata).labels);
      if (!selectors.every((selector) => selectorMatches(selector, labels))) return outcome;
    }
  }

  if (policy.blocked) {
    outcome.notes.push(`ValidatingAdmissionPolicy '${policy.name}' is not evaluated on ${who}: ${policy.blocked}`);
    return outcome;
  }

  // Params: the objects of paramKind that the binding's paramRef names, from the inputs.
  let paramsList: unknown[] = [null];
  if (policy.paramKind) {
    const kindName = `${policy.paramKind.kind} (${policy.paramKind.apiVersion})`;
    const ref = binding.paramRef;
    if (!ref) {
      outcome.notes.push(`ValidatingAdmissionPolicy '${policy.name}' takes params of kind ${kindName} but binding '${binding.name}' has no paramRef; Kubernetes rejects such a binding's requests as misconfigured; not evaluated`);
      return outcome;
    }
    const namespace = ref.namespace ?? subject.namespace;
    const candidates = (store.params.get(`${policy.paramKind.group}/${policy.paramKind.kind}`) ?? []).filter(
      (param) =>
        (param.namespace === undefined || param.namespace === namespace) &&
        (ref.name === undefined || param.name === ref.name) &&
        (ref.selector === undefined || selectorMatches(ref.selector, param.labels)),
    );
    if (candidates.length === 0) {
      const wanted = ref.name !== undefined ? `${kindName} "${ref.namespace ? `${ref.namespace}/` : ""}${ref.name}"` : `any ${kindName} its selector selects`;
      outcome.notes.push(
        `binding '${binding.name}' of ValidatingAdmissionPolicy '${policy.name}' takes ${wanted} as params, which is not among the inputs or --policies, so ${who} is not evaluated (in the cluster, parameterNotFoundAction ${ref.notFound} would ${ref.notFound === "Deny" ? "deny it if none exists" : "allow it if none exists"})`,
      );
      return outcome;
    }
    paramsList = candidates.map((param) => param.body);
  }

  const request = requestOf(subject);
  const failed = (expression: Expression, error: string): string => `expression '${expression.text}' resulted in error: ${error}`;
  for (const params of paramsList) {
    const base = { object: subject.body, oldObject: null, request, params, namespaceObject, authorizer: null };
    const activation = { ...base, variables: celVariables(policy.variables.flatMap((v) => (v.expression.program ? [{ name: v.name, program: v.expression.program }] : [])), base) };
    // matchConditions: all must hold for the policy to apply; an error follows failurePolicy.
    let applies = true;
    for (const condition of policy.matchConditions) {
      // A policy is blocked unless every match condition compiled.
      if (!condition.expression.program) continue;
      const result = evaluateCel(condition.expression.program, activation);
      if (!result.ok || typeof result.value !== "boolean") {
        const error = failed(condition.expression, result.ok ? "expected a bool" : result.error.message);
        if (policy.failurePolicy === "Fail") outcome.denied ??= verdict(policy, binding, `matchCondition '${condition.name}': ${error}`);
        else outcome.notes.push(`matchCondition '${condition.name}' of ValidatingAdmissionPolicy '${policy.name}' failed and failurePolicy is Ignore: ${error}`);
        applies = false;
        break;
      }
      if (!result.value) {
        applies = false;
        break;
      }
    }
    if (!applies) continue;
    for (const validation of policy.validations) {
      const program = validation.expression.program;
      if (!program || outcome.violations[validation.index] !== undefined) continue;
      const result = evaluateCel(program, activation);
      if (result.ok && result.value === true) continue;
      if (result.ok && result.value === false) {
        outcome.violations[validation.index] = verdict(policy, binding, failureMessage(validation.messageExpression?.program, validation.message, validation.expression.text, activation) + (validation.reason ? ` (reason ${validation.reason})` : ""));
        continue;
      }
      const error = failed(validation.expression, result.ok ? "expected a bool" : result.error.message);
      if (policy.failurePolicy === "Fail") outcome.violations[validation.index] = verdict(policy, binding, error);
      else outcome.notes.push(`validations[${validation.index}] of ValidatingAdmissionPolicy '${policy.name}' failed and failurePolicy is Ignore: ${error}`);
    }
    for (const annotation of policy.auditAnnotations) {
      if (!annotation.expression.program) continue;
      const result = evaluateCel(annotation.expression.program, activation);
      // A null value leaves the annotation out, as the API server does.
      if (result.ok && result.value !== null) outcome.notes.push(`ValidatingAdmissionPolicy '${policy.name}' adds the audit annotation ${policy.name}/${annotation.key}: ${typeof result.value === "string" ? result.value : JSON.stringify(result.value)}`);
    }
  }
  return outcome;
}

function policyMeta(name: string, rationale: string): RuleMeta & { messages: typeof VAP_MESSAGES } {
  return {
    id: `${VAP_RULE_PREFIX}${name}`,
    title: `ValidatingAdmissionPolicy ${name}`,
    severity: "high",
    category: "admission-policy",
    rationale,
    remediation: "Change the object so that the policy's validations hold, or the policy or its binding if it is the policy that is wrong.",
    frameworks: [],
    equivalents: {},
    messages: VAP_MESSAGES,
    scope: "The policy, its bindings, the Namespace objects (for namespaceSelector) and the params objects of every input and --policies file of the run, as the API server sees the cluster's.",
  };
}

const note = (message: string): Settled => ({ messageId: "violation", data: { message }, lowerTo: "low" });

/** Whether evaluating a binding reads what only the whole run knows: Namespace objects (a namespaceSelector, namespaceObject) or params objects. */
function readsRunObjects(policy: Policy, binding: Binding): boolean {
  if (policy.paramKind || policy.constraints.namespaceSelector || binding.matchResources?.namespaceSelector) return true;
  const expressions = [...policy.matchConditions, ...policy.variables, ...policy.auditAnnotations].map((entry) => entry.expression);
  for (const validation of policy.validations) expressions.push(validation.expression, ...(validation.messageExpression ? [validation.messageExpression] : []));
  return expressions.some((expression) => /\bnamespaceObject\b/.test(expression.text));
}

function policyRule(policy: Policy, bindings: readonly Binding[], store: RunObjects): Rule {
  const place = `${policy.object.origin.file}:${policy.object.locate([]).region.startLine}`;
  // Per kind (apiVersion and kind): the bindings whose resource rules cover it, worked out once.
  const byKind = new Map<string, { bindings: Binding[]; derived?: string }>();
  const candidates = (object: K8sObject): { bindings: Binding[]; derived?: string } => {
    const key = `${object.apiVersion}\u0000${object.kind}\u0000${object.namespace === undefined ? "" : "ns"}`;
    let entry = byKind.get(key);
    if (!entry) {
      const target = targetOf(object);
      const matched = resourcesMatch(policy.constraints, target, true) ? bindings.filter((binding) => !binding.matchResources || resourcesMatch(binding.matchResources, target, false)) : [];
      entry = { bindings: matched };
      // A custom kind's resource name is derived: when a rule names it (not a wildcard), say so.
      if (matched.length > 0 && target.derived && policy.constraints.resourceRules.some((rule) => rule.resources.includes(target.resource))) entry.derived = target.resource;
      byKind.set(key, entry);
    }
    return entry;
  };
  const waitsForRun = new Set(bindings.filter((binding) => readsRunObjects(policy, binding)));
  const related = (binding: Binding, path: Path): RelatedPlace[] => [
    { object: policy.object, path, message: `ValidatingAdmissionPolicy '${policy.name}'` },
    { object: binding.object, path: ["spec", "validationActions"], message: `binding '${binding.name}' (${binding.actions.join(", ") || "no validationActions"})` },
  ];

  return {
    meta: policyMeta(policy.name, `The ValidatingAdmissionPolicy "${policy.name}" (${place}), evaluated offline against the objects its bindings match, as the API server would on creating them.`),
    *check(object): Iterable<Report | DeferredReport> {
      if (isPolicyObject(object)) {
        if (object.kind === POLICY_KIND && object.name === policy.name) {
          for (const problem of policy.problems) {
            const message = `ValidatingAdmissionPolicy '${policy.name}': ${describePath(problem.path)} ${problem.message}`;
            yield problem.note ? { path: problem.path, settle: () => note(message) } : { path: problem.path, messageId: "violation", data: { message } };
          }
          if (bindings.length === 0) {
            yield { path: ["metadata", "name"], settle: () => note(`ValidatingAdmissionPolicy '${policy.name}' has no ValidatingAdmissionPolicyBinding among the inputs or --policies; Kubernetes runs only bound policies, so it checks nothing`) };
          }
        }
        return;
      }
      const { bindings: matched, derived } = candidates(object);
      if (matched.length === 0) return;
      if (derived !== undefined) {
        const message = `ValidatingAdmissionPolicy '${policy.name}' matches kind ${object.kind} (${object.apiVersion}) as the resource "${derived}": kubeward knows the resource names of the built-in kinds and takes a custom kind's to be its lower-case plural; if the CustomResourceDefinition names it otherwise, the policy does not apply to it`;
        yield { path: ["kind"], settle: () => ({ ...note(message), oncePerScope: `resource:${object.apiVersion}/${object.kind}` }) };
      }
      const labels = recordOf(recordOf(object.body.metadata).labels);
      const subject: Subject = { kind: object.kind, releaseNamespace: object.origin.releaseNamespace ?? false, name: object.name, namespace: object.namespace, apiVersion: object.apiVersion, body: object.body, target: targetOf(object) };
      for (const binding of matched) {
        const objectSelectors = [policy.constraints.objectSelector, binding.matchResources?.objectSelector];
        if (!objectSelectors.every((selector) => selector === undefined || selectorMatches(selector, labels))) continue;
        const lowerTo = severityOfActions(binding.actions);
        // One slot per validation (at its fieldPath), then the object's verdict and the notes (at the object).
        const paths: Path[] = [...policy.validations.map((validation) => validation.fieldPath), [], []];
        const settledOf = (outcome: Outcome): Array<Settled | undefined> => {
          const slots: Array<Settled | undefined> = policy.validations.map((validation) => {
            const message = outcome.violations[validation.index];
            return message === undefined ? undefined : { messageId: "violation", data: { message }, related: related(binding, validation.expression.path), lowerTo };
          });
          slots.push(outcome.denied === undefined ? undefined : { messageId: "violation", data: { message: outcome.denied }, related: related(binding, ["spec", "matchConditions"]), lowerTo });
          if (outcome.notes.length === 0) slots.push(undefined);
          else {
            const settled: Settled = { ...note(outcome.notes.join("; ")), related: related(binding, ["metadata", "name"]) };
            if (outcome.once !== undefined) settled.oncePerScope = outcome.once;
            slots.push(settled);
          }
          return slots;
        };
        if (!waitsForRun.has(binding)) {
          // Nothing it reads comes later in the run: evaluated now, and only what fails waits for the end.
          for (const [slot, settled] of settledOf(evaluateBinding(policy, binding, subject, store)).entries()) {
            if (settled) yield { path: paths[slot], settle: () => settled };
          }
          continue;
        }
        // Namespaces and params objects may come later in the run: evaluated once every object is read.
        let slots: Array<Settled | undefined> | undefined;
        const slotsOf = (): Array<Settled | undefined> => (slots ??= settledOf(evaluateBinding(policy, binding, subject, store)));
        for (const [slot, path] of paths.entries()) yield { path, settle: () => slotsOf()[slot] };
      }
    },
  };
}

function orphanRule(name: string, bindings: readonly Binding[]): Rule {
  return {
    meta: policyMeta(name, `ValidatingAdmissionPolicyBindings name the policy "${name}", which is not among the inputs or --policies.`),
    *check(object) {
      if (object.kind !== BINDING_KIND || !bindings.some((binding) => binding.name === object.name)) return;
      yield {
        path: ["spec", "policyName"],
        settle: () => note(`binding '${object.name}' names ValidatingAdmissionPolicy '${name}', which is not among the inputs or --policies, so nothing is evaluated for it`),
      };
    },
  };
}
