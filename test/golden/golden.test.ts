import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EXPECTED_FILES, caseNames, docsFile, expectedOutput, goldenDir, haveTools, outputForm, renderDocs, runCase, storedForm, type GoldenFormat } from "./golden.js";

/**
 * Golden files: kubeward's exact output on each case in test/golden/ (see golden.ts). Under
 * `npm run golden:update` (KUBEWARD_UPDATE_GOLDEN=1) the run rewrites them and the docs' examples
 * instead of comparing, so a change to the output is reviewed as a diff of those files.
 */
const UPDATING = process.env.KUBEWARD_UPDATE_GOLDEN === "1";

const UPDATE = "if the change is intended, run `npm run golden:update` and review `git diff test/golden docs/output-formats.md`";
const FORMATS = Object.keys(EXPECTED_FILES) as GoldenFormat[];
const CASES = caseNames();

if (!haveTools()) console.log("helm and kubectl are missing from .tools/ (`npm run install-tools`): the golden output checks are skipped");

it("has the cases the docs and issue 10 rely on, each with every expected file", () => {
  expect(CASES).toEqual(["clean", "helm", "kustomize", "manifests", "parse-error"]);
  for (const name of CASES) for (const file of Object.values(EXPECTED_FILES)) expect(existsSync(path.join(goldenDir, name, file)), `${name}/${file}`).toBe(true);
});

describe.skipIf(!haveTools())("kubeward's output on each golden case", () => {
  const actual = new Map<string, string>();
  beforeAll(async () => {
    for (const name of CASES) {
      for (const format of FORMATS) actual.set(`${name}/${format}`, await runCase(name, format));
    }
    if (UPDATING) {
      for (const [key, output] of actual) {
        const [name, format] = key.split("/") as [string, GoldenFormat];
        writeFileSync(path.join(goldenDir, name, EXPECTED_FILES[format]), storedForm(format, output));
      }
      writeFileSync(docsFile, renderDocs(readFileSync(docsFile, "utf8"), expectedOutput));
    }
  }, 180_000);

  describe.each(CASES)("%s", (name) => {
    it.each(FORMATS)("%s", (format) => {
      const output = actual.get(`${name}/${format}`) ?? "";
      const stored = readFileSync(path.join(goldenDir, name, EXPECTED_FILES[format]), "utf8");
      expect(storedForm(format, output), `${name}/${EXPECTED_FILES[format]}: ${UPDATE}`).toBe(stored);
      // A pretty-printed SARIF file must still be exactly what the CLI wrote, once put back on one line.
      expect(outputForm(format, stored), `${name}/${EXPECTED_FILES[format]} re-serialised`).toBe(output);
    });
  });
});

it("docs/output-formats.md shows the golden output in its examples", () => {
  const docs = readFileSync(docsFile, "utf8");
  expect(renderDocs(docs, expectedOutput), `docs/output-formats.md is stale: ${UPDATE}`).toBe(docs);
});
