import { describe, expect, it } from "vitest";
import { celVariables, compileCel, evaluateCel } from "../../src/cel/index.js";
import { compileError, evalError, expectTable, run, value } from "./helpers.js";

const deployment = { kind: "Deployment", metadata: { name: "web", labels: { app: "web" } }, spec: { replicas: 3, ratio: 0.5 } };

describe("compileCel / evaluateCel", () => {
  it("evaluates plain CEL over JSON objects, reading JSON integers as int", () => {
    expect(value("object.spec.replicas > 1", { object: deployment })).toBe(true);
    expect(value("type(object.spec.replicas) == int", { object: deployment })).toBe(true);
    expect(value("type(object.spec.ratio) == double", { object: deployment })).toBe(true);
    expect(value("object.spec.replicas * 2", { object: deployment })).toBe(6);
    expect(value("object.metadata.labels", { object: deployment })).toEqual({ app: "web" });
    expect(value("has(object.metadata.labels.app) && !has(object.metadata.annotations)", { object: deployment })).toBe(true);
    expect(value("[1, 2, 3].map(x, x * 2)")).toEqual([2, 4, 6]);
    expect(value("[1, 2, 3].filter(x, x > 1).exists_one(x, x == 3)")).toBe(true);
    expect(value("oldObject == null", { oldObject: null })).toBe(true);
  });

  it("compiles once and evaluates many activations", () => {
    const compiled = compileCel("object.spec.replicas <= params.max", { variables: ["object", "params"] });
    if (!compiled.ok) throw new Error(compiled.error.message);
    expect(compiled.program.expression).toBe("object.spec.replicas <= params.max");
    const results = [1, 5, 10].map((max) => evaluateCel(compiled.program, { object: deployment, params: { max } }));
    expect(results).toEqual([{ ok: true, value: false }, { ok: true, value: true }, { ok: true, value: true }]);
  });

  it("reports an unknown top-level identifier at compile time with its offset", () => {
    expect(compileError("object.spec.replicas > 1 && foo.bar", ["object"])).toEqual({ message: "undeclared reference to 'foo'", offset: 28 });
    // comprehension variables are in scope inside the macro only
    expect(compileError("object.items.all(i, i > 0) && i == 1", ["object"])).toMatchObject({ message: "undeclared reference to 'i'", offset: 30 });
  });

  it("reports a syntax error with its offset", () => {
    expect(compileError("1 + ")).toMatchObject({ offset: 2 });
    expect(compileError("1 + ").message).toMatch(/^syntax error/);
  });

  it("reports an unsupported function at compile time, naming it", () => {
    expect(compileError("object.spec.foo(1)")).toMatchObject({ functionName: "foo", offset: 12 });
    expect(compileError("nosuch(1)")).toMatchObject({ functionName: "nosuch", offset: 0 });
    expect(compileError("nosuch.lib.fn(1)")).toMatchObject({ message: "undeclared reference to 'nosuch'", offset: 0 });
    expect(compileError("strings.nosuch(1)")).toMatchObject({ functionName: "strings.nosuch", offset: 8 });
  });

  it("names CEL extension functions kubeward lacks, and says what syntax it lacks", () => {
    expect(compileError("math.greatest(1, 2)")).toMatchObject({ functionName: "math.greatest", offset: 5 });
    expect(compileError("base64.encode(b'a')")).toMatchObject({ functionName: "base64.encode" });
    expect(compileError("[1, 2].all(i, v, v > 0)")).toMatchObject({ functionName: "all", message: expect.stringContaining("two-variable comprehensions") as unknown });
    expect(compileError("object.?spec.orValue(1)").message).toContain("optional field selection `.?`");
  });

  it("never throws, whatever the activation holds", () => {
    const compiled = compileCel("object", { variables: ["object"] });
    if (!compiled.ok) throw new Error(compiled.error.message);
    expect(evaluateCel(compiled.program, { object: () => 1 })).toMatchObject({ ok: false });
    expect(evaluateCel({ expression: "1" }, {})).toMatchObject({ ok: false, error: { message: "not a program made by compileCel" } });
  });

  it("makes wrong types at runtime an evaluation error, not a crash", () => {
    expect(evalError('object.spec.replicas > "a"', { object: deployment }).message).toContain("no matching overload for '_>_'");
    expect(evalError("object.metadata.name + 1", { object: deployment }).message).toContain("no matching overload");
  });

  it("makes a missing field an error, as Kubernetes does", () => {
    expect(evalError("object.spec.template.spec", { object: deployment })).toMatchObject({ message: "no such key: template", offset: 11 });
    expect(value("has(object.spec.template)", { object: deployment })).toBe(false);
  });

  it("supports cel.bind", () => {
    expect(value("cel.bind(r, object.spec.replicas, r * r + r)", { object: deployment })).toBe(12);
  });

  it("makes authorizer compile only when declared, and fail at evaluation as offline", () => {
    const expression = "authorizer.group('apps').resource('deployments').check('create').allowed()";
    expect(compileError(expression, ["object"])).toMatchObject({ message: "undeclared reference to 'authorizer'", offset: 0 });
    const error = evalError(expression);
    expect(error.functionName).toBe("authorizer");
    expect(error.message).toContain("authorization checks cannot be evaluated offline");
  });

  it("evaluates composited variables lazily, once per activation, in terms of earlier ones", () => {
    const compile = (expression: string) => {
      const compiled = compileCel(expression, { variables: ["object", "variables"] });
      if (!compiled.ok) throw new Error(compiled.error.message);
      return compiled.program;
    };
    const base = { object: deployment };
    const variables = celVariables(
      [
        { name: "replicas", program: compile("object.spec.replicas") },
        { name: "double", program: compile("variables.replicas * 2") },
        { name: "broken", program: compile("object.spec.nothing") },
      ],
      base,
    );
    const check = compile("variables.double == 6 && variables.replicas == 3");
    expect(evaluateCel(check, { ...base, variables })).toEqual({ ok: true, value: true });
    // an unused failing variable does not matter; a used one fails the expression
    const broken = evaluateCel(compile("variables.broken == 1"), { ...base, variables });
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.error.message).toContain("no such key: nothing");
  });

  it("evaluates a composited variable at most once per activation, within the caller's budget", () => {
    const compile = (expression: string) => {
      const compiled = compileCel(expression, { variables: ["variables"] });
      if (!compiled.ok) throw new Error(compiled.error.message);
      return compiled.program;
    };
    // about 180,000 units: three reads fit a 300,000 budget only if it runs once
    const heavy = compile("lists.range(300).all(x, lists.range(300).all(y, true))");
    const check = compile("variables.heavy && variables.heavy && variables.heavy");
    const variables = celVariables([{ name: "heavy", program: heavy }], {});
    expect(evaluateCel(check, { variables }, { costLimit: 300_000 })).toEqual({ ok: true, value: true });
    expect(evaluateCel(check, { variables: celVariables([{ name: "heavy", program: heavy }], {}) }, { costLimit: 100_000 })).toEqual({
      ok: false,
      error: { message: "cost limit exceeded" },
    });
    const loop = celVariables([{ name: "a", program: compile("variables.a") }], {});
    const result = evaluateCel(compile("variables.a"), { variables: loop });
    expect(!result.ok && result.error.message).toContain("variable 'a' refers to itself");
  });

  it("stops an expression that would run for a very long time: cost limit exceeded", () => {
    const list = Array.from({ length: 1000 }, (_, i) => i);
    const started = Date.now();
    const result = run("object.all(x, object.all(y, object.all(z, x + y + z >= 0)))", { object: list });
    expect(result).toEqual({ ok: false, error: { message: "cost limit exceeded" } });
    expect(Date.now() - started).toBeLessThan(5000);
    // the same expression fits a smaller list
    expect(run("object.all(x, object.all(y, object.all(z, x + y + z >= 0)))", { object: list.slice(0, 20) })).toEqual({ ok: true, value: true });
    // a string that doubles at every step is stopped long before it exhausts memory
    const doubling = Array.from({ length: 40 }, (_, i) => `cel.bind(s${i + 1}, s${i} + s${i}, `).join("") + "size(s40)" + ")".repeat(40);
    expect(run(`cel.bind(s0, 'abcdefghij', ${doubling})`)).toEqual({ ok: false, error: { message: "cost limit exceeded" } });
    // and so is a list built too big in one call
    expect(run("lists.range(100000000).size()")).toEqual({ ok: false, error: { message: "cost limit exceeded" } });
    // and a custom limit applies
    expect(run("object.all(x, true)", { object: list }, 100)).toEqual({ ok: false, error: { message: "cost limit exceeded" } });
  });

  it("runs the strings extension", () => {
    expectTable([
      ["'hello'.charAt(1)", "e"],
      ["'a,b'.split(',')", ["a", "b"]],
    ]);
  });
});
