/**
 * The compile-time pass @bufbuild/cel leaves to its caller: it parses and plans without declarations,
 * so an unknown name or function would only surface when evaluated, and then as "unresolved attribute".
 * This walk reports both with their offset, and rewrites the parsed tree where kubeward needs a hook:
 * each comprehension's loop condition goes through a step function (the cost budget counts
 * iterations), `cel.bind` becomes the comprehension cel-go's macro makes, and `authorizer` becomes a
 * call that fails with "cannot be evaluated offline".
 */
import { clone, create, type MessageInitShape } from "@bufbuild/protobuf";
import { ExprSchema, Expr_CallSchema, Expr_ComprehensionSchema, type Expr, type Expr_Call, type SourceInfo } from "@bufbuild/cel-spec/cel/expr/syntax_pb.js";
import type { CelError } from "./index.js";

export const STEP_FUNCTION = "@kubeward.step";
export const AUTHORIZER_FUNCTION = "@kubeward.authorizer";
/** `list.sortBy(x, key)` sorts `list` by the list of keys `list.map(x, key)` (as cel-go's macro expands it). */
export const SORT_BY_KEYS = "@kubeward.sortByKeys";

/** Calls the planner handles itself, not through the function table. */
const PLANNER_CALLS = new Set(["_[_]", "_[?_]", "_?._", "_?_:_", "_&&_", "_||_", "@not_strictly_false", "__not_strictly_false__"]);

/** Namespaces of CEL extension libraries kubeward does not provide, so `math.greatest(…)` names the function rather than an unknown variable `math`. */
const FOREIGN_NAMESPACES = new Set(["math", "base64", "lists", "sets", "strings", "optional", "format", "ip", "cidr", "cel"]);

/** Macros that take two loop variables in cel-go's two-variable comprehensions (not available in @bufbuild/cel). */
const TWO_VARIABLE_MACROS = new Set(["all", "exists", "existsOne", "exists_one", "transformList", "transformMap", "transformMapEntry"]);

/** Names that resolve to CEL types, as in `type(x) == string`. */
const TYPE_NAMES = new Set(["bool", "bytes", "double", "duration", "dyn", "int", "list", "map", "null_type", "string", "timestamp", "type", "uint"]);

export interface CheckContext {
  readonly expression: string;
  readonly variables: ReadonlySet<string>;
  readonly hasFunction: (name: string) => boolean;
  /** Whether some function is named `<name>.…` (so `name.f()` is a library call, not a method on a variable). */
  readonly hasNamespace: (name: string) => boolean;
  readonly sourceInfo: SourceInfo | undefined;
}

class CompileError extends Error {
  constructor(readonly error: CelError) {
    super(error.message);
  }
}

/** Checks and rewrites `expr` in place; returns the first problem, if any. */
export function checkAndRewrite(expr: Expr, context: CheckContext): CelError | undefined {
  try {
    walk(expr, context, new Set());
    return undefined;
  } catch (error) {
    if (error instanceof CompileError) return error.error;
    throw error;
  }
}

function walk(expr: Expr, context: CheckContext, scope: ReadonlySet<string>): void {
  const kind = expr.exprKind;
  switch (kind.case) {
    case "identExpr": {
      const name = kind.value.name;
      if (scope.has(name) || TYPE_NAMES.has(name)) return;
      if (!context.variables.has(name)) {
        fail(context, expr, { message: `undeclared reference to '${name}'` });
      }
      if (name === "authorizer") {
        expr.exprKind = { case: "callExpr", value: callOf(AUTHORIZER_FUNCTION, []) };
      }
      return;
    }
    case "selectExpr":
      if (kind.value.operand) walk(kind.value.operand, context, scope);
      return;
    case "callExpr": {
      const call = kind.value;
      if (call.target !== undefined && call.function === "bind" && qualifiedName(call.target) === "cel" && !scope.has("cel")) {
        rewriteBind(expr, call.args, context);
        walk(expr, context, scope);
        return;
      }
      if (call.target !== undefined && call.function === "sortBy" && call.args.length === 2 && call.args[0].exprKind.case === "identExpr") {
        rewriteSortBy(expr, call.target, call.args[0].exprKind.value.name, call.args[1]);
        walk(expr, context, scope);
        return;
      }
      if (call.target !== undefined) {
        const qualifier = qualifiedName(call.target);
        const rootBound = qualifier !== undefined && isBound(qualifier.split(".")[0], context, scope);
        if (qualifier !== undefined && !rootBound) {
          const name = `${qualifier}.${call.function}`;
          if (context.hasFunction(name)) {
            // a library function such as format.dns1123Label() or strings.quote()
          } else if (context.hasNamespace(qualifier.split(".")[0]) || FOREIGN_NAMESPACES.has(qualifier.split(".")[0])) {
            fail(context, expr, unsupported(name), call.function);
          } else {
            walk(call.target, context, scope);
          }
        } else {
          walk(call.target, context, scope);
          checkFunction(call.function, expr, context);
        }
      } else {
        checkFunction(call.function, expr, context);
      }
      for (const arg of call.args) walk(arg, context, scope);
      return;
    }
    case "listExpr":
      for (const element of kind.value.elements) walk(element, context, scope);
      return;
    case "structExpr":
      for (const entry of kind.value.entries) {
        if (entry.keyKind.case === "mapKey") walk(entry.keyKind.value, context, scope);
        if (entry.value) walk(entry.value, context, scope);
      }
      return;
    case "comprehensionExpr": {
      const c = kind.value;
      if (c.iterRange) walk(c.iterRange, context, scope);
      if (c.accuInit) walk(c.accuInit, context, scope);
      const inner = new Set(scope);
      inner.add(c.iterVar);
      if (c.iterVar2) inner.add(c.iterVar2);
      inner.add(c.accuVar);
      if (c.loopCondition) {
        walk(c.loopCondition, context, inner);
        c.loopCondition = create(ExprSchema, {
          id: c.loopCondition.id,
          exprKind: { case: "callExpr", value: callOf(STEP_FUNCTION, [c.loopCondition]) },
        });
      }
      if (c.loopStep) walk(c.loopStep, context, inner);
      const resultScope = new Set(scope);
      resultScope.add(c.accuVar);
      if (c.result) walk(c.result, context, resultScope);
      return;
    }
    default:
      return;
  }
}

function isBound(root: string, context: CheckContext, scope: ReadonlySet<string>): boolean {
  return scope.has(root) || context.variables.has(root);
}

function checkFunction(name: string, expr: Expr, context: CheckContext): void {
  if (PLANNER_CALLS.has(name) || context.hasFunction(name)) return;
  const call = expr.exprKind.case === "callExpr" ? expr.exprKind.value : undefined;
  if (call?.target !== undefined && TWO_VARIABLE_MACROS.has(name) && call.args.length >= 3) {
    fail(context, expr, { message: `unsupported function '${name}': two-variable comprehensions are not supported by kubeward's CEL environment`, functionName: name }, name);
  }
  fail(context, expr, unsupported(name), name);
}

function unsupported(name: string): CelError {
  return { message: `unsupported function '${name}': kubeward's CEL environment does not provide it`, functionName: name };
}

/** `cel.bind(x, init, body)`: a comprehension over nothing whose accumulator is `x` (as cel-go expands it). */
function rewriteBind(expr: Expr, args: readonly Expr[], context: CheckContext): void {
  const [name, init, body] = args;
  if (args.length !== 3 || name.exprKind.case !== "identExpr") {
    fail(context, expr, { message: "cel.bind() expects an identifier, an initial value and an expression", functionName: "cel.bind" });
  }
  const accuVar = name.exprKind.value.name;
  expr.exprKind = {
    case: "comprehensionExpr",
    value: create(Expr_ComprehensionSchema, {
      iterVar: "#unused",
      iterRange: create(ExprSchema, { id: expr.id, exprKind: { case: "listExpr", value: {} } }),
      accuVar,
      accuInit: init,
      loopCondition: create(ExprSchema, { id: expr.id, exprKind: { case: "constExpr", value: { constantKind: { case: "boolValue", value: false } } } }),
      loopStep: create(ExprSchema, { id: expr.id, exprKind: { case: "identExpr", value: { name: accuVar } } }),
      result: body,
    }),
  };
}

function rewriteSortBy(expr: Expr, target: Expr, variable: string, key: Expr): void {
  const node = (exprKind: MessageInitShape<typeof ExprSchema>["exprKind"]): Expr => create(ExprSchema, { id: expr.id, exprKind });
  const result = "@result";
  const keys = create(Expr_ComprehensionSchema, {
    iterVar: variable,
    iterRange: clone(ExprSchema, target),
    accuVar: result,
    accuInit: node({ case: "listExpr", value: {} }),
    loopCondition: node({ case: "constExpr", value: { constantKind: { case: "boolValue", value: true } } }),
    loopStep: node({
      case: "callExpr",
      value: callOf("_+_", [node({ case: "identExpr", value: { name: result } }), node({ case: "listExpr", value: { elements: [key] } })]),
    }),
    result: node({ case: "identExpr", value: { name: result } }),
  });
  expr.exprKind = { case: "callExpr", value: callOf(SORT_BY_KEYS, [target, node({ case: "comprehensionExpr", value: keys })]) };
}

function callOf(name: string, args: Expr[]): Expr_Call {
  return create(Expr_CallSchema, { function: name, args });
}

/** `a.b.c` as a dotted name when the expression is only identifiers and field selections. */
function qualifiedName(expr: Expr): string | undefined {
  const kind = expr.exprKind;
  if (kind.case === "identExpr") return kind.value.name;
  if (kind.case === "selectExpr" && !kind.value.testOnly && kind.value.operand) {
    const operand = qualifiedName(kind.value.operand);
    return operand === undefined ? undefined : `${operand}.${kind.value.field}`;
  }
  return undefined;
}

/** Fails at `expr`; with `word`, at the occurrence of that word nearest the node's position (a call's position is its dot or parenthesis). */
function fail(context: CheckContext, expr: Expr, error: CelError, word?: string): never {
  let offset = offsetOf(context.sourceInfo, expr.id);
  if (offset !== undefined && word !== undefined) offset = nearest(context.expression, word, offset);
  throw new CompileError(offset === undefined ? error : { ...error, offset });
}

function nearest(text: string, word: string, at: number): number {
  const after = text.indexOf(word, at);
  const before = text.lastIndexOf(word, at);
  if (after < 0) return before < 0 ? at : before;
  if (before < 0) return after;
  return at - before <= after - at ? before : after;
}

export function offsetOf(sourceInfo: SourceInfo | undefined, id: bigint): number | undefined {
  return sourceInfo?.positions[id.toString()];
}
