import { afterAll, describe, expect, it, vi } from "vitest";
import { annotate } from "../../src/action/annotations.js";
import { SECRET_RULES } from "../../rules/secrets/index.js";
import { FAKE } from "../helpers/fake-secrets.js";
import { lintWith } from "../helpers/rule-tester.js";
import { removeTempDirs, runCli, tempDir } from "./cli-harness.js";

afterAll(removeTempDirs);

const planted = Object.values(FAKE);
const yamlString = (value: string): string => JSON.stringify(value);

/** Every fake secret in every place the secrets rules look: env, args, a ConfigMap, an annotation, a Secret and its last-applied copy. */
const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: app
  annotations:
    example.com/hook: ${yamlString(FAKE.slackWebhook)}
spec:
  containers:
    - name: app
      image: app:1
      args: [${yamlString(`--db-password=${FAKE.password}`)}, ${yamlString(FAKE.connection)}]
      env:
${Object.entries(FAKE)
  .map(([name, value]) => `        - name: ${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_SECRET\n          value: ${yamlString(value)}`)
  .join("\n")}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data:
  api_key: ${yamlString(FAKE.apiKey)}
  app.env: ${yamlString(`STRIPE_KEY=${FAKE.stripeSecret}\nTOKEN=${FAKE.token}\n`)}
---
apiVersion: v1
kind: Secret
metadata:
  name: db
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: ${yamlString(JSON.stringify({ apiVersion: "v1", kind: "Secret", metadata: { name: "db" }, stringData: { password: FAKE.password } }))}
stringData:
  password: ${yamlString(FAKE.password)}
`;

/** The planted values an output contains in full. */
function leaked(output: string): string[] {
  const unescaped = output.replace(/\\n/g, "\n").replace(/\\"/g, '"').replace(/\\\//g, "/");
  return planted.filter((value) => output.includes(value) || unescaped.includes(value));
}

describe("no output format prints a detected secret", () => {
  const cwd = tempDir({ "manifests.yaml": manifest });

  it.each(["text", "compact", "json", "sarif"])("--format %s", async (format) => {
    const result = await runCli(["lint", "manifests.yaml", "--format", format, "--fail-on", "none"], { cwd });
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("literal-credential");
    expect(result.stdout).toContain("secret-data-in-manifest");
    expect(leaked(result.stdout)).toEqual([]);
  });

  it.each(["html", "markdown"])("kubeward report --format %s", async (format) => {
    const result = await runCli(["report", "manifests.yaml", "--format", format], { cwd });
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("literal-credential");
    // Read as a browser or a Markdown viewer shows it: character references and backslash escapes undone.
    const shown = result.stdout.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/\\([\\`*_[\]|~])/g, "$1");
    expect(leaked(shown)).toEqual([]);
  });

  it("GitHub annotations", () => {
    const findings = SECRET_RULES.flatMap((rule) => lintWith(rule, manifest));
    expect(findings.length).toBeGreaterThan(planted.length);
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      annotate(findings, { error: 1000, warning: 1000, note: 1000 });
    } finally {
      spy.mockRestore();
    }
    expect(lines.length).toBe(findings.length);
    expect(leaked(lines.join(""))).toEqual([]);
  });

  it("a tokenPatterns item with an invalid regular expression is a configuration error at its line", async () => {
    const dir = tempDir({
      "manifests.yaml": manifest,
      ".kubeward.yaml": "rules:\n  literal-credential:\n    options:\n      tokenPatterns:\n        - Acme=acme_([\n",
    });
    const result = await runCli(["lint", "manifests.yaml"], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('.kubeward.yaml:5:9: option "tokenPatterns" of "literal-credential" must be a list of name=regex strings: "Acme" has an invalid regular expression');
  });
});
