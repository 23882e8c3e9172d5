import { existsSync } from "node:fs";
import type * as Sarif from "sarif";
import { afterAll, describe, expect, it } from "vitest";
import { jsonFindings, runCli, removeTempDirs, repoRoot, tempDir, tools, toolsEnv, where, type JsonFinding } from "./cli-harness.js";

const haveHelm = existsSync(tools.helm4) && existsSync(tools.helm3);
const shop = "fixtures/helm/shop";
const helpers = `${shop}/templates/_helpers.tpl`;
const values = `${shop}/values.yaml`;

afterAll(removeTempDirs);

async function lint(args: string[], cwd = repoRoot): Promise<JsonFinding[]> {
  const result = await runCli(["lint", "--format", "json", "--fail-on", "none", ...args], { cwd, env: toolsEnv() });
  expect(result.stderr).not.toMatch(/internal error/);
  return jsonFindings(result.stdout);
}

/** A chart of these values and templates, in a new folder as `chart/`, linted there. */
async function lintChart(name: string, values: string, templates: Record<string, string>): Promise<JsonFinding[]> {
  const files: Record<string, string> = { "chart/Chart.yaml": `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`, "chart/values.yaml": values };
  for (const [file, text] of Object.entries(templates)) files[`chart/templates/${file}`] = text;
  return lint(["chart"], tempDir(files));
}

function only(findings: JsonFinding[], rule: string, text: string): JsonFinding {
  const found = findings.filter((f) => f.rule === rule && f.message.includes(text));
  expect(found, `${rule} "${text}" in\n${where(findings).join("\n")}`).toHaveLength(1);
  return found[0];
}

describe.skipIf(!haveHelm)("Helm provenance from instrumented renders", () => {
  it("points a helper-rendered pod spec's findings at the helper's lines, never at a container switched off by `if`", async () => {
    const findings = await lint([shop]);
    const writable = only(findings, "writable-root-filesystem", 'container "shop"');
    expect(writable).toMatchObject({ file: helpers, region: { startLine: 16, startColumn: 5 } });
    expect(writable.message).toContain(`from values: \`securityContext.readOnlyRootFilesystem\` is not set in ${values}`);
    expect(writable.provenance).toEqual({ values: [expect.objectContaining({ key: "securityContext.readOnlyRootFilesystem", written: false })] });
    // The config-reload container (lines 9-12) is off: nothing points there or at its values.
    expect(findings.filter((f) => f.file === helpers && f.region.startLine >= 9 && f.region.startLine <= 12)).toEqual([]);
    expect(findings.filter((f) => f.related.some((place) => place.file === values && place.region.startLine >= 9 && place.region.startLine <= 12))).toEqual([]);
    expect(only(findings, "resource-limits-missing", 'container "shop"')).toMatchObject({ file: helpers, region: { startLine: 14, startColumn: 3 }, provenance: { values: [] } });
  });

  it("gives each container of a `range` over values its own list entry's values line", async () => {
    const findings = await lint([shop]);
    const audit = only(findings, "privileged-container", 'container "audit"');
    expect(audit).toMatchObject({ file: helpers, region: { startLine: 19, startColumn: 3 } });
    expect(audit.related).toMatchObject([{ file: values, region: { startLine: 24 } }]);
    expect(audit.message).toContain(`value \`extraContainers[0].securityContext.privileged\` from ${values}:24`);
    const metrics = only(findings, "privilege-escalation-allowed", 'container "metrics"');
    expect(metrics.related).toMatchObject([{ file: values, region: { startLine: 32 } }]);
  });

  it("follows `with` into the values map, even for a zero that no sentinel can stand for", async () => {
    const runAsRoot = only(await lint([shop]), "run-as-user-root", "the pod template sets runAsUser: 0");
    expect(runAsRoot).toMatchObject({ file: helpers, region: { startLine: 5, startColumn: 3 } });
    expect(runAsRoot.related).toMatchObject([{ file: values, region: { startLine: 5 } }]);
    expect(runAsRoot.provenance?.fallback).toBeUndefined();
  });

  it("names the key the exact template line reads when no sentinel can stand for the value, and says so", async () => {
    const migrate = only(await lint([shop]), "run-as-user-root", 'init container "migrate"');
    expect(migrate).toMatchObject({ file: helpers, region: { startLine: 25, startColumn: 7 } });
    expect(migrate.message).toContain(`value \`migrate.securityContext.runAsUser\` from ${values}:39; values key read from template text`);
    expect(migrate.provenance).toMatchObject({ guessed: "values key", fallback: expect.stringContaining("cannot trace") as string });
  });

  it("finds a subchart by its alias, parent values that override it, and `tpl` values at the line that holds the template", async () => {
    const findings = await lint([shop]);
    const privileged = only(findings, "privileged-container", 'container "worker"');
    expect(privileged).toMatchObject({ file: `${shop}/charts/worker/templates/deployment.yaml`, region: { startLine: 19, startColumn: 13 } });
    expect(privileged.provenance?.values).toEqual([expect.objectContaining({ key: "jobs.securityContext.privileged", setKey: "jobs.securityContext.privileged", written: true })]);
    expect(privileged.related[0]).toMatchObject({ file: values, region: { startLine: 42 } });
    const latest = only(findings, "latest-image-tag", 'container "worker"');
    expect(latest).toMatchObject({ file: `${shop}/charts/worker/templates/deployment.yaml`, region: { startLine: 17, startColumn: 11 } });
    expect(latest.provenance?.values).toEqual([expect.objectContaining({ key: "image", setKey: "jobs.image", file: `${shop}/charts/worker/values.yaml` })]);
  });

  it("attributes --values files to their own line and --set to the argument", async () => {
    const fromFile = only(await lint([shop, "-f", `${shop}/values-prod.yaml`]), "host-network", "hostNetwork: true");
    expect(fromFile).toMatchObject({ file: helpers, region: { startLine: 2, startColumn: 1 } });
    expect(fromFile.related).toMatchObject([{ file: `${shop}/values-prod.yaml`, region: { startLine: 1 } }]);
    const fromSet = only(await lint([shop, "-f", `${shop}/values-prod.yaml`, "--set", "hostNetwork=true,image.tag=latest"]), "host-network", "hostNetwork: true");
    expect(fromSet.message).toContain("value `hostNetwork` from --set");
    expect(fromSet.related).toEqual([]);
    expect(fromSet.provenance?.values).toEqual([expect.objectContaining({ key: "hostNetwork", fromSetArgument: true })]);
  });

  it("reports `default` only where it is written: a values literal, not the release namespace", async () => {
    const namespaced = (await lint([shop])).filter((f) => f.rule === "default-namespace");
    expect(namespaced.map((f) => `${f.file}:${f.region.startLine} ${f.object?.kind}`)).toEqual([`${shop}/templates/configmap.yaml:5 ConfigMap`]);
    expect(namespaced[0].related[0]).toMatchObject({ file: values, region: { startLine: 2 } });
  });

  it("marks findings located from template text when the instrumented render cannot be used", async () => {
    const result = await runCli(["lint", "fixtures/helm/untraceable", "--fail-on", "none"], { cwd: repoRoot, env: toolsEnv() });
    expect(result.stdout).toContain("approximate location, read from template text");
    const findings = await lint(["fixtures/helm/untraceable"]);
    const hostPid = only(findings, "host-pid", "hostPID: true");
    expect(hostPid).toMatchObject({ file: "fixtures/helm/untraceable/templates/pod.yaml", region: { startLine: 9, startColumn: 3 } });
    expect(hostPid.provenance?.fallback).toContain("the tagged render failed");
    const sarif = JSON.parse((await runCli(["lint", "fixtures/helm/untraceable", "--format", "sarif", "--fail-on", "none"], { cwd: repoRoot, env: toolsEnv() })).stdout) as Sarif.Log;
    const result0 = sarif.runs[0].results?.find((r) => r.ruleId === "host-pid");
    expect(result0?.properties).toMatchObject({ locationMethod: "template-text", valuesMethod: "template-text", valuesKeys: ["hostPID"] });
  });

  it("renders a template as it is when the fast keys of the instrumented copies trip it, and keeps its evidence", async () => {
    // The check fails on the P-256 keys the instrumented copies make (src/expand/helm/key-generation.ts).
    const findings = await lintChart("signer", "image: nginx:1.27\nprivileged: true\n", {
      "secret.yaml": [
        '{{- $ca := genCA "signer" 365 }}',
        '{{- if not (contains "RSA PRIVATE KEY" $ca.Key) }}{{ fail "the signing key must be RSA" }}{{ end }}',
        "apiVersion: v1",
        "kind: Secret",
        "metadata:",
        "  name: signing",
        "data:",
        "  key.pem: {{ $ca.Key | b64enc | quote }}",
        "",
      ].join("\n"),
      "pod.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: {{ .Values.image | quote }}\n      securityContext:\n        privileged: {{ .Values.privileged }}\n",
    });
    expect(findings.filter((f) => f.rule === "secret-data-in-manifest")).toEqual([]);
    const privileged = only(findings, "privileged-container", 'container "web"');
    expect(privileged).toMatchObject({ file: "chart/templates/pod.yaml", region: { startLine: 10, startColumn: 9 } });
    expect(privileged.provenance?.fallback).toBeUndefined();
    expect(privileged.provenance?.values).toMatchObject([{ key: "privileged", written: true, file: "chart/values.yaml", region: { startLine: 2 } }]);
  });

  it("keeps a value a function refused as a sentinel of the wrong type, and still traces the numbers beside it", async () => {
    const findings = await lintChart("journal", "journal: true\nport: 8080\n", {
      "pod.yaml": [
        "apiVersion: v1",
        "kind: Pod",
        "metadata:",
        "  name: db",
        "spec:",
        "  containers:",
        "    - name: db",
        "      image: mongo:7.0",
        "      env:",
        "        - name: JOURNAL",
        '          value: {{ ternary "yes" "no" (or .Values.journal .Values.legacyJournal) | quote }}',
        "      ports:",
        "        - containerPort: 27017",
        "          hostPort: {{ .Values.port }}",
        "",
      ].join("\n"),
    });
    const hostPort = only(findings, "host-port", "8080");
    expect(hostPort).toMatchObject({ file: "chart/templates/pod.yaml", region: { startLine: 14, startColumn: 11 } });
    expect(hostPort.provenance?.fallback).toBeUndefined();
    expect(hostPort.provenance?.values).toMatchObject([{ key: "port", written: true, file: "chart/values.yaml", region: { startLine: 2 } }]);
  });

  it("gives the same provenance with Helm 3", async () => {
    expect(where((await lint([shop, "--helm", tools.helm3])))).toEqual(where(await lint([shop, "--helm", tools.helm4])));
  });
});
