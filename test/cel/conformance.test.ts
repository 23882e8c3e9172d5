/**
 * A subset of the CEL conformance suite (cel-spec's simple tests, shipped as data by
 * @bufbuild/cel-spec): the sections for the extensions Kubernetes enables and kubeward provides
 * (strings, bindings) and the core sections policies lean on (lists, macros, logic, comparisons,
 * strings, conversions, arithmetic, timestamps).
 * Tests needing typed bindings, protobuf messages or the type checker are out of scope; the rest
 * must pass except the few listed, each with the reason.
 */
import { describe, expect, it } from "vitest";
import { tests } from "@bufbuild/cel-spec/testdata/conformance.js";
import { compileCel, evaluateCel } from "../../src/cel/index.js";

interface Suite {
  name: string;
  suites?: Suite[];
  tests?: Array<{ original: Record<string, unknown> & { name?: string; expr: string } }>;
}

const SECTIONS = ["string_ext", "bindings_ext", "lists", "macros", "logic", "comparisons", "string", "conversions", "basic", "integer_math", "fp_math", "dynamic", "timestamps"];

/**
 * Conformance cases kubeward answers differently, and why. Sections left out: optionals (the `.?`
 * syntax), macros2 (two-variable comprehensions), math_ext and encoders_ext (libraries kubeward does
 * not provide); each is an error naming what is missing.
 */
const KNOWN: Readonly<Record<string, string>> = {
  "basic/variables/unbound_is_runtime_error": "an undeclared name is a compile error, as Kubernetes type-checks policies",
  "basic/functions/unbound_is_runtime_error": "an unknown function is a compile error, as Kubernetes type-checks policies",
  "timestamps/timestamp_conversions/type_comparison": "protobuf type names (google.protobuf.*) are not declared names",
  "timestamps/duration_conversions/type_comparison": "protobuf type names (google.protobuf.*) are not declared names",
};

type Expected = { value: unknown } | { error: true } | undefined;

/** The expected value in plain JS, when the case's value is JSON-like (not a message, type or enum). */
function plain(value: Record<string, unknown>): { value: unknown } | undefined {
  const [[kind, inner]] = Object.entries(value);
  switch (kind) {
    case "stringValue":
    case "boolValue":
      return { value: inner };
    case "int64Value":
    case "uint64Value":
      return { value: Number.isSafeInteger(Number(inner)) ? Number(inner) : BigInt(inner as string) };
    case "doubleValue":
      return typeof inner === "number" ? { value: inner } : undefined;
    case "nullValue":
      return { value: null };
    case "listValue": {
      const values = ((inner as { values?: Array<Record<string, unknown>> }).values ?? []).map(plain);
      return values.every((item) => item !== undefined) ? { value: values.map((item) => item.value) } : undefined;
    }
    case "mapValue": {
      const out: Record<string, unknown> = {};
      for (const entry of (inner as { entries?: Array<{ key: Record<string, unknown>; value: Record<string, unknown> }> }).entries ?? []) {
        const key = plain(entry.key);
        const item = plain(entry.value);
        if (key === undefined || item === undefined) return undefined;
        out[String(key.value)] = item.value;
      }
      return { value: out };
    }
    default:
      return undefined;
  }
}

function expectation(test: Record<string, unknown>): Expected {
  if (test.bindings !== undefined || test.typeEnv !== undefined || test.container !== undefined) return undefined;
  if (test.evalError !== undefined) return { error: true };
  if (test.value !== undefined) return plain(test.value as Record<string, unknown>);
  if (test.resultMatcher === undefined) return { value: true };
  return undefined;
}

/** JSON with bigints (ints beyond 2^53) as their digits, so 2^63-1 and "9223372036854775807" compare equal. */
function json(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item));
}

function cases(suite: Suite, prefix: string): Array<{ name: string; expr: string; expected: NonNullable<Expected> }> {
  const out: Array<{ name: string; expr: string; expected: NonNullable<Expected> }> = [];
  for (const test of suite.tests ?? []) {
    const expected = expectation(test.original);
    if (expected) out.push({ name: `${prefix}/${test.original.name ?? test.original.expr}`, expr: test.original.expr, expected });
  }
  for (const child of suite.suites ?? []) out.push(...cases(child, `${prefix}/${child.name}`));
  return out;
}

describe("CEL conformance subset", () => {
  const root = tests as Suite;
  for (const section of SECTIONS) {
    const suite = root.suites?.find((candidate) => candidate.name === section);
    it(`passes ${section}`, () => {
      if (suite === undefined) throw new Error(`no conformance section ${section}`);
      const failures: string[] = [];
      const all = cases(suite, section);
      for (const { name, expr, expected } of all) {
        const compiled = compileCel(expr, { variables: [] });
        const result = compiled.ok ? evaluateCel(compiled.program, {}) : { ok: false as const, error: compiled.error };
        const passed = "error" in expected ? !result.ok : result.ok && json(result.value) === json(expected.value);
        if (!passed && !(name in KNOWN)) failures.push(`${name}: ${expr} => ${json(result)}`);
      }
      expect(all.length).toBeGreaterThan(0);
      expect(failures).toEqual([]);
    });
  }
});
