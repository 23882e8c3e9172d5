import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MANY_FINDINGS_RULES, PRIVILEGED_POD, SAFE_POD, manyFindingsYaml, onlyRulesConfig, removeTempDirs, tempDir, tools } from "../e2e/cli-harness.js";
import { removeRunnerDirs, runAction, type Annotation } from "./action-harness.js";

afterAll(() => {
  removeTempDirs();
  removeRunnerDirs();
});

const RULES = onlyRulesConfig(["privileged-container", "host-network", "latest-image-tag", "default-namespace"]);

/** A Pod sharing the node's network: `hostNetwork: true` is on line 6, column 3 (high: an error). */
const HOST_NETWORK_POD = (name: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  hostNetwork: true
  containers:
    - name: web
      image: nginx:1.27
`;

/** `image: nginx` (no tag: a medium warning) on line 9; `namespace: default` (a low note) on line 5. */
const UNTAGGED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: untagged
  namespace: default
spec:
  containers:
    - name: web
      image: nginx
`;

function where(annotation: Annotation): string {
  const { file, line, col } = annotation.properties;
  return `${annotation.level} ${file}:${line}:${col} ${annotation.properties.title}`;
}

describe("the bundled action, run as a GitHub runner runs it", () => {
  it("annotates each finding on its line, writes SARIF, the summary and the outputs, and fails at the fail level", () => {
    const workspace = tempDir({ ".kubeward.yaml": RULES, "deploy/risky.yaml": PRIVILEGED_POD, "deploy/untagged.yaml": UNTAGGED_POD, "deploy/safe.yaml": SAFE_POD });
    const result = runAction({ workspace });

    expect(result.stdout).toContain(
      '::error title=privileged-container,file=deploy/risky.yaml,line=9,endLine=9,col=9,endColumn=25::container "web" runs privileged.\n',
    );
    // The failure message comes first, so the per-level limit never hides it.
    expect(result.annotations[0]).toEqual({
      level: "error",
      properties: {},
      message: "kubeward: 2 findings at or above warning (the fail-on level); see the annotations, the job summary or the log.",
    });
    expect(result.annotations.slice(1).map(where)).toEqual([
      "error deploy/risky.yaml:9:9 privileged-container",
      "warning deploy/untagged.yaml:9:7 latest-image-tag",
      "notice deploy/untagged.yaml:5:3 default-namespace",
    ]);
    expect(result.status).toBe(1);

    const sarifFile = path.join(workspace, "kubeward.sarif");
    expect(result.outputs).toEqual({ "sarif-file": sarifFile, findings: "3", errors: "1", warnings: "1", notes: "1" });
    const sarif = JSON.parse(readFileSync(sarifFile, "utf8")) as { runs: Array<{ results: Array<{ ruleId: string; locations: unknown[] }> }> };
    expect(sarif.runs[0].results.map((r) => r.ruleId).sort()).toEqual(["default-namespace", "latest-image-tag", "privileged-container"]);
    expect(sarif.runs[0].results.find((r) => r.ruleId === "privileged-container")?.locations).toEqual([
      expect.objectContaining({
        physicalLocation: { artifactLocation: { uri: "deploy/risky.yaml", uriBaseId: "%SRCROOT%" }, region: { startLine: 9, startColumn: 9, endLine: 9, endColumn: 25 } },
      }),
    ]);

    expect(result.summary).toContain("<h2>kubeward</h2>");
    expect(result.summary).toContain("✖ 3 findings (1 error, 1 warning, 1 note) in 3 objects in 3 files; 2 findings at or above warning fail the step.");
    expect(result.summary).toContain("<tr><td>critical</td><td>error</td><td>1</td></tr>");
    expect(result.summary).toContain("<tr><td>low</td><td>note</td><td>1</td></tr>");
    expect(result.summary).toContain(
      '<tr><td><a href="https://github.com/kubeward/kubeward/blob/main/docs/rules/privileged-container.md">privileged-container</a></td><td>Container runs privileged</td><td>critical</td><td>1</td></tr>',
    );
    expect(result.summary).toContain(
      '<a href="https://github.com/acme/deployments/blob/0123456789abcdef0123456789abcdef01234567/deploy/risky.yaml#L9">deploy/risky.yaml:9:9</a>',
    );
    expect(result.summary).not.toContain("more error");

    // The log holds the report in the chosen format, fenced off from workflow-command parsing.
    expect(result.log).toBe(
      [
        "deploy/risky.yaml",
        '  9:9  error    container "web" runs privileged.  privileged-container',
        "",
        "deploy/untagged.yaml",
        '  5:3  note     Pod "untagged" is in the default namespace.  default-namespace',
        '  9:7  warning  container "web" image "nginx" has no tag, which means latest.  latest-image-tag',
        "",
        "✖ 3 problems (1 error, 1 warning, 1 note) in 3 objects in 3 files.",
        "",
      ].join("\n"),
    );
  });

  it("passes with fail-on none, prints the report format asked for, and skips annotations when told to", () => {
    const workspace = tempDir({ ".kubeward.yaml": RULES, "risky.yaml": PRIVILEGED_POD });
    const result = runAction({ workspace, inputs: { "fail-on": "none", annotations: "false", format: "compact", "sarif-file": "reports/kubeward.sarif" } });
    expect(result.status).toBe(0);
    expect(result.annotations).toEqual([]);
    expect(result.log).toBe('risky.yaml:9:9: error: container "web" runs privileged. [privileged-container]\n');
    expect(existsSync(path.join(workspace, "reports/kubeward.sarif"))).toBe(true);
    expect(result.outputs["sarif-file"]).toBe(path.join(workspace, "reports/kubeward.sarif"));
    expect(result.summary).toContain("fail-on is none, so the step passes");
  });

  it("fails the step on input that could not be linted even with fail-on none, unless the config turns its diagnostic off", () => {
    const broken = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p: q\n";
    const workspace = tempDir({ ".kubeward.yaml": RULES, "broken.yaml": broken, "risky.yaml": PRIVILEGED_POD });
    const failing = runAction({ workspace, inputs: { "fail-on": "none" } });
    expect(failing.status).toBe(1);
    expect(failing.annotations.map((a) => (a.properties.title ? where(a) : a.message))).toEqual([
      "kubeward: 1 input could not be linted (this fails the step whatever fail-on says); see the annotations, the job summary or the log.",
      "error risky.yaml:9:9 privileged-container",
      "error broken.yaml:4:10 kubeward/parse-error",
    ]);
    expect(failing.summary).toContain("in 1 object in 2 files; 1 input that could not be linted fails the step.");
    expect(runAction({ workspace, inputs: { "fail-on": "error" } }).annotations[0].message).toBe(
      "kubeward: 1 input could not be linted (this fails the step whatever fail-on says) and 1 finding at or above error (the fail-on level); see the annotations, the job summary or the log.",
    );

    const accepted = tempDir({
      ".kubeward.yaml": onlyRulesConfig(["privileged-container"], "", { "kubeward/parse-error": "off" }),
      "broken.yaml": broken,
      "risky.yaml": PRIVILEGED_POD,
    });
    const passing = runAction({ workspace: accepted, inputs: { "fail-on": "none" } });
    expect(passing.status).toBe(0);
    expect(passing.annotations.map(where)).toEqual(["error risky.yaml:9:9 privileged-container"]);
    expect(passing.summary).toContain("fail-on is none, so the step passes");
  });

  it("takes fail-on from the config when the input is unset, and the input over the config", () => {
    const workspace = tempDir({ ".kubeward.yaml": onlyRulesConfig(["latest-image-tag"], "failOn: error"), "untagged.yaml": UNTAGGED_POD });
    expect(runAction({ workspace }).status).toBe(0);
    expect(runAction({ workspace, inputs: { "fail-on": "warning" } }).status).toBe(1);
  });

  it("annotates the most severe findings first, at most 10 per level, and says in the summary how many more there are", () => {
    const files: Record<string, string> = { ".kubeward.yaml": onlyRulesConfig(["privileged-container", "host-network"]) };
    // 11 high findings in files that sort first, 2 critical ones in a file that sorts last.
    for (let i = 0; i < 11; i++) files[`a/host-${String(i).padStart(2, "0")}.yaml`] = HOST_NETWORK_POD(`host-${i}`);
    files["z/risky.yaml"] = `${PRIVILEGED_POD}---\n${PRIVILEGED_POD}`;
    const workspace = tempDir(files);

    const failing = runAction({ workspace });
    const errors = failing.annotations.filter((a) => a.level === "error");
    // One error annotation is the failure message; nine findings fill the rest, critical ones first.
    expect(errors).toHaveLength(10);
    expect(errors.slice(1, 3).map(where)).toEqual(["error z/risky.yaml:9:9 privileged-container", "error z/risky.yaml:19:9 privileged-container"]);
    expect(errors.slice(3).every((a) => a.properties.title === "host-network")).toBe(true);
    expect(failing.summary).toContain("4 more errors are not annotated");

    const passing = runAction({ workspace, inputs: { "fail-on": "none" } });
    expect(passing.annotations.filter((a) => a.level === "error")).toHaveLength(10);
    expect(passing.summary).toContain("3 more errors are not annotated");
    expect(passing.outputs.errors).toBe("13");
  });

  it("keeps the SARIF file within GitHub's limits, and says in a warning and the summary how many results were left out", () => {
    const workspace = tempDir({ ".kubeward.yaml": MANY_FINDINGS_RULES, "many.yaml": manyFindingsYaml() });
    const limited = runAction({ workspace, inputs: { annotations: "false", format: "compact" } });
    const note =
      "the SARIF report holds the 25000 most severe of 26400 results: GitHub code scanning rejects a run of more than 25000 results. 1400 left out (1400 low) are counted in the run's properties; the input sarif-all-results: true writes them all.";
    expect(limited.annotations).toContainEqual({ level: "warning", properties: {}, message: `kubeward: ${note}` });
    expect(limited.summary).toContain(`<p>⚠ The SARIF report holds the 25000 most severe of 26400 results: GitHub code scanning rejects a run of more than 25000 results. 1400 left out (1400 low) are counted in the run&#39;s properties; the input sarif-all-results: true writes them all.</p>`);
    const results = (file: string): number => (JSON.parse(readFileSync(path.join(workspace, file), "utf8")) as { runs: Array<{ results: unknown[] }> }).runs[0].results.length;
    expect(results("kubeward.sarif")).toBe(25_000);
    expect(limited.outputs.findings).toBe("26400");

    const whole = runAction({ workspace, inputs: { annotations: "false", format: "compact", "sarif-all-results": "true", "sarif-file": "all.sarif" } });
    expect(results("all.sarif")).toBe(26_400);
    expect(whole.summary).not.toContain("most severe of");
    expect(whole.annotations.filter((annotation) => annotation.level === "warning")).toEqual([]);
  }, 120_000);

  it("escapes what comes from the linted files: in annotations, in the summary's HTML, and in the log", () => {
    const name = "x::error::<b>owned</b>,%0A";
    const pod = PRIVILEGED_POD.replace("name: web", `name: "${name}"`);
    const workspace = tempDir({ ".kubeward.yaml": onlyRulesConfig(["privileged-container"]), "risky.yaml": pod });
    const result = runAction({ workspace });
    // Two commands only: the failure message and the finding; the name printed in the log is fenced off.
    expect(result.annotations.map((a) => "title" in a.properties ? a.properties.title : "(failure)")).toEqual(["(failure)", "privileged-container"]);
    expect(result.annotations[1].message).toBe(`container "${name}" runs privileged.`);
    expect(result.log).toContain(`container "${name}" runs privileged.`);
    expect(result.summary).toContain("x::error::&#60;b&#62;owned&#60;/b&#62;,%0A");
    expect(result.summary).not.toContain("<b>");
  });

  it("reports a configuration mistake as an annotation on the config file's line and fails", () => {
    const workspace = tempDir({ ".kubeward.yaml": "rules:\n  no-such-rule: off\n", "risky.yaml": PRIVILEGED_POD });
    const result = runAction({ workspace });
    expect(result.status).toBe(1);
    expect(result.annotations).toHaveLength(1);
    expect(result.annotations[0]).toMatchObject({ level: "error", properties: { title: "kubeward configuration", file: ".kubeward.yaml", line: "2" } });
    expect(result.annotations[0].message).toContain("no-such-rule");
  });

  it("runs only the rules of the frameworks the framework input names", () => {
    const workspace = tempDir({ ".kubeward.yaml": RULES, "deploy/risky.yaml": PRIVILEGED_POD, "deploy/untagged.yaml": UNTAGGED_POD });
    const result = runAction({ workspace, inputs: { framework: "pss-baseline" } });
    expect(result.annotations.slice(1).map(where)).toEqual(["error deploy/risky.yaml:9:9 privileged-container"]);
    const wrong = runAction({ workspace, inputs: { framework: "cis, pci" } });
    expect(wrong.annotations.map((a) => a.message)).toEqual([
      'kubeward: input "framework" must name frameworks of pss-baseline, pss-restricted, cis, nsa, pci-dss, mitre (got "pci")',
    ]);
  });

  it("adds the compliance report of the frameworks the framework input names to the job summary", () => {
    const workspace = tempDir({ ".kubeward.yaml": RULES, "deploy/risky.yaml": PRIVILEGED_POD, "deploy/untagged.yaml": UNTAGGED_POD });
    const result = runAction({ workspace, inputs: { framework: "pss-baseline, cis" } });
    const compliance = result.summary.slice(result.summary.indexOf("### Compliance report"));
    expect(result.summary.indexOf("### Compliance report")).toBeGreaterThan(result.summary.indexOf("<h2>kubeward</h2>"));
    // Markdown after the HTML blocks, with a blank line between, so GitHub renders it.
    expect(result.summary).toContain("</p>\n\n### Compliance report\n");
    expect(compliance.match(/^#### .*$/gm)).toEqual([
      "#### Kubernetes Pod Security Standards: Baseline (`pss-baseline`)",
      expect.stringMatching(/^#### CIS Kubernetes Benchmark .* \(`cis`\)$/),
    ]);
    expect(compliance).toContain("| baseline/privileged-containers | Privileged Containers | fail | `privileged-container` | 1 |");
    expect(compliance).toContain(
      '- critical `privileged-container` [deploy/risky.yaml:9:9](https://github.com/acme/deployments/blob/0123456789abcdef0123456789abcdef01234567/deploy/risky.yaml#L9) Pod/risky: container "web" runs privileged.',
    );
    // Without the input, no compliance report.
    expect(runAction({ workspace }).summary).not.toContain("Compliance report");
  });

  it("names a wrong input and what it accepts", () => {
    const workspace = tempDir({ "risky.yaml": PRIVILEGED_POD });
    const badFormat = runAction({ workspace, inputs: { format: "xml" } });
    expect(badFormat.status).toBe(1);
    expect(badFormat.annotations.map((a) => a.message)).toEqual(['kubeward: input "format" must be one of text, compact, json, sarif (got "xml")']);
    const badFlag = runAction({ workspace, inputs: { "only-changed": "yes" } });
    expect(badFlag.annotations.map((a) => a.message)).toEqual(['kubeward: input "only-changed" must be true or false (got "yes")']);
    const missingValues = runAction({ workspace, inputs: { values: "no-such-values.yaml" } });
    expect(missingValues.annotations.map((a) => a.message)).toEqual(['kubeward: input "values": no-such-values.yaml: no such file']);
    expect(missingValues.status).toBe(1);
    expect(runAction({ workspace, inputs: { format: "Compact", "fail-on": "HIGH" } }).log).toContain("risky.yaml:9:9: error:");
  });

  it("lints the paths given, separated by spaces or newlines", () => {
    const workspace = tempDir({
      ".kubeward.yaml": onlyRulesConfig(["privileged-container"]),
      "one/risky.yaml": PRIVILEGED_POD,
      "two/risky.yaml": PRIVILEGED_POD,
      "three/risky.yaml": PRIVILEGED_POD,
    });
    const result = runAction({ workspace, inputs: { paths: "one\n  two three/risky.yaml", "fail-on": "none" } });
    expect(result.annotations.map((a) => a.properties.file).sort()).toEqual(["one/risky.yaml", "three/risky.yaml", "two/risky.yaml"]);
  });
});

describe.skipIf(!existsSync(tools.helm4))("the action on a Helm chart (helm from scripts/install-tools.mjs)", () => {
  it("renders with the helm binary, values files (comma or newline separated) and kube-version given", () => {
    const workspace = tempDir({
      ".kubeward.yaml": onlyRulesConfig(["privileged-container", "host-ipc", "host-pid"]),
      "charts/web/Chart.yaml": "apiVersion: v2\nname: web\nversion: 0.1.0\n",
      "charts/web/values.yaml": "privileged: true\nhostIPC: false\n",
      "charts/web/templates/pod.yaml": `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  hostIPC: {{ .Values.hostIPC }}
  hostPID: {{ semverCompare "<1.30.0-0" .Capabilities.KubeVersion.Version }}
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        privileged: {{ .Values.privileged }}
`,
      "ci/calm.yaml": "privileged: false\n",
      "ci/ipc.yaml": "hostIPC: true\n",
    });
    const inputs = { helm: tools.helm4, values: "ci/calm.yaml,\nci/ipc.yaml", "kube-version": "1.29.0", "fail-on": "none" };
    const result = runAction({ workspace, inputs, env: { KUBEWARD_HELM: undefined } });
    expect(result.annotations.map(where)).toEqual([
      "error charts/web/templates/pod.yaml:6:3 host-ipc",
      "error charts/web/templates/pod.yaml:7:3 host-pid",
    ]);
    // The value that makes hostIPC true is in the second values file: the annotation names it.
    expect(result.annotations[0].message).toContain("ci/ipc.yaml:1");
  });
});
