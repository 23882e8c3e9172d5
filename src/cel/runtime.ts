/**
 * What every library function shares: the evaluation's cost budget, errors that name a function, and
 * the argument checks that turn a wrong type into an error rather than a crash.
 *
 * @bufbuild/cel has no cost accounting, so kubeward counts itself: every function call (operators
 * included) costs 1 plus a tenth of the size of its string and list arguments, as Kubernetes' cost
 * model charges traversals, and every comprehension iteration costs 1. Evaluation is synchronous, so
 * the budget of the evaluation in progress lives in module state.
 */
import { isCelError, isCelList, isCelMap, type CelResult, type CelValue } from "@bufbuild/cel";

export class CelFunctionError extends Error {
  constructor(
    message: string,
    readonly functionName?: string,
  ) {
    super(message);
  }
}

export const COST_LIMIT_MESSAGE = "cost limit exceeded";

interface Budget {
  remaining: number;
  exceeded: boolean;
}

let current: Budget | undefined;

/** Runs `evaluate` with a budget of `limit` (nested runs, such as composited variables, share the outer one). */
export function withBudget<T>(limit: number, evaluate: () => T): { result: T; exceeded: boolean } {
  if (current !== undefined) {
    const result = evaluate();
    return { result, exceeded: current.exceeded };
  }
  const budget: Budget = { remaining: limit, exceeded: false };
  current = budget;
  try {
    return { result: evaluate(), exceeded: budget.exceeded };
  } finally {
    current = undefined;
  }
}

/** Spends `amount`; throws once the budget is gone, and keeps throwing so no later step runs. */
export function charge(amount: number): void {
  if (current === undefined) return;
  current.remaining -= amount;
  if (current.remaining < 0) {
    current.exceeded = true;
    throw new CelFunctionError(COST_LIMIT_MESSAGE);
  }
}

/** The cost of one call: 1, plus a tenth of the length of each string and list it is given. */
export function callCost(target: CelValue | undefined, args: readonly CelValue[]): number {
  let size = target === undefined ? 0 : sizeOf(target);
  for (const arg of args) size += sizeOf(arg);
  return 1 + Math.floor(size / 10);
}

function sizeOf(value: CelValue): number {
  if (typeof value === "string") return value.length;
  if (isCelList(value) || isCelMap(value)) return value.size;
  return 0;
}

export function noOverload(name: string, ...values: readonly unknown[]): CelFunctionError {
  return new CelFunctionError(`found no matching overload for '${name}' applied to (${values.map(typeName).join(", ")})`);
}

function typeName(value: unknown): string {
  if (value === null) return "null_type";
  switch (typeof value) {
    case "bigint":
      return "int";
    case "number":
      return "double";
    case "object":
      if (isCelList(value)) return "list";
      if (isCelMap(value)) return "map";
      return "object";
    default:
      return typeof value;
  }
}

type OperatorTable = (name: string, args: CelValue[]) => CelResult | undefined;
let operatorTable: OperatorTable | undefined;

/** Lets library functions use CEL's own `==`, `<` and `+` (set once the environment exists). */
export function setOperators(table: OperatorTable): void {
  operatorTable = table;
}

/** CEL's operator `name` (e.g. "_<_") applied to `args`; its error is thrown as a library error. */
export function operator(name: string, ...args: CelValue[]): CelValue {
  const result = operatorTable?.(name, args);
  if (result === undefined) throw noOverload(name, ...args);
  if (isCelError(result)) throw new CelFunctionError(result.message);
  return result;
}
