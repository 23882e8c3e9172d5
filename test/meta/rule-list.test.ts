import { describe, expect, it } from "vitest";
import { ruleListJson, type RuleListEntry } from "../../src/docs/rule-list.js";
import { ALL_RULE_META } from "../../src/registry.js";

describe("kubeward rules --format json", () => {
  const { rules } = JSON.parse(ruleListJson(ALL_RULE_META)) as { rules: RuleListEntry[] };

  it("lists every rule and input diagnostic once, in registry order", () => {
    expect(rules.map((rule) => rule.id)).toEqual(ALL_RULE_META.map((meta) => meta.id));
  });

  it("gives what scripts and editors read: severity, level, category, frameworks, equivalents, options, help URL", () => {
    const registry = rules.find((rule) => rule.id === "image-registry-not-allowed");
    expect(registry).toMatchObject({
      severity: "high",
      level: "error",
      category: "workload",
      enabledByDefault: false,
      unlintedInput: false,
      helpUri: "https://github.com/kubeward/kubeward/blob/main/docs/rules/image-registry-not-allowed.md",
    });
    expect(registry?.options).toEqual([expect.objectContaining({ name: "allowedRegistries", type: "string[]", default: [] })]);
    const hostPid = rules.find((rule) => rule.id === "host-pid");
    expect(hostPid?.frameworks).toContainEqual(expect.objectContaining({ framework: "PSS", control: "baseline" }));
    expect(hostPid?.equivalents.checkov).toEqual(["CKV_K8S_17"]);
    expect(rules.find((rule) => rule.id === "kubeward/parse-error")).toMatchObject({ category: "input", unlintedInput: true, options: [] });
  });
});
