import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ruleDocPages } from "../../src/docs/pages.js";
import { renderComplianceDoc } from "../../src/docs/compliance-doc.js";
import { SEVERITIES } from "../../src/core/rule-meta.js";
import { ALL_RULE_META, BUILTIN_RULES } from "../../src/registry.js";

const root = path.resolve(import.meta.dirname, "../..");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

const ruleFiles = filesUnder(path.join(root, "rules")).filter((file) => /export default \w+\(/m.test(readFileSync(file, "utf8")));
const testFiles = filesUnder(path.join(root, "test/rules"));

describe("rule registry", () => {
  it("has unique, kebab-case ids", () => {
    const ids = ALL_RULE_META.map((meta) => meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const meta of BUILTIN_RULES.map((rule) => rule.meta)) expect(meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("registers every rule file, and each file's name is its rule id", () => {
    const registered = new Set(BUILTIN_RULES.map((rule) => rule.meta.id));
    const fileIds = ruleFiles.map((file) => path.basename(file, ".ts"));
    expect(fileIds.sort()).toEqual([...registered].sort());
  });

  for (const { meta } of BUILTIN_RULES) {
    describe(meta.id, () => {
      it("has complete metadata", () => {
        expect(meta.title.length).toBeGreaterThan(5);
        expect(SEVERITIES).toContain(meta.severity);
        expect(meta.rationale.length).toBeGreaterThan(40);
        expect(meta.remediation.length).toBeGreaterThan(20);
        // Operational hygiene (probes) serves no security framework honestly; security rules must name theirs.
        if (meta.severity !== "low") expect(meta.frameworks.length).toBeGreaterThan(0);
        expect(meta.example?.bad && meta.example.good).toBeTruthy();
        for (const spec of Object.values(meta.options ?? {})) expect(spec.description.length).toBeGreaterThan(10);
      });

      it("has a test file that runs the rule tester with valid and invalid cases, and tests every message", () => {
        const testFile = testFiles.find((file) => path.basename(file) === `${meta.id}.test.ts`);
        if (testFile === undefined) expect.unreachable(`test/rules/**/${meta.id}.test.ts is missing`);
        const text = readFileSync(testFile, "utf8");
        // The tester itself fails a suite without a valid or an invalid case; here: it is this rule's suite.
        const imported = new RegExp(`^import (\\w+) from "[./]+/rules/[\\w-]+/${meta.id}\\.js";$`, "m").exec(text);
        if (imported === null) expect.unreachable(`${meta.id}.test.ts does not import the rule as its default export`);
        expect(text).toMatch(new RegExp(`\\btestRule\\(${imported[1]}, \\{\\s*valid: \\[`));
        expect(text).toMatch(/\binvalid: \[/);
        const untested = Object.keys(meta.messages).filter((id) => !text.includes(`messageId: "${id}"`));
        expect(untested, "message ids no invalid case expects").toEqual([]);
      });
    });
  }
});

describe("generated docs", () => {
  const dir = path.join(root, "docs/rules");
  const pages = ruleDocPages();

  it("has a current page for every rule (run `npm run docs` after changing metadata)", () => {
    for (const [name, text] of pages) {
      const file = path.join(dir, name);
      expect(existsSync(file), `docs/rules/${name} is missing`).toBe(true);
      expect(readFileSync(file, "utf8"), `docs/rules/${name} is stale`).toBe(text);
    }
  });

  it("has no page for a rule that does not exist", () => {
    expect(readdirSync(dir).filter((name) => !pages.has(name))).toEqual([]);
  });

  it("has a current docs/compliance.md (run `npm run docs` after changing framework data or metadata)", () => {
    expect(readFileSync(path.join(root, "docs/compliance.md"), "utf8"), "docs/compliance.md is stale").toBe(renderComplianceDoc(ALL_RULE_META));
  });
});
