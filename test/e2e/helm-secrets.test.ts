import { existsSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { jsonFindings, removeTempDirs, runCli, tempDir, tools, toolsEnv } from "./cli-harness.js";

afterAll(removeTempDirs);

const haveHelm = existsSync(tools.helm4);

/** A chart's Secrets: one value generated at render time, one from a values key, one written in the template. */
const chart = {
  "chart/Chart.yaml": "apiVersion: v2\nname: db\nversion: 0.1.0\n",
  "chart/values.yaml": "apiKey: ''\n",
  "chart/templates/secret.yaml": `apiVersion: v1
kind: Secret
metadata:
  name: generated
data:
  password: {{ randAlphaNum 24 | b64enc | quote }}
  tls.key: {{ (genCA "db" 365).Key | b64enc | quote }}
---
apiVersion: v1
kind: Secret
metadata:
  name: from-values
stringData:
  api-key: {{ .Values.apiKey | quote }}
---
apiVersion: v1
kind: Secret
metadata:
  name: written
stringData:
  token: "Tq8Lm2Xv9Kp4"
`,
};

describe.skipIf(!haveHelm)("secret-data-in-manifest on a Helm chart", () => {
  it("exempts values the chart generates (they differ between renders) and values a values key feeds; reports a literal", async () => {
    const cwd = tempDir(chart);
    const result = await runCli(["lint", "chart", "--format", "json", "--fail-on", "none", "--set", "apiKey=x9Rk2Lm7Qv4Tb8Nz"], { cwd, env: toolsEnv() });
    const findings = jsonFindings(result.stdout, "secret-data-in-manifest");
    expect(findings.map((f) => `${f.file}:${f.region.startLine} ${f.message}`)).toEqual([
      'chart/templates/secret.yaml:20 Secret "written" has stringData written in the manifest (keys "token"), so the values live in git.',
    ]);
  });
});
