import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FRAMEWORK_SELECTIONS } from "../../src/core/framework-selection.js";
import { PRIVILEGED_POD, SAFE_POD, onlyRulesConfig, removeTempDirs, repoRoot, runCli, tempDir } from "./cli-harness.js";

afterAll(removeTempDirs);

const ONLY_PRIVILEGED = onlyRulesConfig(["privileged-container"]);
const PRIVILEGED_ROW = "| baseline/privileged-containers | Privileged Containers | fail | `privileged-container` | 1 |";

function project(files: Record<string, string> = {}): string {
  return tempDir({ ".kubeward.yaml": ONLY_PRIVILEGED, "k8s/risky.yaml": PRIVILEGED_POD, "k8s/safe.yaml": SAFE_POD, ...files });
}

describe("kubeward report", () => {
  it("writes Markdown to standard output and exits 0 whatever it finds", async () => {
    const result = await runCli(["report", "k8s", "--framework", "pss-baseline", "--format", "markdown"], { cwd: project() });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("## Kubernetes Pod Security Standards: Baseline (`pss-baseline`)\n");
    expect(result.stdout).toContain(`${PRIVILEGED_ROW}\n`);
    // Links are relative to the working directory when the report goes to standard output.
    expect(result.stdout).toContain('- critical `privileged-container` [k8s/risky.yaml:9:9](k8s/risky.yaml#L9) Pod/risky: container "web" runs privileged.\n');
    // Only the framework asked for.
    expect(result.stdout.match(/^## /gm)).toHaveLength(1);
  });

  it("tells a control whose rules met nothing to check among the inputs from one they passed", async () => {
    const apiserverRow = (stdout: string): string | undefined => stdout.split("\n").find((line) => line.startsWith("| 1.2.15 |"));
    const workloads = await runCli(["report", "fixtures/demo", "--framework", "cis", "--format", "markdown"], { cwd: repoRoot });
    expect(apiserverRow(workloads.stdout)).toContain("| not checked: nothing among the inputs for its rules to check |");
    const controlPlane = await runCli(["report", "fixtures/control-plane", "--framework", "cis", "--format", "markdown"], { cwd: repoRoot });
    expect(apiserverRow(controlPlane.stdout)).toMatch(/\| (pass|fail) \|/);
  });

  it("-o writes the file, nothing to standard output, with links relative to the file's folder", async () => {
    const cwd = project();
    mkdirSync(path.join(cwd, "out"));
    const result = await runCli(["report", "k8s", "--framework", "pss-baseline", "--format", "markdown", "-o", "out/compliance.md"], { cwd });
    expect(result).toMatchObject({ status: 0, stdout: "", stderr: "" });
    expect(readFileSync(path.join(cwd, "out/compliance.md"), "utf8")).toContain("[k8s/risky.yaml:9:9](../k8s/risky.yaml#L9)");
  });

  it("writes HTML by default, with a section for each of the six frameworks", async () => {
    const cwd = project();
    const result = await runCli(["report", "k8s", "-o", "report.html"], { cwd });
    expect(result).toMatchObject({ status: 0, stdout: "", stderr: "" });
    const html = readFileSync(path.join(cwd, "report.html"), "utf8");
    expect(html.startsWith("<!DOCTYPE html>\n")).toBe(true);
    expect([...html.matchAll(/<section class="framework" data-framework="([^"]+)"/g)].map((match) => match[1])).toEqual([...FRAMEWORK_SELECTIONS]);
    expect(html).toContain('<tr class="control" data-control="baseline/privileged-containers" data-status="fail" data-coverage="checked">');
    expect(html).toContain('<a class="mono" href="k8s/risky.yaml#L9">k8s/<wbr>risky.yaml:9:9</a>');
  });

  it("reports on the config's frameworks when --framework is not given", async () => {
    const cwd = project({ ".kubeward.yaml": onlyRulesConfig(["privileged-container"], "frameworks: [cis]") });
    const result = await runCli(["report", "k8s", "--format", "markdown"], { cwd });
    expect(result.stdout.match(/^## .*$/gm)).toEqual([expect.stringContaining("(`cis`)")]);
    expect(result.stdout).toContain("| 5.2.2 | Minimize the admission of privileged containers | fail | `privileged-container` | 1 |");
  });

  it("links to the commit's file on GitHub when the runner's variables are set", async () => {
    const cwd = project({ ".git/HEAD": "ref: refs/heads/main\n" });
    const env = { GITHUB_SERVER_URL: "https://github.com", GITHUB_REPOSITORY: "acme/deploy", GITHUB_SHA: "abc123" };
    const result = await runCli(["report", "risky.yaml", "--framework", "pss-baseline", "--format", "markdown"], { cwd: path.join(cwd, "k8s"), env });
    expect(result.stdout).toContain("[risky.yaml:9:9](https://github.com/acme/deploy/blob/abc123/k8s/risky.yaml#L9)");
  });

  it("a suppressed finding fails no control", async () => {
    const suppressed = PRIVILEGED_POD.replace("privileged: true", "privileged: true  # kubeward-ignore privileged-container -- a test");
    const cwd = project({ "k8s/risky.yaml": suppressed });
    const result = await runCli(["report", "k8s", "--framework", "pss-baseline", "--format", "markdown"], { cwd });
    expect(result.stdout).toContain("| baseline/privileged-containers | Privileged Containers | pass | `privileged-container` | 0 |");
    expect(result.stdout).toContain("1 suppressed finding fails no control");
  });

  it("input that could not be linted: the report names it, and the exit code is 1 as for lint", async () => {
    const cwd = project({ "k8s/broken.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p: q\n" });
    const result = await runCli(["report", "k8s", "--framework", "pss-baseline", "--format", "markdown"], { cwd });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("**1 input could not be linted**, so a control may pass that would fail:");
    expect(result.stdout).toContain("k8s/broken.yaml:4:10");
    expect(result.stderr).toBe(
      "kubeward: 1 input could not be linted, which fails the run (the report lists it); fix the input, or accept it with rules: {kubeward/parse-error: off} in .kubeward.yaml.\n",
    );
  });

  describe("usage errors exit 2", () => {
    it.each([
      [["--format", "sarif"], 'kubeward: --format must be one of html, markdown (got "sarif")\n'],
      [["--framework", "pci"], 'kubeward: --framework must be one of pss-baseline, pss-restricted, cis, nsa, pci-dss, mitre (got "pci")\n'],
      [["--fail-on", "none"], 'kubeward: unknown option "--fail-on"'],
      [["--quiet"], 'kubeward: unknown option "--quiet"'],
    ])("report %j", async (args, message) => {
      const result = await runCli(["report", "k8s", ...args], { cwd: project() });
      expect(result.status).toBe(2);
      expect(result.stderr.startsWith(message)).toBe(true);
      expect(result.stdout).toBe("");
    });

    it("a report that cannot be written says why in one line", async () => {
      const result = await runCli(["report", "k8s", "-o", "missing/report.html"], { cwd: project() });
      expect(result).toMatchObject({ status: 2, stdout: "", stderr: "kubeward: cannot write the report to missing/report.html: the folder missing does not exist.\n" });
    });
  });

  it("--help shows the report's options", async () => {
    const result = await runCli(["report", "--help"], { cwd: project() });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("kubeward report [PATH ...] [options]");
    expect(result.stdout).toContain("--format FORMAT    html (default: one self-contained page) or markdown");
  });
});
