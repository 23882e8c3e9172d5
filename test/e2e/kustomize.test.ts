import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, jsonFindings, kubeward, removeTempDirs, repoRoot, tools, toolsEnv, where, type JsonFinding } from "./cli-harness.js";

const prod = "fixtures/kustomize/overlays/prod";
const staging = "fixtures/kustomize/overlays/staging";

beforeAll(ensureBuilt);
afterAll(removeTempDirs);

function lint(args: string[], env = toolsEnv()): { findings: JsonFinding[]; stderr: string; status: number | null } {
  const result = kubeward(["lint", "--format", "json", "--fail-on", "none", ...args], { cwd: repoRoot, env, timeoutMs: 60_000 });
  return { findings: result.stdout ? jsonFindings(result.stdout) : [], stderr: result.stderr, status: result.status };
}

function at(findings: JsonFinding[], rule: string): string[] {
  return where(findings.filter((f) => f.rule === rule));
}

describe.skipIf(!existsSync(tools.kubectl))("Kustomize overlays (kubectl from scripts/install-tools.mjs)", () => {
  it("points each finding at the file that set the field: patches, images:, inline patches", () => {
    const { findings } = lint([prod]);
    expect(at(findings, "privileged-container")).toEqual([`${prod}/privileged.yaml:11:13 privileged-container`]);
    expect(at(findings, "host-network")).toEqual([`${prod}/host-network.json:2:61 host-network`]);
    expect(at(findings, "latest-image-tag")).toEqual([`${prod}/kustomization.yaml:11:5 latest-image-tag`]);
    expect(findings.find((f) => f.rule === "latest-image-tag")?.message).toContain('images: entry for "nginx"');
    expect(at(findings, "run-as-user-root")).toEqual([`${prod}/kustomization.yaml:29:19 run-as-user-root`]);
  });

  it("points a field no overlay touches at the base resource file", () => {
    const { findings } = lint([prod]);
    expect(at(findings, "capabilities-not-dropped")).toContain("fixtures/kustomize/base/deployment.yaml:21:11 capabilities-not-dropped");
  });

  it("honours kubeward-ignore comments in patch files", () => {
    const { findings } = lint([staging]);
    const escalation = findings.filter((f) => f.rule === "privilege-escalation-allowed" && f.file === `${staging}/add-debug-container.yaml`);
    expect(escalation).toHaveLength(1);
    expect(escalation[0]).toMatchObject({ suppressed: true, suppression: { kind: "comment", reason: "the debug image needs sudo" } });
  });

  it("lints a base through its overlays, not on its own, and not its files as plain manifests", () => {
    const result = kubeward(["lint", "fixtures/kustomize/base", prod, "--verbose", "--format", "json", "--fail-on", "none"], { cwd: repoRoot, env: toolsEnv(), timeoutMs: 60_000 });
    expect(result.stderr).toContain("skipped fixtures/kustomize/base: this kustomization is a base of another overlay in this run");
    const findings = jsonFindings(result.stdout);
    const capabilities = findings.filter((f) => f.rule === "capabilities-not-dropped" && f.file === "fixtures/kustomize/base/deployment.yaml");
    expect(capabilities.map((f) => f.object?.name)).toEqual(["prod-web"]);
  });

  it("reports missing resources at the kustomization line that names them", () => {
    const { findings } = lint(["fixtures/kustomize/broken"]);
    expect(at(findings, "kubeward/kustomize-error")).toEqual([
      "fixtures/kustomize/broken/Kustomization:3:5 kubeward/kustomize-error",
      "fixtures/kustomize/broken/Kustomization:4:5 kubeward/kustomize-error",
      "fixtures/kustomize/broken/Kustomization:7:5 kubeward/kustomize-error",
    ]);
  });

  it("reports a missing kustomize/kubectl at the overlay and lints the rest", () => {
    const { findings, status } = lint([prod, "fixtures/demo/payments-api.yaml", "--fail-on", "error"], { PATH: "/nonexistent" });
    expect(at(findings, "kubeward/tool-missing")).toEqual([`${prod}/kustomization.yaml:1:1 kubeward/tool-missing`]);
    expect(at(findings, "privileged-container")).toEqual(["fixtures/demo/payments-api.yaml:23:13 privileged-container"]);
    expect(status).toBe(1);
  });
});
