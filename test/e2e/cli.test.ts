import { existsSync, readFileSync, symlinkSync } from "node:fs";
import path from "node:path";
import type * as Sarif from "sarif";
import { afterAll, describe, expect, it } from "vitest";
import {
  PRIVILEGED_POD,
  SAFE_POD,
  jsonFindings,
  runCli,
  onlyRulesConfig,
  removeTempDirs,
  repoRoot,
  tempDir,
  tools,
  toolsEnv,
  where,
  writeFiles,
} from "./cli-harness.js";
import { ALL_RULE_META } from "../../src/registry.js";
import { controlTitle } from "../../src/core/frameworks.js";

const ONLY_PRIVILEGED = onlyRulesConfig(["privileged-container"]);
/** Only privileged-container, with this setting. */
const withPrivileged = (setting: string): string => onlyRulesConfig(["privileged-container"], "", { "privileged-container": setting });
/** The start of an ANSI escape sequence (a string: toMatch looks for it as a substring). */
const ANSI = "\u001b[";

afterAll(removeTempDirs);

/** A folder with the privileged Pod and a config that leaves only privileged-container on. */
function riskyProject(extraConfig = "", files: Record<string, string> = {}): string {
  return tempDir({ ".kubeward.yaml": onlyRulesConfig(["privileged-container"], extraConfig), "risky.yaml": PRIVILEGED_POD, ...files });
}

describe("output formats", () => {
  it("text: findings grouped by file as `line:col  level  message  rule`, then a summary line", async () => {
    const cwd = riskyProject("", { "b/also-risky.yaml": PRIVILEGED_POD, "safe.yaml": SAFE_POD });
    const result = await runCli(["lint", "."], { cwd });
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(
      [
        "b/also-risky.yaml",
        '  9:9  error    container "web" runs privileged.  privileged-container',
        "",
        "risky.yaml",
        '  9:9  error    container "web" runs privileged.  privileged-container',
        "",
        "✖ 2 problems (2 errors, 0 warnings, 0 notes) in 3 objects in 3 files.",
        "",
      ].join("\n"),
    );
    expect(result.status).toBe(1);
  });

  it("text: a clean run says so and exits 0", async () => {
    const cwd = tempDir({ ".kubeward.yaml": ONLY_PRIVILEGED, "safe.yaml": SAFE_POD });
    const result = await runCli(["lint"], { cwd });
    expect(result.stdout).toBe("✔ No problems found (1 object in 1 file).\n");
    expect(result.status).toBe(0);
  });

  it("compact: one `path:line:col: level: message [rule-id]` line per finding", async () => {
    const cwd = riskyProject("", { "nested/dir/x.yaml": PRIVILEGED_POD });
    const result = await runCli(["lint", "--format", "compact"], { cwd });
    expect(result.stdout).toBe(
      'nested/dir/x.yaml:9:9: error: container "web" runs privileged. [privileged-container]\n' +
        'risky.yaml:9:9: error: container "web" runs privileged. [privileged-container]\n',
    );
    expect(result.status).toBe(1);
  });

  it("json: a stable array of findings with every documented field", async () => {
    const cwd = riskyProject();
    const result = await runCli(["lint", "--format", "json"], { cwd });
    const findings = jsonFindings(result.stdout);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "privileged-container",
      severity: "critical",
      level: "error",
      message: 'container "web" runs privileged.',
      file: "risky.yaml",
      region: { startLine: 9, startColumn: 9, endLine: 9, endColumn: 25 },
      object: { apiVersion: "v1", kind: "Pod", name: "risky" },
      path: "spec.containers[0].securityContext.privileged",
      suppressed: false,
    });
    for (const key of ["rule", "severity", "level", "message", "file", "region", "object", "path", "suppressed"]) {
      expect(findings[0]).toHaveProperty(key);
    }
    expect(result.status).toBe(1);
  });

  it("json: an empty array when there is nothing to report", async () => {
    const cwd = tempDir({ ".kubeward.yaml": ONLY_PRIVILEGED, "safe.yaml": SAFE_POD });
    const result = await runCli(["lint", "--format", "json"], { cwd });
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(result.status).toBe(0);
  });

  it("sarif: one run whose result points at the finding", async () => {
    const cwd = riskyProject();
    const result = await runCli(["lint", "--format", "sarif"], { cwd });
    const log = JSON.parse(result.stdout) as Sarif.Log;
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const results = log.runs[0].results?.filter((r) => r.ruleId === "privileged-container");
    expect(results).toHaveLength(1);
    expect(results?.[0].locations?.[0].physicalLocation).toEqual({
      artifactLocation: { uri: "risky.yaml", uriBaseId: "%SRCROOT%" },
      region: { startLine: 9, startColumn: 9, endLine: 9, endColumn: 25 },
    });
    expect(result.status).toBe(1);
  });

  it("an unknown format is a usage error (exit 2)", async () => {
    const result = await runCli(["lint", "--format", "xml"], { cwd: riskyProject() });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--format must be one of text, compact, json, sarif");
    expect(result.stdout).toBe("");
  });
});

describe("--output", () => {
  it("writes the report to the file and nothing to standard output", async () => {
    const cwd = riskyProject();
    const toStdout = await runCli(["lint", "--format", "sarif"], { cwd });
    const toFile = await runCli(["lint", "--format", "sarif", "--output", "report.sarif"], { cwd });
    expect(toFile.stdout).toBe("");
    expect(toFile.status).toBe(1);
    expect(readFileSync(path.join(cwd, "report.sarif"), "utf8")).toBe(toStdout.stdout);
  });

  it("never colours a text report written to a file", async () => {
    const cwd = riskyProject();
    await runCli(["lint", "-o", "report.txt"], { cwd, env: { FORCE_COLOR: "1" } });
    const report = readFileSync(path.join(cwd, "report.txt"), "utf8");
    expect(report).toContain("risky.yaml");
    expect(report).not.toMatch(ANSI);
  });

  it("a file that cannot be written is one line naming it and why, without a stack trace or the usage", async () => {
    const cwd = riskyProject("", { "a-folder/x.yaml": SAFE_POD });
    const missing = await runCli(["lint", "risky.yaml", "-o", "missing-dir/report.txt"], { cwd });
    expect(missing.stderr).toBe("kubeward: cannot write the report to missing-dir/report.txt: the folder missing-dir does not exist.\n");
    expect(missing.status).toBe(2);
    const folder = await runCli(["lint", "risky.yaml", "-o", "a-folder"], { cwd });
    expect(folder.stderr).toBe("kubeward: cannot write the report to a-folder: it is a folder.\n");
    expect(folder.status).toBe(2);
  });
});

describe("--fail-on and exit codes", () => {
  // privileged-container's severity, moved by config, sets the level of the one finding.
  const cases: Array<[string, string, Record<string, number>]> = [
    ["critical", "error", { error: 1, warning: 1, note: 1, none: 0 }],
    ["medium", "warning", { error: 0, warning: 1, note: 1, none: 0 }],
    ["low", "note", { error: 0, warning: 0, note: 1, none: 0 }],
  ];
  for (const [severity, level, expected] of cases) {
    for (const [failOn, status] of Object.entries(expected)) {
      it(`a ${level} finding with --fail-on ${failOn} exits ${status}`, async () => {
        const cwd = tempDir({
          ".kubeward.yaml": onlyRulesConfig(["privileged-container"], "", { "privileged-container": severity }),
          "risky.yaml": PRIVILEGED_POD,
        });
        const result = await runCli(["lint", "--format", "json", "--fail-on", failOn], { cwd });
        expect(jsonFindings(result.stdout).map((f) => f.level)).toEqual([level]);
        expect(result.status).toBe(status);
      });
    }
  }

  it("the default fail level is warning", async () => {
    const warning = tempDir({
      ".kubeward.yaml": withPrivileged("medium"),
      "risky.yaml": PRIVILEGED_POD,
    });
    const note = tempDir({
      ".kubeward.yaml": withPrivileged("low"),
      "risky.yaml": PRIVILEGED_POD,
    });
    expect((await runCli(["lint"], { cwd: warning })).status).toBe(1);
    expect((await runCli(["lint"], { cwd: note })).status).toBe(0);
  });

  it("nothing to report exits 0 at every fail level", async () => {
    const cwd = tempDir({ ".kubeward.yaml": ONLY_PRIVILEGED, "safe.yaml": SAFE_POD });
    for (const failOn of ["error", "warning", "note", "none"]) expect((await runCli(["lint", "--fail-on", failOn], { cwd })).status).toBe(0);
  });

  it("an unknown fail level is a usage error", async () => {
    const result = await runCli(["lint", "--fail-on", "severe"], { cwd: riskyProject() });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--fail-on must be one of error, warning, note, critical, high, medium, low, none");
  });

  describe("a severity as the fail level: findings of that severity or worse fail the run", () => {
    // critical, high, medium, low: the one finding's severity, and the exit code at each --fail-on severity.
    const cases: Array<[string, Record<string, number>]> = [
      ["critical", { critical: 1, high: 1, medium: 1, low: 1 }],
      ["high", { critical: 0, high: 1, medium: 1, low: 1 }],
      ["medium", { critical: 0, high: 0, medium: 1, low: 1 }],
      ["low", { critical: 0, high: 0, medium: 0, low: 1 }],
    ];
    for (const [severity, expected] of cases) {
      it(`a ${severity} finding`, async () => {
        const cwd = tempDir({ ".kubeward.yaml": withPrivileged(severity), "risky.yaml": PRIVILEGED_POD });
        for (const [failOn, status] of Object.entries(expected)) expect((await runCli(["lint", "--fail-on", failOn], { cwd })).status, failOn).toBe(status);
      });
    }

    it("failOn in the config takes a severity too", async () => {
      const cwd = tempDir({ ".kubeward.yaml": onlyRulesConfig(["privileged-container"], "failOn: critical", { "privileged-container": "high" }), "risky.yaml": PRIVILEGED_POD });
      expect((await runCli(["lint"], { cwd })).status).toBe(0);
      expect((await runCli(["lint", "--fail-on", "high"], { cwd })).status).toBe(1);
    });
  });

  it("format and fail level names are case-insensitive", async () => {
    const cwd = riskyProject();
    const sarif = await runCli(["lint", "--format", "SARIF"], { cwd });
    expect((JSON.parse(sarif.stdout) as Sarif.Log).version).toBe("2.1.0");
    expect(await runCli(["lint", "--format", "Json", "--fail-on", "NONE"], { cwd })).toMatchObject({ status: 0, stdout: expect.stringMatching(/^\[/) as string });
    expect((await runCli(["lint", "--fail-on", "Critical"], { cwd })).status).toBe(1);
  });

  it("an unknown option says which one was meant", async () => {
    const result = await runCli(["lint", "--formt", "json"], { cwd: riskyProject() });
    expect(result.stderr.split("\n")[0]).toBe('kubeward: unknown option "--formt" (did you mean "--format"?)');
    expect(result.status).toBe(2);
    expect((await runCli(["lint", "--fail-onn=none"], { cwd: riskyProject() })).stderr.split("\n")[0]).toBe('kubeward: unknown option "--fail-onn" (did you mean "--fail-on"?)');
    expect((await runCli(["lint", "--zzzzzzzz"], { cwd: riskyProject() })).stderr.split("\n")[0]).toBe('kubeward: unknown option "--zzzzzzzz"');
  });

  describe("Helm values given on the command line are checked before the run, with or without a chart", () => {
    const CHART = { "chart/Chart.yaml": "apiVersion: v2\nname: web\nversion: 1.0.0\n", "chart/templates/pod.yaml": PRIVILEGED_POD };
    const projects = { "without a chart": (): string => riskyProject(), "with a chart": (): string => riskyProject("", CHART) };
    for (const [name, project] of Object.entries(projects)) {
      it(`a values file that does not exist is a usage error (${name})`, async () => {
        const result = await runCli(["lint", "-f", "no-such-values.yaml"], { cwd: project(), env: toolsEnv() });
        expect(result.stderr).toBe("kubeward: -f/--values no-such-values.yaml: no such file\n");
        expect(result.stdout).toBe("");
        expect(result.status).toBe(2);
      });

      it(`a --set that is not KEY=VALUE is a usage error (${name})`, async () => {
        const cwd = project();
        const errors: Record<string, string> = {
          abc: 'key "abc" has no value',
          "a=1,b": 'key "b" has no value',
          "a=1,,b=2": 'key "" has no value',
          "a={1,2": 'the list of "a" must end with }',
        };
        for (const [argument, problem] of Object.entries(errors)) {
          const result = await runCli(["lint", "--set", argument], { cwd, env: toolsEnv() });
          expect(result.stderr, argument).toBe(`kubeward: --set "${argument}" is not KEY=VALUE[,KEY=VALUE...]: ${problem}\n`);
          expect(result.status, argument).toBe(2);
        }
      });
    }

    it("what helm accepts passes: lists, escaped commas, a trailing comma, an empty value", async () => {
      const cwd = riskyProject();
      for (const argument of ["a={1,2},b=3", "a\\,b=1", "a=1,", "a=", "a.b[0]=x"]) expect((await runCli(["lint", "--set", argument], { cwd })).status, argument).toBe(1);
    });
  });

  it("input that cannot be read exits 1 even when no rule fires", async () => {
    const cwd = tempDir({ ".kubeward.yaml": ONLY_PRIVILEGED, "safe.yaml": SAFE_POD });
    const result = await runCli(["lint", "safe.yaml", "no-such-file.yaml", "--format", "compact"], { cwd });
    expect(result.stdout).toContain("no-such-file.yaml:1:1: error:");
    expect(result.stdout).toContain("[kubeward/unreadable-file]");
    expect(result.status).toBe(1);
  });

  describe("input that could not be linted fails the run whatever --fail-on says", () => {
    const BROKEN = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p: q\n";
    const PARSE_ERROR = "broken.yaml:4:10: error: Invalid YAML: bad indentation of a mapping entry. The rest of the file was still read. [kubeward/parse-error]\n";

    it("a parse error under --fail-on none exits 1, and stderr says why and how to accept it", async () => {
      const cwd = tempDir({ ".kubeward.yaml": ONLY_PRIVILEGED, "safe.yaml": SAFE_POD, "broken.yaml": BROKEN });
      const result = await runCli(["lint", "--format", "compact", "--fail-on", "none"], { cwd });
      expect(result.stdout).toBe(PARSE_ERROR);
      expect(result.stderr).toBe(
        "kubeward: 1 input could not be linted, which fails the run whatever --fail-on says; fix the input, or accept it with rules: {kubeward/parse-error: off} in .kubeward.yaml.\n",
      );
      expect(result.status).toBe(1);
    });

    it("failOn: none in the config does not let it pass either, and --quiet still shows it", async () => {
      const cwd = tempDir({ ".kubeward.yaml": onlyRulesConfig(["privileged-container"], "failOn: none"), "broken.yaml": BROKEN });
      const result = await runCli(["lint", "--format", "compact", "--quiet"], { cwd });
      expect(result.stdout).toBe(PARSE_ERROR);
      expect(result.status).toBe(1);
    });

    it("a missing path under --fail-on none exits 1", async () => {
      const cwd = tempDir({ ".kubeward.yaml": ONLY_PRIVILEGED, "safe.yaml": SAFE_POD });
      const result = await runCli(["lint", "safe.yaml", "no-such-file.yaml", "--format", "json", "--fail-on", "none"], { cwd });
      expect(where(jsonFindings(result.stdout))).toEqual(["no-such-file.yaml:1:1 kubeward/unreadable-file"]);
      expect(result.status).toBe(1);
    });

    it("with the diagnostic off in the config, the same input is neither reported nor failing; other diagnostics still fail", async () => {
      const config = onlyRulesConfig(["privileged-container"], "", { "kubeward/parse-error": "off" });
      const cwd = tempDir({ ".kubeward.yaml": config, "safe.yaml": SAFE_POD, "broken.yaml": BROKEN });
      const result = await runCli(["lint", "--format", "json", "--fail-on", "none"], { cwd });
      expect(jsonFindings(result.stdout)).toEqual([]);
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expect((await runCli(["lint", "--format", "compact"], { cwd })).status).toBe(0);
      const missing = await runCli(["lint", ".", "no-such-file.yaml", "--format", "json", "--fail-on", "none"], { cwd });
      expect(where(jsonFindings(missing.stdout))).toEqual(["no-such-file.yaml:1:1 kubeward/unreadable-file"]);
      expect(missing.status).toBe(1);
    });

    it("the mapping form turns a diagnostic off too", async () => {
      const config = onlyRulesConfig(["privileged-container"], "", { "kubeward/parse-error": "{enabled: false}" });
      const cwd = tempDir({ ".kubeward.yaml": config, "broken.yaml": BROKEN });
      expect((await runCli(["lint", "--fail-on", "none"], { cwd })).status).toBe(0);
    });

    it("a wrongly typed field is an ordinary finding: its severity may be changed in the config, and --fail-on decides", async () => {
      const WRONG_TYPE = "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  securityContext: \"x\"\n  containers: []\n";
      const config = onlyRulesConfig([], "", { "kubeward/invalid-field-type": "low" });
      const cwd = tempDir({ ".kubeward.yaml": config, "wrong.yaml": WRONG_TYPE });
      const result = await runCli(["lint", "--format", "compact"], { cwd });
      expect(result.stdout).toBe('wrong.yaml:5:3: note: spec.securityContext must be a mapping, not the string "x". [kubeward/invalid-field-type]\n');
      expect(result.status).toBe(0);
      expect((await runCli(["lint", "--fail-on", "note"], { cwd })).status).toBe(1);
      expect((await runCli(["lint"], { cwd: tempDir({ ".kubeward.yaml": onlyRulesConfig([]), "wrong.yaml": WRONG_TYPE }) })).status).toBe(1);
    });
  });

  it("usage errors exit 2: no command, unknown command, unknown option, missing option value", async () => {
    const cwd = riskyProject();
    for (const args of [[], ["frobnicate"], ["lint", "--no-such-flag"], ["lint", "--format"]]) {
      const result = await runCli(args, { cwd });
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr + result.stdout).toContain("Usage: kubeward");
    }
  });

  it("--help and --version exit 0", async () => {
    const cwd = riskyProject();
    expect(await runCli(["--help"], { cwd })).toMatchObject({ status: 0, stdout: expect.stringContaining("Exit codes:") as string });
    expect((await runCli(["lint", "--help"], { cwd })).status).toBe(0);
    expect((await runCli(["--version"], { cwd })).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe("inputs", () => {
  it("reads standard input for `-`, reported as file `-`", async () => {
    const cwd = tempDir({ ".kubeward.yaml": ONLY_PRIVILEGED });
    const result = await runCli(["lint", "-", "--format", "compact"], { cwd, input: PRIVILEGED_POD });
    expect(result.stdout).toBe('-:9:9: error: container "web" runs privileged. [privileged-container]\n');
    expect(result.status).toBe(1);
  });

  it("reads standard input together with files", async () => {
    const cwd = riskyProject();
    const result = await runCli(["lint", "risky.yaml", "-", "--format", "json"], { cwd, input: PRIVILEGED_POD });
    expect(where(jsonFindings(result.stdout))).toEqual(["-:9:9 privileged-container", "risky.yaml:9:9 privileged-container"]);
  });

  it("lints the current folder when no path is given", async () => {
    const result = await runCli(["lint", "--format", "compact"], { cwd: riskyProject() });
    expect(result.stdout).toContain("risky.yaml:9:9:");
  });

  it("skips node_modules and .git always, and whatever --exclude names (repeatable)", async () => {
    const cwd = riskyProject("", {
      "node_modules/pkg/pod.yaml": PRIVILEGED_POD,
      ".git/pod.yaml": PRIVILEGED_POD,
      "vendor/pod.yaml": PRIVILEGED_POD,
      "generated/deep/pod.yaml": PRIVILEGED_POD,
      "keep/pod.yaml": PRIVILEGED_POD,
      "keep/pod.test.yaml": PRIVILEGED_POD,
    });
    const all = await runCli(["lint", "--format", "json"], { cwd });
    expect(jsonFindings(all.stdout).map((f) => f.file)).toEqual([
      "generated/deep/pod.yaml",
      "keep/pod.test.yaml",
      "keep/pod.yaml",
      "risky.yaml",
      "vendor/pod.yaml",
    ]);
    const some = await runCli(["lint", "--format", "json", "--exclude", "vendor", "--exclude", "generated/**", "--exclude", "*.test.yaml"], { cwd });
    expect(jsonFindings(some.stdout).map((f) => f.file)).toEqual(["keep/pod.yaml", "risky.yaml"]);
  });

  it("--exclude applies to charts and overlays named on the command line, and to folders inside them", async () => {
    const cwd = riskyProject("", {
      "charts/web/Chart.yaml": "apiVersion: v2\nname: web\nversion: 1.0.0\n",
      "charts/web/templates/pod.yaml": PRIVILEGED_POD,
      "overlays/prod/kustomization.yaml": "resources:\n  - pod.yaml\n",
      "overlays/prod/pod.yaml": PRIVILEGED_POD,
    });
    const files = async (...args: string[]): Promise<string[]> => [...new Set(jsonFindings((await runCli(["lint", "--format", "json", ...args], { cwd, env: toolsEnv() })).stdout).map((f) => f.file))];
    expect(await files("charts/web", "overlays/prod", "risky.yaml")).toEqual(["charts/web/templates/pod.yaml", "overlays/prod/pod.yaml", "risky.yaml"]);
    expect(await files("charts/web", "overlays/prod", "risky.yaml", "--exclude", "charts/web", "--exclude", "overlays/prod")).toEqual(["risky.yaml"]);
    expect(await files("charts/web", "risky.yaml", "--exclude", "web")).toEqual(["risky.yaml"]);
    // Not its templates linted as plain YAML instead.
    expect(await files("charts/web/templates", "risky.yaml", "--exclude", "charts/web")).toEqual(["risky.yaml"]);
  });

  it("follows links to folders, walking each real folder once, so a link loop ends", async () => {
    const cwd = riskyProject("", { "real/pod.yaml": PRIVILEGED_POD, "elsewhere/linked.yaml": PRIVILEGED_POD });
    symlinkSync(path.join(cwd, "elsewhere"), path.join(cwd, "deploy-link"), "dir");
    symlinkSync(path.join(cwd, "real"), path.join(cwd, "real/loop"), "dir");
    symlinkSync("..", path.join(cwd, "elsewhere/up"), "dir");
    const walk = await runCli(["lint", "risky.yaml", "real", "deploy-link", "--format", "json"], { cwd });
    expect(where(jsonFindings(walk.stdout))).toEqual([
      "deploy-link/linked.yaml:9:9 privileged-container",
      "real/pod.yaml:9:9 privileged-container",
      "risky.yaml:9:9 privileged-container",
    ]);
    // From the top, each file once, by its real place: the links lead only to folders already walked.
    const all = await runCli(["lint", "--format", "json"], { cwd });
    expect(where(jsonFindings(all.stdout))).toEqual([
      "elsewhere/linked.yaml:9:9 privileged-container",
      "real/pod.yaml:9:9 privileged-container",
      "risky.yaml:9:9 privileged-container",
    ]);
  });

  it("expands globs given as inputs (quoted, so kubeward and not the shell expands them)", async () => {
    const cwd = riskyProject("", {
      "apps/a/pod.yaml": PRIVILEGED_POD,
      "apps/b/pod.yml": PRIVILEGED_POD,
      "apps/b/pod.json": JSON.stringify({
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "j" },
        spec: { containers: [{ name: "web", securityContext: { privileged: true } }] },
      }),
      "other/pod.yaml": PRIVILEGED_POD,
    });
    const yaml = await runCli(["lint", "--format", "json", "apps/**/*.{yaml,yml}"], { cwd });
    expect(jsonFindings(yaml.stdout).map((f) => f.file)).toEqual(["apps/a/pod.yaml", "apps/b/pod.yml"]);
    const json = await runCli(["lint", "--format", "json", "**/*.json"], { cwd });
    const column = readFileSync(path.join(cwd, "apps/b/pod.json"), "utf8").indexOf('"privileged"') + 1;
    expect(where(jsonFindings(json.stdout))).toEqual([`apps/b/pod.json:1:${column} privileged-container`]);
  });

  it("a glob that matches nothing is reported like a path that does not exist (exit 1)", async () => {
    const cwd = riskyProject();
    const result = await runCli(["lint", "--format", "compact", "nothing/**/*.yaml"], { cwd });
    expect(result.stdout).toBe(
      "nothing/**/*.yaml:1:1: error: No file matches this pattern; check it, and quote it so that kubeward expands it rather than the shell. [kubeward/unreadable-file]\n",
    );
    expect(result.status).toBe(1);
  });

  it("a glob whose matches are all excluded is not an error", async () => {
    const cwd = riskyProject("", { "vendor/pod.yaml": PRIVILEGED_POD });
    const result = await runCli(["lint", "--format", "json", "vendor/*.yaml", "--exclude", "vendor"], { cwd });
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(result.status).toBe(0);
  });

  it("passes over YAML that is not a Kubernetes object silently, and says so with --verbose", async () => {
    const cwd = tempDir({
      ".kubeward.yaml": ONLY_PRIVILEGED,
      "values.yaml": "replicaCount: 2\nimage:\n  tag: latest\n",
      "list.yaml": "- a\n- b\n",
      "docs.yaml": "---\n# only a comment\n---\njust a string\n",
      "risky.yaml": PRIVILEGED_POD,
    });
    const quiet = await runCli(["lint", "--format", "compact"], { cwd });
    expect(quiet.stderr).toBe("");
    expect(quiet.stdout).toBe('risky.yaml:9:9: error: container "web" runs privileged. [privileged-container]\n');
    const verbose = await runCli(["lint", "--format", "compact", "--verbose"], { cwd });
    expect(verbose.stdout).toBe(quiet.stdout);
    expect(verbose.stderr).toContain("kubeward: skipped values.yaml document 1: it has no apiVersion and kind");
    expect(verbose.stderr).toContain("kubeward: skipped list.yaml document 1: the document is a list, not a mapping");
    expect(verbose.stderr).toContain("kubeward: skipped docs.yaml document 2: the document is a string, not a mapping");
    expect(verbose.stderr).toContain(`kubeward: using config ${path.join(cwd, ".kubeward.yaml")}`);
  });
});

describe("--quiet", () => {
  const project = (): string =>
    tempDir({
      ".kubeward.yaml": withPrivileged("medium"),
      "warn.yaml": PRIVILEGED_POD,
      "error.yaml": PRIVILEGED_POD.replace("privileged: true", "privileged: false\n    - name: broken\n      image: [1]"),
    });

  it("shows errors only; the exit code still follows --fail-on", async () => {
    const cwd = project();
    const result = await runCli(["lint", "-q", "--format", "compact"], { cwd });
    expect(result.stdout).toBe("error.yaml:11:7: error: spec.containers[1].image must be a string, not a list. [kubeward/invalid-field-type]\n");
    expect(result.status).toBe(1);
    expect((await runCli(["lint", "-q", "--fail-on", "error"], { cwd })).status).toBe(1);
  });

  it("the text summary counts the findings it hid", async () => {
    const cwd = project();
    const result = await runCli(["lint", "--quiet"], { cwd });
    expect(result.stdout).not.toContain("warn.yaml");
    expect(result.stdout).toContain("✖ 1 problem (1 error, 0 warnings, 0 notes) in 2 objects in 2 files, 1 below error hidden by --quiet.");
  });
});

describe("colour", () => {
  it("is off when standard output is not a terminal", async () => {
    const result = await runCli(["lint"], { cwd: riskyProject() });
    expect(result.stdout).toContain("privileged-container");
    expect(result.stdout).not.toMatch(ANSI);
  });

  it("FORCE_COLOR turns it on, and NO_COLOR always wins", async () => {
    const cwd = riskyProject();
    expect((await runCli(["lint"], { cwd, env: { FORCE_COLOR: "1" } })).stdout).toMatch(ANSI);
    expect((await runCli(["lint"], { cwd, env: { FORCE_COLOR: "1", NO_COLOR: "1" } })).stdout).not.toMatch(ANSI);
  });

  it("never colours machine formats", async () => {
    const cwd = riskyProject();
    for (const format of ["compact", "json", "sarif"]) {
      expect((await runCli(["lint", "--format", format], { cwd, env: { FORCE_COLOR: "1" } })).stdout).not.toMatch(ANSI);
    }
  });

  it("is on when standard output is a terminal, unless NO_COLOR is set", async () => {
    const cwd = riskyProject();
    expect((await runCli(["lint"], { cwd, isTTY: true })).stdout).toMatch(ANSI);
    expect((await runCli(["lint"], { cwd, isTTY: true, env: { NO_COLOR: "1" } })).stdout).not.toMatch(ANSI);
    expect((await runCli(["lint", "--format", "compact"], { cwd, isTTY: true })).stdout).not.toMatch(ANSI);
  });
});

describe("kubeward rules --format json", () => {
  /** The documented fields of an entry, in their order. */
  const RULE_LIST_FIELDS = ["id", "title", "severity", "level", "category", "enabledByDefault", "unlintedInput", "frameworks", "equivalents", "options", "messages", "helpUri"];
  const rulesJson = async (): Promise<{ rules: Array<Record<string, unknown>> }> => {
    const result = await runCli(["rules", "--format", "json"], { cwd: tempDir() });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    return JSON.parse(result.stdout) as { rules: Array<Record<string, unknown>> };
  };

  it("lists every rule and diagnostic of the registry, in its order, with exactly the documented fields", async () => {
    const { rules } = await rulesJson();
    expect(rules.map((entry) => entry.id)).toEqual(ALL_RULE_META.map((meta) => meta.id));
    expect(rules.map((entry) => entry.id)).toEqual(expect.arrayContaining(["privileged-container", "kubeward/parse-error", "kubeward/tool-missing"]));
    for (const entry of rules) expect(Object.keys(entry), String(entry.id)).toEqual(RULE_LIST_FIELDS);
  });

  it("gives each rule's metadata as the registry declares it", async () => {
    const { rules } = await rulesJson();
    for (const [index, meta] of ALL_RULE_META.entries()) {
      const entry = rules[index];
      expect(entry, meta.id).toEqual({
        id: meta.id,
        title: meta.title,
        severity: meta.severity,
        level: { critical: "error", high: "error", medium: "warning", low: "note" }[meta.severity],
        category: meta.category,
        enabledByDefault: meta.enabledByDefault !== false,
        unlintedInput: meta.unlintedInput === true,
        // The control titles come from the framework data, not from the rule.
        frameworks: meta.frameworks.map((ref) => ({ ...ref, ...(controlTitle(ref) !== undefined && { title: controlTitle(ref) }) })),
        equivalents: meta.equivalents,
        options: Object.keys(meta.options ?? {}).map((name) => ({ name, ...meta.options?.[name] })),
        messages: Object.keys(meta.messages ?? {}).map((id) => ({ id, template: meta.messages?.[id] })),
        helpUri: `https://github.com/kubeward/kubeward/blob/main/docs/rules/${meta.id.replace("/", "-")}.md`,
      });
      expect(existsSync(path.join(repoRoot, "docs/rules", `${meta.id.replace("/", "-")}.md`)), `docs page of ${meta.id}`).toBe(true);
    }
  });

  it("spells out known entries: a framework rule, an opt-in rule with options, a diagnostic", async () => {
    const byId = new Map((await rulesJson()).rules.map((entry) => [entry.id, entry]));
    expect(byId.get("privileged-container")).toMatchObject({
      severity: "critical",
      level: "error",
      category: "pod-security",
      enabledByDefault: true,
      frameworks: expect.arrayContaining([{ framework: "PSS", control: "baseline/privileged-containers", title: "Privileged Containers" }]) as unknown,
      options: [],
      messages: [{ id: "runsPrivileged", template: "{{container}} runs privileged." }],
    });
    expect(byId.get("image-registry-not-allowed")).toMatchObject({
      options: [expect.objectContaining({ name: "allowedRegistries", type: "string[]" })],
    });
    expect(byId.get("kubeward/parse-error")).toMatchObject({ category: "input", unlintedInput: true, frameworks: [], equivalents: {}, messages: [] });
  });

  it("takes no rule id, and refuses another format", async () => {
    const withId = await runCli(["rules", "privileged-container", "--format", "json"], { cwd: tempDir() });
    expect(withId.status).toBe(2);
    expect(withId.stderr).toContain("--format json lists every rule; leave out the rule id");
    const xml = await runCli(["rules", "--format", "xml"], { cwd: tempDir() });
    expect(xml.status).toBe(2);
    expect(xml.stderr).toContain("--format must be one of text, json");
  });

  it("is described in `kubeward rules --help`, field by field", async () => {
    const result = await runCli(["rules", "--help"], { cwd: tempDir() });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("kubeward rules --format json");
    for (const field of RULE_LIST_FIELDS) {
      expect(result.stdout).toMatch(new RegExp(`^  ${field} `, "m"));
    }
  });
});

describe("kubeward rules", () => {
  it("lists every rule with its severity and level", async () => {
    const result = await runCli(["rules"], { cwd: tempDir() });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^RULE\s+SEVERITY/);
    expect(result.stdout).toMatch(/^privileged-container\s+critical\/error\s+PSS baseline/m);
    expect(result.stdout).toMatch(/^liveness-probe-missing\s+low\/note \(off\)\s/m);
    expect(result.stdout).toMatch(/\n\d+ rules\. /);
  });

  it("prints one rule's documentation", async () => {
    const result = await runCli(["rules", "privileged-container"], { cwd: tempDir() });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("# privileged-container");
    expect(result.stdout).toContain("Container runs privileged");
    expect(result.stdout).toContain("kubeward-ignore privileged-container");
  });

  it("documents the input diagnostics too", async () => {
    const result = await runCli(["rules", "kubeward/invalid-field-type"], { cwd: tempDir() });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Field has the wrong type");
  });

  it("an unknown rule is a usage error, with a did-you-mean when one is near", async () => {
    const result = await runCli(["rules", "no-such-rule"], { cwd: tempDir() });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('kubeward: unknown rule "no-such-rule"; `kubeward rules` lists them\n');
    const typo = await runCli(["rules", "privileged-containr"], { cwd: tempDir() });
    expect(typo.stderr).toBe('kubeward: unknown rule "privileged-containr" (did you mean "privileged-container"?); `kubeward rules` lists them\n');
    expect(typo.status).toBe(2);
  });
});

describe("configuration", () => {
  it("is found upward from the working directory", async () => {
    const root = tempDir({ ".kubeward.yaml": onlyRulesConfig([]), "deep/er/risky.yaml": PRIVILEGED_POD });
    const cwd = path.join(root, "deep/er");
    const result = await runCli(["lint", "--format", "json", "-v"], { cwd });
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(result.stderr).toContain(`using config ${path.join(root, ".kubeward.yaml")}`);
    expect(result.status).toBe(0);
  });

  it("podTemplates names a custom kind whose pod spec is linted, and a bad entry is a usage error at its line", async () => {
    const webApp = PRIVILEGED_POD.replace("apiVersion: v1\nkind: Pod", "apiVersion: example.com/v1\nkind: WebApp");
    const cwd = tempDir({
      ".kubeward.yaml": onlyRulesConfig(["privileged-container"], "podTemplates:\n  - {kind: WebApp, group: example.com, path: spec}"),
      "app.yaml": webApp,
    });
    expect(where(jsonFindings((await runCli(["lint", "--format", "json"], { cwd })).stdout))).toEqual(["app.yaml:9:9 privileged-container"]);
    writeFiles(cwd, { ".kubeward.yaml": "podTemplates:\n  - {kind: WebApp, group: example.com}\n" });
    const broken = await runCli(["lint"], { cwd });
    expect(broken.stderr).toContain(".kubeward.yaml:2:5: a podTemplates entry needs path");
    expect(broken.status).toBe(2);
  });

  it("the nearest file wins, and .kubeward.yml is read too", async () => {
    const root = tempDir({
      ".kubeward.yaml": onlyRulesConfig([]),
      "app/.kubeward.yml": ONLY_PRIVILEGED,
      "app/risky.yaml": PRIVILEGED_POD,
    });
    const result = await runCli(["lint", "--format", "json"], { cwd: path.join(root, "app") });
    expect(where(jsonFindings(result.stdout))).toEqual(["risky.yaml:9:9 privileged-container"]);
  });

  it("--config names the file to use instead", async () => {
    const cwd = riskyProject("", { "ci/strict.yaml": withPrivileged("low") });
    const result = await runCli(["lint", "--format", "json", "--config", "ci/strict.yaml"], { cwd });
    expect(jsonFindings(result.stdout).map((f) => f.severity)).toEqual(["low"]);
    expect(result.status).toBe(0);
  });

  it("turns rules off and changes their severity", async () => {
    const offConfig = tempDir({ ".kubeward.yaml": onlyRulesConfig([]), "risky.yaml": PRIVILEGED_POD });
    expect(onlyRulesConfig([])).toContain("  privileged-container: off\n");
    expect(JSON.parse((await runCli(["lint", "--format", "json"], { cwd: offConfig })).stdout)).toEqual([]);
    const mapping = tempDir({
      ".kubeward.yaml": withPrivileged("\n    enabled: true\n    severity: high"),
      "risky.yaml": PRIVILEGED_POD,
    });
    expect(jsonFindings((await runCli(["lint", "--format", "json"], { cwd: mapping })).stdout).map((f) => f.severity)).toEqual(["high"]);
  });

  it("include and exclude globs choose the files", async () => {
    const cwd = riskyProject('include: ["apps/**"]\nexclude: ["apps/legacy/**"]', {
      "apps/web.yaml": PRIVILEGED_POD,
      "apps/legacy/old.yaml": PRIVILEGED_POD,
    });
    const result = await runCli(["lint", "--format", "json"], { cwd });
    expect(jsonFindings(result.stdout).map((f) => f.file)).toEqual(["apps/web.yaml"]);
  });

  it("globs in a config found upward are relative to the config's folder; --exclude is relative to the working directory", async () => {
    const root = tempDir({
      ".kubeward.yaml": onlyRulesConfig(["privileged-container"], 'include: ["k8s/**"]\nexclude: ["k8s/legacy/**"]'),
      "k8s/web.yaml": PRIVILEGED_POD,
      "k8s/legacy/old.yaml": PRIVILEGED_POD,
      "k8s/generated/gen.yaml": PRIVILEGED_POD,
    });
    const fromRoot = await runCli(["lint", "--format", "json"], { cwd: root });
    expect(jsonFindings(fromRoot.stdout).map((f) => f.file)).toEqual(["k8s/generated/gen.yaml", "k8s/web.yaml"]);
    const fromBelow = await runCli(["lint", "--format", "json", "--exclude", "generated/**"], { cwd: path.join(root, "k8s") });
    expect(jsonFindings(fromBelow.stdout).map((f) => f.file)).toEqual(["web.yaml"]);
  });

  it("failOn sets the fail level, and --fail-on overrides it", async () => {
    const cwd = riskyProject("failOn: none");
    expect((await runCli(["lint"], { cwd })).status).toBe(0);
    expect((await runCli(["lint", "--fail-on", "error"], { cwd })).status).toBe(1);
  });

  const badConfigs: Array<[string, string, string]> = [
    ["an unknown rule id", "rules:\n  privileged-containers: off\n", '.kubeward.yaml:2:3: unknown rule "privileged-containers" (did you mean "privileged-container"?)'],
    ["a misspelt diagnostic id", "rules:\n  kubeward/parse-eror: off\n", '.kubeward.yaml:2:3: unknown rule "kubeward/parse-eror" (did you mean "kubeward/parse-error"?)'],
    [
      "a severity for a diagnostic of input that could not be linted",
      "rules:\n  kubeward/render-error: low\n",
      '.kubeward.yaml:2:26: rule "kubeward/render-error" reports input that could not be linted, which fails the run whatever its severity; set it to on or off',
    ],
    [
      "the same severity in the mapping form",
      "rules:\n  kubeward/tool-missing:\n    severity: medium\n",
      '.kubeward.yaml:3:15: rule "kubeward/tool-missing" reports input that could not be linted',
    ],
    ["an option for a diagnostic", "rules:\n  kubeward/parse-error:\n    options: {x: 1}\n", '.kubeward.yaml:3:15: rule "kubeward/parse-error" has no option "x" (it takes no options)'],
    ["a wrong type for failOn", "failOn: 3\n", ".kubeward.yaml:1:9: failOn must be one of error, warning, note, critical, high, medium, low, none"],
    ["a wrong type for rules", "rules: [privileged-container]\n", ".kubeward.yaml:1:8: rules must be a mapping"],
    ["a wrong type for enabled", "rules:\n  privileged-container:\n    enabled: sometimes\n", ".kubeward.yaml:3:14: enabled must be true or false"],
    ["an unknown severity", "rules:\n  privileged-container: severe\n", '.kubeward.yaml:2:25: rule "privileged-container": expected on, off, a severity'],
    ["an option the rule does not take", "rules:\n  privileged-container:\n    options:\n      allow: [x]\n", '.kubeward.yaml:4:7: rule "privileged-container" has no option "allow"'],
    ["exclude that is not a list", "exclude: vendor\n", ".kubeward.yaml:1:10: exclude must be a list of glob patterns"],
    ["an unknown top-level setting", "fail-on: error\n", '.kubeward.yaml:1:1: unknown setting "fail-on"'],
    ["an unknown framework", "frameworks: [cis, pci]\n", '.kubeward.yaml:1:19: unknown framework "pci" (did you mean "cis"?); expected one of pss-baseline, pss-restricted, cis, nsa, pci-dss, mitre'],
    ["frameworks that is not a list", "frameworks: cis\n", ".kubeward.yaml:1:13: frameworks must be a list of pss-baseline, pss-restricted, cis, nsa, pci-dss, mitre"],
    ["invalid YAML", "rules:\n  privileged-container: [off\n", ".kubeward.yaml:3:1: invalid YAML"],
  ];
  for (const [name, config, message] of badConfigs) {
    it(`${name} is a configuration error (exit 2) naming file:line:col`, async () => {
      const cwd = tempDir({ ".kubeward.yaml": config, "risky.yaml": PRIVILEGED_POD });
      const result = await runCli(["lint"], { cwd });
      expect(result.status).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain(`kubeward: configuration error: ${path.join(cwd, message)}`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it("a --config file that does not exist is a configuration error", async () => {
    const result = await runCli(["lint", "--config", "nope.yaml"], { cwd: riskyProject() });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("nope.yaml: cannot read the config file");
  });
});

describe("--framework and the config's frameworks:", () => {
  /** The rule ids of `kubeward lint` on the privileged pod, with these extra arguments and config. */
  const ruleIds = async (args: string[], config = ""): Promise<string[]> => {
    const cwd = tempDir({ ".kubeward.yaml": config, "risky.yaml": PRIVILEGED_POD });
    const result = await runCli(["lint", "--format", "json", "--fail-on", "none", ...args], { cwd });
    expect(result.status, result.stderr).toBe(0);
    return [...new Set(jsonFindings(result.stdout).map((finding) => finding.rule))].sort();
  };
  const pssLevel = (id: string): string | undefined =>
    ALL_RULE_META.find((meta) => meta.id === id)?.frameworks.find((ref) => ref.framework === "PSS")?.control.split("/")[0];

  it("pss-baseline runs only the rules of baseline controls; pss-restricted adds the restricted ones", async () => {
    const all = await ruleIds([]);
    const baseline = await ruleIds(["--framework", "pss-baseline"]);
    const restricted = await ruleIds(["--framework", "pss-restricted"]);
    expect(baseline.length).toBeGreaterThan(0);
    expect(baseline.every((id) => pssLevel(id) === "baseline")).toBe(true);
    expect(restricted.filter((id) => pssLevel(id) === "restricted").length).toBeGreaterThan(0);
    expect(restricted).toEqual(expect.arrayContaining(baseline));
    expect(all.filter((id) => pssLevel(id) === undefined).length).toBeGreaterThan(0);
    expect(restricted.every((id) => pssLevel(id) !== undefined)).toBe(true);
  });

  it("the flag is repeatable and replaces the config's frameworks:", async () => {
    const mitreOnly = await ruleIds(["--framework", "mitre"]);
    const fromConfig = await ruleIds([], "frameworks: [mitre]\n");
    expect(fromConfig).toEqual(mitreOnly);
    const mitreOf = (id: string) => ALL_RULE_META.find((meta) => meta.id === id)?.frameworks.some((ref) => ref.framework === "MITRE-ATT&CK");
    expect(mitreOnly.every(mitreOf)).toBe(true);
    const both = await ruleIds(["--framework", "mitre", "--framework", "pss-baseline"], "frameworks: [cis]\n");
    expect(both).toEqual([...new Set([...mitreOnly, ...(await ruleIds(["--framework", "pss-baseline"]))])].sort());
  });

  it("an unknown framework is a usage error (exit 2)", async () => {
    const result = await runCli(["lint", "--framework", "pci"], { cwd: riskyProject() });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--framework must be one of pss-baseline, pss-restricted, cis, nsa, pci-dss, mitre (got "pci")');
  });
});

describe("suppression", () => {
  const annotated = (reason: string): string =>
    PRIVILEGED_POD.replace("  name: risky\n", `  name: risky\n  annotations:\n    kubeward.io/ignore: "privileged-container, other-rule"\n${reason}`);

  it("the kubeward.io/ignore annotation suppresses; suppressed findings do not fail the run", async () => {
    const cwd = tempDir({ ".kubeward.yaml": ONLY_PRIVILEGED, "pod.yaml": annotated('    kubeward.io/ignore-reason: "node agent"\n') });
    const text = await runCli(["lint"], { cwd });
    expect(text.stdout).toBe("✔ No problems found (1 object in 1 file, 1 suppressed).\n");
    expect(text.status).toBe(0);
    expect((await runCli(["lint", "--format", "compact"], { cwd })).stdout).toBe("");
    const [finding] = jsonFindings((await runCli(["lint", "--format", "json"], { cwd })).stdout);
    expect(finding).toMatchObject({ rule: "privileged-container", suppressed: true, suppression: { kind: "annotation", reason: "node agent" } });
    const sarif = JSON.parse((await runCli(["lint", "--format", "sarif"], { cwd })).stdout) as Sarif.Log;
    expect(sarif.runs[0].results?.[0].suppressions).toEqual([{ kind: "inSource", justification: "node agent" }]);
  });

  it("without a reason, the SARIF justification names the annotation", async () => {
    const cwd = tempDir({ ".kubeward.yaml": ONLY_PRIVILEGED, "pod.yaml": annotated("") });
    const sarif = JSON.parse((await runCli(["lint", "--format", "sarif"], { cwd })).stdout) as Sarif.Log;
    expect(sarif.runs[0].results?.[0].suppressions).toEqual([{ kind: "inSource", justification: "suppressed by the kubeward.io/ignore annotation" }]);
  });

  it("an annotation naming other rules does not suppress", async () => {
    const cwd = tempDir({
      ".kubeward.yaml": ONLY_PRIVILEGED,
      "pod.yaml": PRIVILEGED_POD.replace("  name: risky\n", "  name: risky\n  annotations:\n    kubeward.io/ignore: host-network\n"),
    });
    expect((await runCli(["lint"], { cwd })).status).toBe(1);
  });

  it("a `# kubeward-ignore rule -- reason` comment on the same line suppresses", async () => {
    const pod = PRIVILEGED_POD.replace("privileged: true", "privileged: true  # kubeward-ignore privileged-container -- CNI plugin needs it");
    const cwd = tempDir({ ".kubeward.yaml": ONLY_PRIVILEGED, "pod.yaml": pod });
    const result = await runCli(["lint", "--format", "sarif"], { cwd });
    expect(result.status).toBe(0);
    const [sarifResult] = (JSON.parse(result.stdout) as Sarif.Log).runs[0].results ?? [];
    expect(sarifResult.ruleId).toBe("privileged-container");
    expect(sarifResult.suppressions).toEqual([{ kind: "inSource", justification: "CNI plugin needs it" }]);
  });

  it("a standalone comment on the line before suppresses", async () => {
    const pod = PRIVILEGED_POD.replace("        privileged: true", "        # kubeward-ignore privileged-container -- debugging image\n        privileged: true");
    const cwd = tempDir({ ".kubeward.yaml": ONLY_PRIVILEGED, "pod.yaml": pod });
    const [finding] = jsonFindings((await runCli(["lint", "--format", "json"], { cwd })).stdout);
    expect(finding).toMatchObject({ region: { startLine: 10 }, suppressed: true, suppression: { kind: "comment", reason: "debugging image" } });
    expect((await runCli(["lint"], { cwd })).status).toBe(0);
  });

  it("does not suppress from two lines up, from a trailing comment on the line before, or for another rule", async () => {
    const variants = [
      PRIVILEGED_POD.replace("      securityContext:\n", "      # kubeward-ignore privileged-container\n      securityContext:\n"),
      PRIVILEGED_POD.replace("      securityContext:\n", "      securityContext:  # kubeward-ignore privileged-container\n"),
      PRIVILEGED_POD.replace("privileged: true", "privileged: true  # kubeward-ignore host-network -- wrong rule"),
    ];
    for (const pod of variants) {
      const cwd = tempDir({ ".kubeward.yaml": ONLY_PRIVILEGED, "pod.yaml": pod });
      const findings = jsonFindings((await runCli(["lint", "--format", "json"], { cwd })).stdout);
      expect(findings.map((f) => f.suppressed), pod).toEqual([false]);
    }
  });

  it("a comment can name several rules", async () => {
    const pod = PRIVILEGED_POD.replace("privileged: true", "privileged: true  # kubeward-ignore host-network, privileged-container");
    const cwd = tempDir({ ".kubeward.yaml": ONLY_PRIVILEGED, "pod.yaml": pod });
    expect(jsonFindings((await runCli(["lint", "--format", "json"], { cwd })).stdout).map((f) => f.suppressed)).toEqual([true]);
  });
});

describe("a kubeward-ignore comment naming no rule", () => {
  const TYPO = PRIVILEGED_POD.replace("        privileged: true\n", "        # kubeward-ignore privileged-containr, host-network -- audited\n        privileged: true\n");

  it("is reported at the id in the comment, with the rule it is nearest to; the known id beside it is not", async () => {
    const cwd = tempDir({ ".kubeward.yaml": ONLY_PRIVILEGED, "pod.yaml": TYPO });
    const result = await runCli(["lint", "--format", "compact"], { cwd });
    expect(result.stdout).toBe(
      [
        'pod.yaml:9:27: warning: kubeward-ignore names "privileged-containr", which is no rule (did you mean "privileged-container"?), so the comment suppresses nothing for it; `kubeward rules` lists them. [kubeward/unknown-ignored-rule]',
        'pod.yaml:10:9: error: container "web" runs privileged. [privileged-container]',
        "",
      ].join("\n"),
    );
    const [typo] = jsonFindings((await runCli(["lint", "--format", "json"], { cwd })).stdout, "kubeward/unknown-ignored-rule");
    expect(typo.region).toEqual({ startLine: 9, startColumn: 27, endLine: 9, endColumn: 46 });
  });

  it("says nothing when no rule is near, and is configured like the other diagnostics", async () => {
    const far = PRIVILEGED_POD.replace("        privileged: true\n", "        privileged: true  # kubeward-ignore CKV_K8S_16\n");
    const cwd = tempDir({ ".kubeward.yaml": ONLY_PRIVILEGED, "pod.yaml": far });
    expect(jsonFindings((await runCli(["lint", "--format", "json"], { cwd })).stdout, "kubeward/unknown-ignored-rule").map((f) => f.message)).toEqual([
      'kubeward-ignore names "CKV_K8S_16", which is no rule, so the comment suppresses nothing for it; `kubeward rules` lists them.',
    ]);
    const off = tempDir({ ".kubeward.yaml": onlyRulesConfig([], "", { "kubeward/unknown-ignored-rule": "off" }), "pod.yaml": TYPO });
    expect(await runCli(["lint", "--format", "compact"], { cwd: off })).toMatchObject({ stdout: "", status: 0 });
  });

  it.skipIf(!existsSync(tools.helm4))("is reported in a Helm template, at the template's line", async () => {
    const cwd = tempDir({
      ".kubeward.yaml": ONLY_PRIVILEGED,
      "chart/Chart.yaml": "apiVersion: v2\nname: web\nversion: 1.0.0\n",
      "chart/templates/pod.yaml": PRIVILEGED_POD.replace("        privileged: true\n", "        {{- /* kubeward-ignore privileged-contianer -- audited */}}\n        privileged: true\n"),
    });
    const result = await runCli(["lint", "chart", "--format", "compact"], { cwd, env: toolsEnv() });
    expect(result.stdout).toContain(
      'chart/templates/pod.yaml:9:32: warning: kubeward-ignore names "privileged-contianer", which is no rule (did you mean "privileged-container"?)',
    );
    expect(result.stdout).toContain("chart/templates/pod.yaml:10:9: error: container \"web\" runs privileged. [privileged-container]");
  });
});
