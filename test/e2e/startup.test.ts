import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAFE_POD, cliPath, ensureBuilt, removeTempDirs, tempDir } from "./cli-harness.js";

/**
 * Start-up time is mostly compiling the bundle (issue 17: a small lint in a blink), so what a run does not
 * need sits in chunks loaded on demand. These tests record the chunks a run loads, with a module hook,
 * and look in them for code that only other runs need. Function names survive the build (it minifies
 * whitespace and syntax only), so a definition found in a loaded chunk means that code was loaded.
 */

const LAZY_CODE: Record<string, RegExp> = {
  "the CEL compiler": /function compileCel\(/,
  "the custom-rule compiler": /function compileCustomRule\(/,
  "the config reader": /function loadConfig\(/,
  "the YAML library of the config reader": /LineCounter\d*=class/,
  "chart and overlay expansion": /function expandSources\(/,
  "the ValidatingAdmissionPolicy reader": /function policySet\(/,
  "the SARIF reporter": /function\*? ?sarifReport\(/,
  "the rule documentation": /function renderRuleDoc\(/,
};

beforeAll(ensureBuilt);
afterAll(removeTempDirs);

/** The dist files a `kubeward` run loads (its arguments in `cwd`), with what each holds of LAZY_CODE. */
function loadedCode(args: readonly string[], cwd: string): { files: string[]; lazy: string[] } {
  const log = path.join(tempDir(), "loaded.txt");
  const hooks = `data:text/javascript,${encodeURIComponent(
    `import { appendFileSync } from "node:fs"; export async function load(url, context, next) { if (url.startsWith("file:")) appendFileSync(${JSON.stringify(log)}, url + "\\n"); return next(url, context); }`,
  )}`;
  const register = `data:text/javascript,${encodeURIComponent(`import { register } from "node:module"; register(${JSON.stringify(hooks)});`)}`;
  const result = spawnSync(process.execPath, ["--import", register, cliPath, ...args], { cwd, encoding: "utf8" });
  expect(result.status, result.stderr).toBeLessThan(2);
  const files = readFileSync(log, "utf8").trim().split("\n").map((url) => fileURLToPath(url));
  const text = files.map((file) => readFileSync(file, "utf8")).join("\n");
  return { files, lazy: Object.keys(LAZY_CODE).filter((name) => LAZY_CODE[name].test(text)) };
}

describe("start-up", () => {
  it("a lint of one plain file without a config loads none of the code other runs need", () => {
    const cwd = tempDir({ "pod.yaml": SAFE_POD });
    const { files, lazy } = loadedCode(["lint", "pod.yaml"], cwd);
    expect(files).toContain(cliPath);
    expect(lazy).toEqual([]);
  });

  it("loads the config reader for a config file, and the SARIF reporter for SARIF, and nothing else besides", () => {
    const cwd = tempDir({ "pod.yaml": SAFE_POD, ".kubeward.yaml": "failOn: high\n" });
    expect(loadedCode(["lint", "pod.yaml", "--format", "sarif"], cwd).lazy).toEqual(["the config reader", "the YAML library of the config reader", "the SARIF reporter"]);
  });

  it("loads the CEL and custom-rule compilers for custom rules (so the markers match the build)", () => {
    const cwd = tempDir({ "pod.yaml": SAFE_POD, ".kubeward.yaml": "customRules:\n  - id: acme/x\n    title: X\n    severity: low\n    validations:\n      - expression: 'true'\n" });
    expect(loadedCode(["lint", "pod.yaml", "--format", "sarif"], cwd).lazy).toEqual(expect.arrayContaining(["the CEL compiler", "the custom-rule compiler"]));
  });
});
