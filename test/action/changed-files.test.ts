import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { onlyChangedFindings, pullRequestRange } from "../../src/action/changed-files.js";
import type { Finding } from "../../src/engine/finding.js";

const region = { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 };

function finding(file: string, extra: Partial<Finding> = {}): Finding {
  return { ruleId: "privileged-container", severity: "critical", message: "m.", file, region, ...extra };
}

function kept(findings: Finding[], changed: string[]): string[] {
  return onlyChangedFindings(findings, changed).map((f) => `${f.file}${f.source ? ` from ${f.source}` : ""}`);
}

describe("onlyChangedFindings", () => {
  it("keeps findings in changed files, with a related location in one, or from a chart or overlay holding one", () => {
    const findings = [
      finding("apps/a.yaml"),
      finding("apps/b.yaml"),
      finding("charts/web/templates/pod.yaml", { source: "charts/web" }),
      finding("charts/db/templates/pod.yaml", { source: "charts/db" }),
      finding("other/pod.yaml", { provenance: { values: [{ key: "image.tag", setKey: "image.tag", written: true, file: "values/prod.yaml", region }] } }),
      finding("base/pod.yaml", { source: "overlays/prod" }),
    ];
    expect(kept(findings, ["apps/a.yaml", "charts/web/Chart.yaml", "values/prod.yaml"])).toEqual([
      "apps/a.yaml",
      "charts/web/templates/pod.yaml from charts/web",
      "other/pod.yaml",
    ]);
    expect(kept(findings, ["overlays/prod/patch.yaml"])).toEqual(["base/pod.yaml from overlays/prod"]);
    expect(kept(findings, ["base/kustomization.yaml"])).toEqual(["base/pod.yaml from overlays/prod"]);
    expect(kept(findings, [])).toEqual([]);
  });

  it("always keeps input that could not be linted, wherever it is, and only that", () => {
    const findings = [
      finding("charts/db/templates/pod.yaml", { ruleId: "kubeward/render-error", severity: "high" }),
      finding("other/broken.yaml", { ruleId: "kubeward/parse-error", severity: "high" }),
      finding("other/wrong.yaml", { ruleId: "kubeward/invalid-field-type", severity: "high" }),
      finding("other/pod.yaml"),
    ];
    expect(kept(findings, ["apps/a.yaml"])).toEqual(["charts/db/templates/pod.yaml", "other/broken.yaml"]);
  });

  it("does not take a folder for a file's prefix, and reads ./ and the workspace root as the same place", () => {
    expect(kept([finding("charts/web-extra/x.yaml", { source: "charts/web-extra" })], ["charts/web/values.yaml"])).toEqual([]);
    expect(kept([finding("./a.yaml")], ["a.yaml"])).toEqual(["./a.yaml"]);
    expect(kept([finding("templates/pod.yaml", { source: "." })], ["values.yaml"])).toEqual(["templates/pod.yaml from ."]);
  });
});

describe("pullRequestRange", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "kubeward-event-"));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const eventFile = (payload: string): string => {
    const file = path.join(dir, `${Math.random()}.json`);
    writeFileSync(file, payload);
    return file;
  };
  const sha = (digit: string): string => digit.repeat(40);

  it("reads base and head from a pull_request or pull_request_target event", () => {
    const file = eventFile(JSON.stringify({ pull_request: { base: { sha: sha("a") }, head: { sha: sha("b") } } }));
    expect(pullRequestRange("pull_request", file)).toEqual({ base: sha("a"), head: sha("b") });
    expect(pullRequestRange("pull_request_target", file)).toEqual({ base: sha("a"), head: sha("b") });
  });

  it("says why there is no range: another event, no event file, bad JSON, or no commits in it", () => {
    expect(pullRequestRange("push", "x")).toEqual({ reason: "the event is push, not a pull request" });
    expect(pullRequestRange("pull_request", undefined)).toEqual({ reason: "GITHUB_EVENT_PATH is not set" });
    expect(pullRequestRange("pull_request", eventFile("{"))).toMatchObject({ reason: expect.stringContaining("cannot be read") as string });
    expect(pullRequestRange("pull_request", eventFile('{"pull_request": {"base": {"sha": "--output=x"}}}'))).toEqual({
      reason: "the event has no pull_request.base.sha and pull_request.head.sha",
    });
  });
});
