import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { jsonFindings, runCli, removeTempDirs, repoRoot, tempDir, tools, toolsEnv, where, type JsonFinding } from "./cli-harness.js";

const haveHelm = existsSync(tools.helm4) && existsSync(tools.helm3);
const broken = "fixtures/helm-broken";

afterAll(removeTempDirs);

/** Every chart under fixtures/helm-broken, rendered with one helm: `file:line:col-line:col message` per finding. */
async function renderErrors(helm: string): Promise<{ status: number | null; findings: JsonFinding[]; stderr: string }> {
  const result = await runCli(["lint", broken, "--helm", helm, "--format", "json", "--fail-on", "none"], { cwd: repoRoot, env: toolsEnv() });
  return { status: result.status, findings: jsonFindings(result.stdout), stderr: result.stderr };
}

function placed(findings: readonly JsonFinding[]): string[] {
  return findings.map(({ file, region, rule, message }) => `${file}:${region.startLine}:${region.startColumn}-${region.endLine}:${region.endColumn} ${rule} ${message}`);
}

const at = (chart: string, file: string): string => `${broken}/${chart}/${file}`;

/** What each broken chart gives, in report order; the same with Helm 3 and Helm 4. */
const EXPECTED = [
  `${at("fail", "templates/service.yaml")}:2:7-2:7 kubeward/render-error helm template failed: tls.enabled must be true: this chart serves HTTPS only`,
  `${at("helper-error", "templates/_helpers.tpl")}:6:11-6:11 kubeward/render-error helm template failed: executing "helper-error.prefix" at <.Values.naming.prefix>: nil pointer evaluating interface {}.prefix; included from templates/_helpers.tpl:2, which is included from templates/configmap.yaml:4`,
  `${at("helper-parse-error", "templates/_helpers.tpl")}:2:20-2:28 kubeward/render-error helm template failed: the template does not parse: function "truncate" not defined`,
  `${at("invalid-values", "values.yaml")}:2:1-2:16 kubeward/render-error helm template failed: the values file is not valid YAML: did not find expected ',' or ']'`,
  `${at("invalid-yaml-joined", "templates/configmap.yaml")}:6:5-8:60 kubeward/render-error helm template failed: the template rendered invalid YAML: mapping values are not allowed in this context (line 6 of the rendered document; template lines 6–8 wrote it)`,
  `${at("invalid-yaml", "templates/queues.yaml")}:10:3-10:22 kubeward/render-error helm template failed: the template rendered invalid YAML: mapping values are not allowed in this context (line 6 of the rendered document; this template line wrote it)`,
  `${at("nil-pointer", "templates/configmap.yaml")}:6:19-6:19 kubeward/render-error helm template failed: at <.Values.database.primary.host>: nil pointer evaluating interface {}.host`,
  `${at("subchart-error", "charts/backend/templates/service.yaml")}:7:23-7:23 kubeward/render-error helm template failed: at <.Values.service.ports.https>: nil pointer evaluating interface {}.https`,
  `${at("unclosed-action", "templates/configmap.yaml")}:6:3-6:26 kubeward/render-error helm template failed: the template does not parse: unclosed action started at templates/configmap.yaml:6`,
  `${at("undefined-function", "templates/configmap.yaml")}:6:29-6:38 kubeward/render-error helm template failed: the template does not parse: function "uppercase" not defined`,
];

describe.skipIf(!haveHelm)("charts that fail to render land where helm says, with helm's reason (helm from scripts/install-tools.mjs)", () => {
  it("with Helm 4: each failure at the template, line and column helm names, and the run fails under --fail-on none", async () => {
    const { status, findings, stderr } = await renderErrors(tools.helm4);
    expect(placed(findings)).toEqual(EXPECTED);
    expect(stderr).toContain("10 inputs could not be linted, which fails the run whatever --fail-on says");
    expect(status).toBe(1);
  });

  it("with Helm 3: the same places and the same messages", async () => {
    expect(placed((await renderErrors(tools.helm3)).findings)).toEqual(EXPECTED);
  });

  it("names the template and line when they are inside a packaged subchart, at the chart's Chart.yaml", async () => {
    const cwd = tempDir({ "parent/Chart.yaml": "apiVersion: v2\nname: parent\nversion: 0.1.0\n" });
    const backend = path.join(repoRoot, broken, "subchart-error/charts/backend");
    const packaged = spawnSync(tools.helm4, ["package", backend, "--destination", path.join(cwd, "parent/charts")], { encoding: "utf8" });
    expect(packaged.status, packaged.stderr).toBe(0);
    const result = await runCli(["lint", "parent", "--format", "json", "--fail-on", "none"], { cwd, env: toolsEnv() });
    const findings = jsonFindings(result.stdout);
    expect(where(findings)).toEqual(["parent/Chart.yaml:1:1 kubeward/render-error"]);
    expect(findings[0].message).toBe(
      "helm template failed: at <.Values.service.ports.https>: nil pointer evaluating interface {}.https (in charts/backend/templates/service.yaml:7, which is not a file in the chart folder; a template of a packaged subchart?)",
    );
  });
});
