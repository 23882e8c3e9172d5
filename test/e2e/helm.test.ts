import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { jsonFindings, runCli, removeTempDirs, repoRoot, tempDir, tools, toolsEnv, where, type JsonFinding } from "./cli-harness.js";

const haveHelm = existsSync(tools.helm4) && existsSync(tools.helm3);
const chart = "fixtures/helm/web";
const template = `${chart}/templates/deployment.yaml`;

afterAll(removeTempDirs);

async function lint(args: string[], env = toolsEnv()): Promise<{ status: number | null; findings: JsonFinding[]; stderr: string }> {
  const result = await runCli(["lint", "--format", "json", "--fail-on", "none", ...args], { cwd: repoRoot, env });
  return { status: result.status, findings: result.stdout ? jsonFindings(result.stdout) : [], stderr: result.stderr };
}

function finding(findings: JsonFinding[], rule: string, file: string, line: number): JsonFinding {
  const found = findings.filter((f) => f.rule === rule && f.file === file && f.region.startLine === line);
  expect(found, `${rule} at ${file}:${line} in\n${where(findings).join("\n")}`).toHaveLength(1);
  return found[0];
}

describe.skipIf(!haveHelm)("Helm charts (helm from scripts/install-tools.mjs)", () => {
  it("points a values-driven setting at the template line and the values line that sets it", async () => {
    const { findings } = await lint([chart]);
    const hostNetwork = finding(findings, "host-network", template, 17);
    expect(hostNetwork.region.startColumn).toBe(7);
    expect(hostNetwork.message).toContain("value `hostNetwork` from fixtures/helm/web/values.yaml:9");
    expect(hostNetwork.related).toMatchObject([{ file: `${chart}/values.yaml`, region: { startLine: 9, startColumn: 1 } }]);
  });

  it("follows `with .Values.x` + `toYaml .` and `include` of a define into values", async () => {
    const { findings } = await lint([chart]);
    expect(finding(findings, "run-as-user-root", template, 23).related[0]).toMatchObject({ file: `${chart}/values.yaml`, region: { startLine: 13 } });
    expect(finding(findings, "privileged-container", template, 29).related[0]).toMatchObject({ file: `${chart}/values.yaml`, region: { startLine: 19 } });
  });

  it("points an item produced by `range` at the ranged template line and the values list item", async () => {
    const { findings } = await lint([chart]);
    const latest = finding(findings, "latest-image-tag", template, 38);
    expect(latest.message).toContain('container "metrics"');
    expect(latest.related[0]).toMatchObject({ file: `${chart}/values.yaml`, region: { startLine: 29 } });
  });

  it("finds a subchart's setting in the parent's values", async () => {
    const { findings } = await lint([chart]);
    const privileged = finding(findings, "privileged-container", `${chart}/charts/cache/templates/statefulset.yaml`, 16);
    expect(privileged.related[0]).toMatchObject({ file: `${chart}/values.yaml`, region: { startLine: 37 } });
  });

  it("honours kubeward-ignore comments in templates", async () => {
    const { findings } = await lint([chart]);
    const hostPid = findings.filter((f) => f.rule === "host-pid");
    expect(hostPid).toHaveLength(1);
    expect(hostPid[0]).toMatchObject({ file: template, region: { startLine: 19 }, suppressed: true });
    expect(hostPid[0].suppression?.reason).toContain("SEC-7");
  });

  it("uses --values files after the chart's values, and `tpl` values resolve to the file that sets them", async () => {
    const { findings } = await lint([chart, "-f", `${chart}/values-dev.yaml`]);
    expect(finding(findings, "latest-image-tag", template, 27).related[0]).toMatchObject({ file: `${chart}/values-dev.yaml`, region: { startLine: 2 } });
  });

  it("renders every value set from the config, naming sets on findings and merging identical ones", async () => {
    const absoluteChart = path.join(repoRoot, chart);
    const text = `helm:\n  charts:\n    - path: ${absoluteChart}\n      valueSets:\n        prod: []\n        dev: [${absoluteChart}/values-dev.yaml]\n`;
    const dir = tempDir({ ".kubeward.yaml": text });
    const { findings } = await lint([chart, "--config", path.join(dir, ".kubeward.yaml")]);
    expect(finding(findings, "host-network", template, 17).valueSets).toEqual(["prod", "dev"]);
    expect(finding(findings, "latest-image-tag", template, 27).valueSets).toEqual(["dev"]);
  });

  it("adds each ci/*-values.yaml as a value set with --chart-ci-values", async () => {
    const { findings } = await lint([chart, "--chart-ci-values"]);
    expect(finding(findings, "host-network", template, 17).valueSets).toEqual(["default"]);
    expect(findings.filter((f) => f.rule === "writable-root-filesystem" && f.valueSets?.includes("ci/hardened-values.yaml") && f.file === template && f.region.startLine === 28)).toEqual([]);
  });

  it("reports a failing `required` at the template line helm names", async () => {
    const { findings, status } = await lint(["fixtures/helm/needs-value", "--fail-on", "error"]);
    const [failure] = findings.filter((f) => f.rule === "kubeward/render-error");
    expect(failure).toMatchObject({ file: "fixtures/helm/needs-value/templates/configmap.yaml", region: { startLine: 6, startColumn: 12 } });
    expect(failure.message).toContain("database.host is required");
    expect(status).toBe(1);
  });

  it("a chart that fails to render fails the run under --fail-on none; with kubeward/render-error off in the config it passes", async () => {
    const failing = await lint(["fixtures/helm/needs-value"]);
    expect(failing.findings.map((f) => f.rule)).toEqual(["kubeward/render-error"]);
    expect(failing.stderr).toContain("1 input could not be linted, which fails the run whatever --fail-on says");
    expect(failing.status).toBe(1);
    const dir = tempDir({ ".kubeward.yaml": "rules:\n  kubeward/render-error: off\n" });
    const accepted = await lint(["fixtures/helm/needs-value", "--config", path.join(dir, ".kubeward.yaml")]);
    expect(accepted.findings).toEqual([]);
    expect(accepted.status).toBe(0);
  });

  it("a template that renders an object without apiVersion is reported at that template and fails the run", async () => {
    const dir = tempDir({
      "Chart.yaml": "apiVersion: v2\nname: half\nversion: 0.1.0\n",
      "templates/pod.yaml": "kind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n",
    });
    const result = await runCli(["lint", "--format", "json", "--fail-on", "none", "."], { cwd: dir, env: toolsEnv() });
    expect(jsonFindings(result.stdout).map((f) => `${f.file}:${f.region.startLine} ${f.rule} ${f.message}`)).toEqual([
      "templates/pod.yaml:1 kubeward/missing-api-version-or-kind Helm rendered an object without its apiVersion or kind from this template: " +
        "The document has kind: Pod but no apiVersion. Kubernetes refuses such an object, and kubeward did not lint it. Add apiVersion (for Pod: apiVersion: v1).",
    ]);
    expect(result.status).toBe(1);
  });

  it("names a dependency missing from charts/ without touching the network", async () => {
    const { findings } = await lint(["fixtures/helm/missing-dependency"]);
    const [failure] = findings.filter((f) => f.rule === "kubeward/render-error");
    expect(failure.file).toBe("fixtures/helm/missing-dependency/Chart.yaml");
    expect(failure.message).toMatch(/dependency redis .*missing from charts\//);
  });

  it("skips library charts (noted with --verbose) and never lints templates as raw YAML", async () => {
    const result = await runCli(["lint", "fixtures/helm", "--verbose", "--format", "json", "--fail-on", "none"], { cwd: repoRoot, env: toolsEnv() });
    expect(result.stderr).toContain("fixtures/helm/library/Chart.yaml: a library chart");
    expect(jsonFindings(result.stdout, "kubeward/parse-error")).toEqual([]);
  });

  it("reports a missing helm binary at the chart and still lints other inputs", async () => {
    const env = { PATH: "/nonexistent", KUBEWARD_HELM: undefined };
    const result = await runCli(["lint", chart, "fixtures/demo/payments-api.yaml", "--format", "json"], { cwd: repoRoot, env });
    const [missing] = jsonFindings(result.stdout, "kubeward/tool-missing");
    expect(missing).toMatchObject({ file: `${chart}/Chart.yaml`, region: { startLine: 1 } });
    expect(missing.message).toContain("helm was not found");
    expect(jsonFindings(result.stdout, "privileged-container").map((f) => f.file)).toEqual(["fixtures/demo/payments-api.yaml"]);
    expect(result.status).toBe(1);
  });

  it("gives the same findings with Helm 3 as with Helm 4", async () => {
    const helm4 = (await lint([chart, "--helm", tools.helm4])).findings;
    const helm3 = (await lint([chart, "--helm", tools.helm3])).findings;
    expect(helm4.length).toBeGreaterThan(10);
    expect(where(helm3)).toEqual(where(helm4));
  });

  it("lints a chart as a whole when only one of its files is named (as pre-commit does)", async () => {
    const { findings } = await lint([`${chart}/values.yaml`]);
    finding(findings, "host-network", template, 17);
  });
});
