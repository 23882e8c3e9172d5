import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PRIVILEGED_POD, onlyRulesConfig, removeTempDirs, tempDir, tools, toolsEnv, writeFiles } from "../e2e/cli-harness.js";
import { commitAll, git, pullRequestEvent, removeRunnerDirs, runAction, type ActionRun } from "./action-harness.js";

afterAll(() => {
  removeTempDirs();
  removeRunnerDirs();
});

const haveTools = existsSync(tools.helm4) && existsSync(tools.kubectl);

/**
 * A repository with a plain manifest in each of two folders, a chart whose values make its
 * container privileged, and a base with an overlay: every one of them has a privileged-container finding.
 */
const PROJECT: Record<string, string> = {
  ".kubeward.yaml": onlyRulesConfig(["privileged-container"]),
  "apps/api.yaml": PRIVILEGED_POD,
  "jobs/batch.yaml": PRIVILEGED_POD.replace("name: risky", "name: batch"),
  "charts/web/Chart.yaml": "apiVersion: v2\nname: web\nversion: 0.1.0\n",
  "charts/web/values.yaml": "privileged: true\n",
  "charts/web/templates/pod.yaml": `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        privileged: {{ .Values.privileged }}
`,
  "deploy/base/kustomization.yaml": "resources:\n  - pod.yaml\n",
  "deploy/base/pod.yaml": PRIVILEGED_POD.replace("name: risky", "name: worker"),
  "deploy/overlays/prod/kustomization.yaml": "resources:\n  - ../../base\nnamePrefix: prod-\n",
};

/** A fresh repository: PROJECT committed as the base, then `changes` as the head; the workspace is at the head. */
function pullRequest(changes: Record<string, string>): { workspace: string; base: string; head: string } {
  const workspace = tempDir(PROJECT);
  git(workspace, "init", "--quiet");
  const base = commitAll(workspace, "base");
  writeFiles(workspace, changes);
  const head = commitAll(workspace, "change");
  return { workspace, base, head };
}

/** Where each privileged-container annotation points. */
function annotated(result: ActionRun): string[] {
  return result.annotations
    .filter((annotation) => annotation.properties.title === "privileged-container")
    .map((annotation) => `${annotation.properties.file}:${annotation.properties.line}`)
    .sort();
}

const EVERY_FINDING = ["apps/api.yaml:9", "charts/web/templates/pod.yaml:10", "deploy/base/pod.yaml:9", "jobs/batch.yaml:9"];

describe.skipIf(!haveTools)("only-changed on a pull request (helm and kubectl from scripts/install-tools.mjs)", () => {
  it("reports only the findings in the files the pull request changes", () => {
    const { workspace, base, head } = pullRequest({ "apps/api.yaml": PRIVILEGED_POD.replace("name: risky", "name: api") });
    const result = runAction({ workspace, inputs: { "only-changed": "true" }, event: pullRequestEvent(base, head), env: toolsEnv() });
    expect(annotated(result)).toEqual(["apps/api.yaml:9"]);
    expect(result.outputs.findings).toBe("1");
    expect(result.status).toBe(1);
    expect(result.summary).toContain(
      "Only findings in the 1 file this pull request changes, and in the charts and overlays those files belong to, are reported; 3 findings elsewhere are left out (the SARIF file has all of them).",
    );
    expect(result.log).not.toContain("jobs/batch.yaml");
  });

  it("keeps a chart's findings when the pull request changes any file of the chart, such as its values", () => {
    const { workspace, base, head } = pullRequest({ "charts/web/values.yaml": "# reviewed\nprivileged: true\n" });
    const result = runAction({ workspace, inputs: { "only-changed": "true" }, event: pullRequestEvent(base, head), env: toolsEnv() });
    expect(annotated(result)).toEqual(["charts/web/templates/pod.yaml:10"]);
  });

  it("keeps an overlay's findings, even in its base's files, when the pull request changes the overlay", () => {
    const { workspace, base, head } = pullRequest({ "deploy/overlays/prod/kustomization.yaml": "resources:\n  - ../../base\nnamePrefix: production-\n" });
    const result = runAction({ workspace, inputs: { "only-changed": "true" }, event: pullRequestEvent(base, head), env: toolsEnv() });
    expect(annotated(result)).toEqual(["deploy/base/pod.yaml:9"]);
  });

  it("keeps findings in a base's files when the pull request changes the base's kustomization", () => {
    const { workspace, base, head } = pullRequest({ "deploy/base/kustomization.yaml": "resources:\n  - pod.yaml\ncommonLabels:\n  team: payments\n" });
    const result = runAction({ workspace, inputs: { "only-changed": "true" }, event: pullRequestEvent(base, head), env: toolsEnv() });
    expect(annotated(result)).toEqual(["deploy/base/pod.yaml:9"]);
  });

  it("passes when the pull request changes only files without findings, though others have some", () => {
    const { workspace, base, head } = pullRequest({ "README.md": "# deployments\n" });
    const result = runAction({ workspace, inputs: { "only-changed": "true" }, event: pullRequestEvent(base, head), env: toolsEnv() });
    expect(result.status).toBe(0);
    expect(result.outputs).toMatchObject({ findings: "0", errors: "0" });
    // Code scanning gets the whole picture; it narrows pull request alerts to the diff itself.
    expect(result.summary).toContain("4 findings elsewhere are left out");
  });

  it("compares the two commits directly when they have no merge base", () => {
    const { workspace, base } = pullRequest({});
    git(workspace, "checkout", "--quiet", "--orphan", "unrelated");
    writeFiles(workspace, { "jobs/batch.yaml": PRIVILEGED_POD.replace("name: risky", "name: nightly") });
    const head = commitAll(workspace, "unrelated history");
    const result = runAction({ workspace, inputs: { "only-changed": "true" }, event: pullRequestEvent(base, head), env: toolsEnv() });
    expect(annotated(result)).toEqual(["jobs/batch.yaml:9"]);
  });

  it("reports every finding, with a warning that says how to fix the checkout, when the base commit is missing", () => {
    const { workspace, head } = pullRequest({ "apps/api.yaml": PRIVILEGED_POD.replace("name: risky", "name: api") });
    const missing = "0000000000000000000000000000000000000001";
    const result = runAction({ workspace, inputs: { "only-changed": "true" }, event: pullRequestEvent(missing, head), env: toolsEnv() });
    expect(annotated(result)).toEqual(EVERY_FINDING);
    const warnings = result.annotations.filter((annotation) => annotation.level === "warning");
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toMatch(/^only-changed: git diff 0{39}1\.\.[0-9a-f]{40} failed: .+ fetch-depth: 0/s);
  });

  it("reports every finding on other events, and says why in the summary", () => {
    const { workspace } = pullRequest({ "apps/api.yaml": PRIVILEGED_POD.replace("name: risky", "name: api") });
    const result = runAction({ workspace, inputs: { "only-changed": "true" }, event: { name: "push", payload: {} }, env: toolsEnv() });
    expect(annotated(result)).toEqual(EVERY_FINDING);
    expect(result.summary).toContain("only-changed has no effect: the event is push, not a pull request; every finding is reported.");
  });

  it("lists paths relative to the workspace when the workspace is a folder inside the repository", () => {
    const { workspace: repository, base, head } = pullRequest({ "apps/api.yaml": PRIVILEGED_POD.replace("name: risky", "name: api") });
    rmSync(path.join(repository, ".kubeward.yaml"));
    const workspace = path.join(repository, "apps");
    writeFiles(workspace, { ".kubeward.yaml": onlyRulesConfig(["privileged-container"]), "other.yaml": PRIVILEGED_POD });
    const result = runAction({ workspace, inputs: { "only-changed": "true" }, event: pullRequestEvent(base, head), env: toolsEnv() });
    expect(annotated(result)).toEqual(["api.yaml:9"]);
  });
});
