import { describe, expect, it } from "vitest";
import { isEmptySelector, selectorMatches } from "../../src/engine/labels.js";

const labels = { app: "web", tier: "frontend" };

describe("selectorMatches", () => {
  it.each([
    ["empty: every object", {}, true],
    ["matchLabels all equal", { matchLabels: { app: "web", tier: "frontend" } }, true],
    ["matchLabels one differs", { matchLabels: { app: "web", tier: "backend" } }, false],
    ["matchLabels key absent", { matchLabels: { team: "a" } }, false],
    ["In, value listed", { matchExpressions: [{ key: "app", operator: "In", values: ["api", "web"] }] }, true],
    ["In, key absent", { matchExpressions: [{ key: "team", operator: "In", values: ["a"] }] }, false],
    ["NotIn, value listed", { matchExpressions: [{ key: "app", operator: "NotIn", values: ["web"] }] }, false],
    ["NotIn, key absent matches", { matchExpressions: [{ key: "team", operator: "NotIn", values: ["a"] }] }, true],
    ["Exists", { matchExpressions: [{ key: "tier", operator: "Exists" }] }, true],
    ["Exists, key absent", { matchExpressions: [{ key: "team", operator: "Exists" }] }, false],
    ["DoesNotExist", { matchExpressions: [{ key: "team", operator: "DoesNotExist" }] }, true],
    ["DoesNotExist, key present", { matchExpressions: [{ key: "app", operator: "DoesNotExist" }] }, false],
    ["labels and expressions must all hold", { matchLabels: { app: "web" }, matchExpressions: [{ key: "tier", operator: "In", values: ["backend"] }] }, false],
    ["an unknown operator matches nothing", { matchExpressions: [{ key: "app", operator: "Equals", values: ["web"] }] }, false],
  ])("%s", (_, selector, expected) => {
    expect(selectorMatches(selector, labels)).toBe(expected);
  });

  it("tells an empty selector from one with requirements", () => {
    expect(isEmptySelector({})).toBe(true);
    expect(isEmptySelector({ matchLabels: {}, matchExpressions: [] })).toBe(true);
    expect(isEmptySelector({ matchLabels: { app: "web" } })).toBe(false);
  });
});
