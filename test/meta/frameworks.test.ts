import { describe, expect, it } from "vitest";
import { FRAMEWORKS, isKnownControl } from "../../src/core/frameworks.js";
import type { Framework } from "../../src/core/rule-meta.js";
import { ALL_RULE_META, BUILTIN_RULES } from "../../src/registry.js";

const named = (framework: string, control: string): string => `${framework} ${control}`;
const used = new Set(ALL_RULE_META.flatMap((meta) => meta.frameworks.map((ref) => named(ref.framework, ref.control))));
const controls = (Object.keys(FRAMEWORKS) as Framework[]).flatMap((framework) =>
  Object.entries(FRAMEWORKS[framework].controls).map(([id, data]) => ({ framework, id, ...data, named: used.has(named(framework, id)) })),
);

describe("framework data", () => {
  it("has every rule name at least one framework", () => {
    expect(BUILTIN_RULES.map((rule) => rule.meta).filter((meta) => meta.frameworks.length === 0).map((meta) => meta.id)).toEqual([]);
  });

  it("has every control a rule names", () => {
    const unknown = ALL_RULE_META.flatMap((meta) => meta.frameworks.filter((ref) => !isKnownControl(ref)).map((ref) => `${meta.id}: ${named(ref.framework, ref.control)}`));
    expect(unknown).toEqual([]);
  });

  it("has a rule for every checked or partial control", () => {
    expect(controls.filter((control) => control.coverage !== "not-static" && !control.named).map((control) => named(control.framework, control.id))).toEqual([]);
  });

  it("has no rule for a not-static control", () => {
    expect(controls.filter((control) => control.coverage === "not-static" && control.named).map((control) => named(control.framework, control.id))).toEqual([]);
  });

  it("says what a linter cannot see of every partial or not-static control", () => {
    expect(controls.filter((control) => control.coverage !== "checked" && !control.limits?.trim()).map((control) => named(control.framework, control.id))).toEqual([]);
  });

  it("gives every control a title", () => {
    expect(controls.filter((control) => !control.title.trim()).map((control) => named(control.framework, control.id))).toEqual([]);
  });

  it("names no control twice in one rule", () => {
    const twice = ALL_RULE_META.filter((meta) => new Set(meta.frameworks.map((ref) => named(ref.framework, ref.control))).size !== meta.frameworks.length);
    expect(twice.map((meta) => meta.id)).toEqual([]);
  });

  // An id twice in one framework is a duplicate object key, which tsc rejects; this checks their form.
  it("writes each control id in the form its framework uses", () => {
    const forms: Record<Framework, RegExp> = {
      "PSS": /^(baseline|restricted)\/[a-z0-9-]+$/,
      "CIS": /^[1-5](\.\d+){1,2}$/,
      "NSA-CISA": /^[a-z-]+(\/[a-z0-9-]+){0,2}$/,
      "PCI-DSS": /^\d{1,2}\.\d{1,2}$/,
      "MITRE-ATT&CK": /^T\d{4}(\.\d{3})?$/,
    };
    expect(controls.filter((control) => !forms[control.framework].test(control.id)).map((control) => named(control.framework, control.id))).toEqual([]);
  });

  it("names a PSS control by its level", () => {
    const levels = Object.keys(FRAMEWORKS.PSS.controls).map((control) => control.split("/")[0]);
    expect(new Set(levels)).toEqual(new Set(["baseline", "restricted"]));
  });
});
