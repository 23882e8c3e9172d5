import { describe, expect, it } from "vitest";
import { FRAMEWORKS, isKnownControl } from "../../src/core/frameworks.js";
import { ALL_RULE_META } from "../../src/registry.js";

const named = (framework: string, control: string): string => `${framework} ${control}`;

describe("framework data", () => {
  it("has every control a rule names", () => {
    const unknown = ALL_RULE_META.flatMap((meta) => meta.frameworks.filter((ref) => !isKnownControl(ref)).map((ref) => `${meta.id}: ${named(ref.framework, ref.control)}`));
    expect(unknown).toEqual([]);
  });

  it("has no control that no rule names", () => {
    const used = new Set(ALL_RULE_META.flatMap((meta) => meta.frameworks.map((ref) => named(ref.framework, ref.control))));
    const dead = Object.entries(FRAMEWORKS).flatMap(([framework, data]) => Object.keys(data.controls).map((control) => named(framework, control)));
    expect(dead.filter((control) => !used.has(control))).toEqual([]);
  });

  it("names a PSS control by its level", () => {
    const levels = Object.keys(FRAMEWORKS.PSS.controls).map((control) => control.split("/")[0]);
    expect(new Set(levels)).toEqual(new Set(["baseline", "restricted"]));
  });
});
