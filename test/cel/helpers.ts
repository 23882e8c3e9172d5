import { expect } from "vitest";
import { compileCel, evaluateCel, type CelError, type EvalResult } from "../../src/cel/index.js";

export const K8S_VARIABLES = ["object", "oldObject", "params", "namespaceObject", "request", "variables", "authorizer"] as const;

/** Compiles (failing the test on a compile error) and evaluates. */
export function run(expression: string, activation: Record<string, unknown> = {}, costLimit?: number): EvalResult {
  const compiled = compileCel(expression, { variables: [...K8S_VARIABLES, ...Object.keys(activation)] });
  if (!compiled.ok) throw new Error(`${expression}: ${compiled.error.message}`);
  return evaluateCel(compiled.program, activation, costLimit === undefined ? undefined : { costLimit });
}

export function value(expression: string, activation: Record<string, unknown> = {}): unknown {
  const result = run(expression, activation);
  if (!result.ok) throw new Error(`${expression}: ${result.error.message}`);
  return result.value;
}

export function evalError(expression: string, activation: Record<string, unknown> = {}): CelError {
  const result = run(expression, activation);
  if (result.ok) throw new Error(`${expression}: expected an error, got ${String(result.value)}`);
  return result.error;
}

export function compileError(expression: string, variables: readonly string[] = K8S_VARIABLES): CelError {
  const compiled = compileCel(expression, { variables });
  if (compiled.ok) throw new Error(`${expression}: expected a compile error`);
  return compiled.error;
}

/** Table rows `[expression, expected]`: each expression evaluates to the expected value. */
export function expectTable(rows: ReadonlyArray<readonly [string, unknown]>): void {
  for (const [expression, expected] of rows) expect(value(expression), expression).toEqual(expected);
}

/** Each expression fails at evaluation with a message containing `fragment`. */
export function expectErrors(rows: ReadonlyArray<readonly [string, string]>): void {
  for (const [expression, fragment] of rows) expect(evalError(expression).message, expression).toContain(fragment);
}
