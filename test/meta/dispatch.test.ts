import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, it } from "vitest";
import { activeRules } from "../../src/engine/engine.js";
import { parseManifest } from "../../src/manifest/parse.js";
import { BUILTIN_RULES } from "../../src/registry.js";
import { manifestFiles } from "../helpers/files.js";
import { expectDispatched } from "../helpers/rule-tester.js";
// @ts-expect-error -- a plain script of the benchmark, without types
import { generateCorpus } from "../../bench/generate-corpus.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const corpus = path.resolve(root, "../shared/corpus");


const bench = mkdtempSync(path.join(tmpdir(), "kubeward-dispatch-"));
afterAll(() => {
  rmSync(bench, { recursive: true, force: true });
});

describe("the engine calls each rule on every object it can report on", () => {
  if (!existsSync(corpus)) it.skip("../shared/corpus is absent: only fixtures/ and the benchmark corpus are read");

  it("no rule reports on, fails on or examines an object its appliesTo excludes (fixtures/, ../shared/corpus, the benchmark corpus)", () => {
    (generateCorpus as (dir: string, files: number, workloads: number) => void)(bench, 20, 10);
    const files = [...manifestFiles(path.join(root, "fixtures")), ...manifestFiles(corpus), ...manifestFiles(bench)];
    const active = activeRules(BUILTIN_RULES, Object.fromEntries(BUILTIN_RULES.map((rule) => [rule.meta.id, { enabled: true }])));
    for (const file of files) {
      const { objects } = parseManifest(path.relative(root, file), readFileSync(file, "utf8"));
      for (const { rule, context } of active) expectDispatched(rule, objects, context);
    }
  });
});
