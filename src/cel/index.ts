/**
 * CEL for kubeward: compile once, evaluate many, with the Kubernetes CEL libraries and a cost budget.
 *
 * The engine is @bufbuild/cel (parser, planner, standard functions and the strings extension); this
 * module adds what Kubernetes has and it lacks: declared variables checked at compile time, the
 * Kubernetes libraries (src/cel/lib/), JSON integers as `int`, lazily evaluated composited
 * `variables`, and cost accounting (src/cel/runtime.ts).
 */
import { celEnv, celError, isCelError, parse, plan, type CelEnv, type CelInput, type CelResult, type CelValue, type CelError as BufCelError } from "@bufbuild/cel";
import type { SourceInfo } from "@bufbuild/cel-spec/cel/expr/syntax_pb.js";
import { checkAndRewrite, offsetOf } from "./compile.js";
import { LIBRARY_FUNCTIONS } from "./lib/index.js";
import { CelFunctionError, COST_LIMIT_MESSAGE, callCost, charge, setOperators, withBudget } from "./runtime.js";
import { fromCelValue, toCelInput } from "./values.js";

export interface CelError {
  message: string;
  /** 0-based offset into the expression text, when known */
  offset?: number;
  /** the unsupported/unavailable function, when that is the error */
  functionName?: string;
}
export interface CelProgram {
  readonly expression: string;
}
export type CompileResult = { ok: true; program: CelProgram } | { ok: false; error: CelError };
export type EvalResult = { ok: true; value: unknown } | { ok: false; error: CelError };

/**
 * The default per-evaluation budget: Kubernetes' per-expression runtime limit (PerCallLimit in
 * k8s.io/apiserver/pkg/apis/cel/config.go) is 1,000,000 cost units; kubeward's units (one per call
 * and per comprehension iteration, plus a tenth of string and list sizes) are of the same order.
 */
export const DEFAULT_COST_LIMIT = 1_000_000;

interface Compiled {
  readonly run: (bindings: Record<string, CelInput>) => CelResult;
  readonly sourceInfo: SourceInfo | undefined;
}

/** Roots of qualified function names: `strings`, `format`, `optional`, … */
const namespaces = new Set(LIBRARY_FUNCTIONS.filter((func) => func.name.includes(".")).map((func) => func.name.split(".")[0]));

const compiled = new WeakMap<CelProgram, Compiled>();

const baseEnv = celEnv({ funcs: LIBRARY_FUNCTIONS });
setOperators((name, args) => baseEnv.funcs.find(name)?.call(0, undefined, args));

/** The environment the planner sees: the same functions, each call charged to the budget first. */
const env = { namespace: baseEnv.namespace, registry: baseEnv.registry, variables: baseEnv.variables, funcs: costedResolver(baseEnv.funcs) } as unknown as CelEnv;

function costedResolver(funcs: CelEnv["funcs"]): CelEnv["funcs"] {
  type Group = NonNullable<ReturnType<CelEnv["funcs"]["find"]>>;
  const wrapped = new Map<string, Group | undefined>();
  const wrap = (group: Group): Group =>
    ({
      name: group.name,
      [Symbol.iterator]: () => group[Symbol.iterator](),
      call(id: number, target: CelValue | undefined, args: CelValue[]) {
        try {
          charge(callCost(target, args));
        } catch (error) {
          return celError(error, id);
        }
        const result = group.call(id, target, args);
        // a call that builds a long string (replace, join, format, +) pays for what it built
        if (typeof result === "string" && result.length >= 10) {
          try {
            charge(Math.floor(result.length / 10));
          } catch (error) {
            return celError(error, id);
          }
        }
        return result;
      },
    });
  return {
    [Symbol.iterator]: () => funcs[Symbol.iterator](),
    find(name: string) {
      if (!wrapped.has(name)) {
        const group = funcs.find(name);
        wrapped.set(name, group && wrap(group));
      }
      return wrapped.get(name);
    },
  } as CelEnv["funcs"];
}

/** variables: names the expression may use at top level (e.g. object, oldObject, params, namespaceObject, request, variables, authorizer). */
export function compileCel(expression: string, options: { variables: readonly string[] }): CompileResult {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(expression);
  } catch (error) {
    return { ok: false, error: syntaxError(error, expression) };
  }
  const problem = checkAndRewrite(parsed.expr, {
    expression,
    hasNamespace: (name) => namespaces.has(name),
    variables: new Set(options.variables),
    hasFunction: (name) => env.funcs.find(name) !== undefined,
    sourceInfo: parsed.sourceInfo,
  });
  if (problem) return { ok: false, error: problem };
  const program: CelProgram = Object.freeze({ expression });
  compiled.set(program, { run: plan(env, parsed.expr), sourceInfo: parsed.sourceInfo });
  return { ok: true, program };
}

/** activation values are plain JSON-like JS values (objects, arrays, strings, numbers, booleans, null); `variables` is an object whose properties are lazily-evaluated composited variables (see celVariables). */
export function evaluateCel(program: CelProgram, activation: Readonly<Record<string, unknown>>, options?: { costLimit?: number }): EvalResult {
  const internal = compiled.get(program);
  if (internal === undefined) return { ok: false, error: { message: "not a program made by compileCel" } };
  const bindings: Record<string, CelInput> = {};
  try {
    for (const [name, value] of Object.entries(activation)) {
      bindings[name] = value instanceof CelVariables ? value.celValue : toCelInput(value);
    }
  } catch (error) {
    return { ok: false, error: { message: `activation: ${error instanceof Error ? error.message : String(error)}` } };
  }
  const { result, exceeded } = withBudget(options?.costLimit ?? DEFAULT_COST_LIMIT, () => internal.run(bindings));
  if (exceeded) return { ok: false, error: { message: COST_LIMIT_MESSAGE } };
  if (isCelError(result)) return { ok: false, error: evalError(result, internal.sourceInfo) };
  return { ok: true, value: fromCelValue(result) };
}

/**
 * Kubernetes' composited variables (ValidatingAdmissionPolicy `spec.variables`): pass the result as
 * the activation's `variables`. Each variable is evaluated on first use, at most once per activation,
 * against `base` plus these variables (so later ones may use earlier ones).
 */
export function celVariables(programs: ReadonlyArray<{ name: string; program: CelProgram }>, base: Readonly<Record<string, unknown>>): CelVariables {
  return new CelVariables(programs, base);
}

export class CelVariables {
  /** @internal the CEL map the expression sees */
  readonly celValue: CelInput;

  constructor(programs: ReadonlyArray<{ name: string; program: CelProgram }>, base: Readonly<Record<string, unknown>>) {
    this.celValue = new LazyVariables(programs, { ...base, variables: this });
  }
}

/** A Map that evaluates each entry on first read; @bufbuild/cel reads maps through get/keys/entries. */
class LazyVariables extends Map<string, CelInput> {
  readonly #programs: ReadonlyMap<string, CelProgram>;
  readonly #activation: Readonly<Record<string, unknown>>;
  readonly #results = new Map<string, EvalResult | "pending">();

  constructor(programs: ReadonlyArray<{ name: string; program: CelProgram }>, activation: Readonly<Record<string, unknown>>) {
    super();
    this.#programs = new Map(programs.map((entry) => [entry.name, entry.program]));
    this.#activation = activation;
  }

  override get size(): number {
    return this.#programs.size;
  }

  override has(name: string): boolean {
    return this.#programs.has(name);
  }

  override get(name: string): CelInput | undefined {
    const program = this.#programs.get(name);
    if (program === undefined) return undefined;
    let result = this.#results.get(name);
    if (result === "pending") throw new CelFunctionError(`variable '${name}' refers to itself`);
    if (result === undefined) {
      this.#results.set(name, "pending");
      result = evaluateCel(program, this.#activation);
      this.#results.set(name, result);
    }
    if (!result.ok) throw new VariableError(name, result.error);
    return toCelInput(result.value);
  }

  override keys(): MapIterator<string> {
    return this.#programs.keys();
  }

  override *entries(): MapIterator<[string, CelInput]> {
    for (const name of this.#programs.keys()) yield [name, this.get(name) as CelInput];
  }

  override *values(): MapIterator<CelInput> {
    for (const [, value] of this.entries()) yield value;
  }

  override forEach(callback: (value: CelInput, key: string, map: Map<string, CelInput>) => void): void {
    for (const [name, value] of this.entries()) callback(value, name, this);
  }

  override [Symbol.iterator](): MapIterator<[string, CelInput]> {
    return this.entries();
  }
}

/** A composited variable failed: the expression that read it fails with the variable's error. */
class VariableError extends CelFunctionError {
  constructor(
    readonly variable: string,
    readonly error: CelError,
  ) {
    super(`variables.${variable}: ${error.message}`, error.functionName);
  }
}

function syntaxError(error: unknown, expression: string): CelError {
  let message = error instanceof Error ? error.message.replace(/^<input>:\d+:\d+: /, "") : String(error);
  if (/\.\?|\[\?/.test(expression)) message += " (optional field selection `.?` and optional entries `[?…]` are not supported by kubeward's CEL parser; use has() or optional.of())";
  const offset = (error as { location?: { start?: { offset?: number } } }).location?.start?.offset;
  return offset === undefined ? { message: `syntax error: ${message}` } : { message: `syntax error: ${message}`, offset };
}

function evalError(error: BufCelError, sourceInfo: SourceInfo | undefined): CelError {
  const cause = functionErrorIn(error);
  const result: CelError = { message: error.message.replace(/^field not found: /, "no such key: ").replace(/ out of bounds \[0, -1\)$/, " out of bounds") };
  // A merged error keeps the first message but only the later causes: take a name only from its own cause.
  if (cause?.functionName !== undefined && cause.message === error.message) result.functionName = cause.functionName;
  const offset = error.exprId === undefined || cause instanceof VariableError ? undefined : offsetOf(sourceInfo, error.exprId);
  if (offset !== undefined) result.offset = offset;
  return result;
}

/** The library error behind a CEL error (merged errors keep the others as an array of causes). */
function functionErrorIn(error: unknown): CelFunctionError | undefined {
  for (let value: unknown = error, depth = 0; value !== undefined && depth < 8; depth++) {
    if (value instanceof CelFunctionError) return value;
    if (Array.isArray(value)) return value.map(functionErrorIn).find((found) => found !== undefined);
    value = (value as { cause?: unknown }).cause;
  }
  return undefined;
}
