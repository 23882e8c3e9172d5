import { existsSync } from "node:fs";
import type * as Sarif from "sarif";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonFindings, runCli, removeTempDirs, repoRoot, tools, toolsEnv, where, type JsonFinding } from "./cli-harness.js";

const prod = "fixtures/kustomize/overlays/prod";
const staging = "fixtures/kustomize/overlays/staging";

afterAll(removeTempDirs);

async function lint(args: string[], env = toolsEnv()): Promise<{ findings: JsonFinding[]; stderr: string; status: number | null }> {
  const result = await runCli(["lint", "--format", "json", "--fail-on", "none", ...args], { cwd: repoRoot, env });
  return { findings: result.stdout ? jsonFindings(result.stdout) : [], stderr: result.stderr, status: result.status };
}

function at(findings: JsonFinding[], rule: string): string[] {
  return where(findings.filter((f) => f.rule === rule));
}

describe.skipIf(!existsSync(tools.kubectl))("Kustomize overlays (kubectl from scripts/install-tools.mjs)", () => {
  it("points each finding at the file that set the field: patches, images:, inline patches", async () => {
    const { findings } = await lint([prod]);
    expect(at(findings, "privileged-container")).toEqual([`${prod}/privileged.yaml:11:13 privileged-container`]);
    expect(at(findings, "host-network")).toEqual([`${prod}/host-network.json:2:61 host-network`]);
    expect(at(findings, "latest-image-tag")).toEqual([`${prod}/kustomization.yaml:11:5 latest-image-tag`]);
    const latest = findings.find((f) => f.rule === "latest-image-tag");
    expect(latest?.message).toContain('images: entry for "nginx" (newTag: latest)');
    expect(latest?.provenance).toEqual({ values: [], kustomize: { kind: "images-entry", name: "nginx", newTag: "latest" } });
    // The patch file's line tells the story alone.
    expect(findings.find((f) => f.rule === "privileged-container")?.provenance).toBeNull();
    expect(at(findings, "run-as-user-root")).toEqual([`${prod}/kustomization.yaml:29:19 run-as-user-root`]);
  });

  it("words the Kustomize provenance in SARIF's message, without the Helm properties", async () => {
    const result = await runCli(["lint", "--format", "sarif", "--fail-on", "none", prod], { cwd: repoRoot, env: toolsEnv() });
    const results = (JSON.parse(result.stdout) as Sarif.Log).runs[0].results ?? [];
    const latest = results.find((r) => r.ruleId === "latest-image-tag");
    expect(latest?.message.text).toContain('(set by the images: entry for "nginx" (newTag: latest)).');
    expect(latest?.properties).toBeUndefined();
  });

  it("points a field no overlay touches at the base resource file", async () => {
    const { findings } = await lint([prod]);
    expect(at(findings, "capabilities-not-dropped")).toContain("fixtures/kustomize/base/deployment.yaml:21:11 capabilities-not-dropped");
  });

  it("honours kubeward-ignore comments in patch files", async () => {
    const { findings } = await lint([staging]);
    const escalation = findings.filter((f) => f.rule === "privilege-escalation-allowed" && f.file === `${staging}/add-debug-container.yaml`);
    expect(escalation).toHaveLength(1);
    expect(escalation[0]).toMatchObject({ suppressed: true, suppression: { kind: "comment", reason: "the debug image needs sudo" } });
  });

  it("lints a base through its overlays, not on its own, and not its files as plain manifests", async () => {
    const result = await runCli(["lint", "fixtures/kustomize/base", prod, "--verbose", "--format", "json", "--fail-on", "none"], { cwd: repoRoot, env: toolsEnv() });
    expect(result.stderr).toContain("skipped fixtures/kustomize/base: this kustomization is a base of another overlay in this run");
    const findings = jsonFindings(result.stdout);
    const capabilities = findings.filter((f) => f.rule === "capabilities-not-dropped" && f.file === "fixtures/kustomize/base/deployment.yaml");
    expect(capabilities.map((f) => f.object?.name)).toEqual(["prod-web"]);
  });

  it("reports missing resources at the kustomization line that names them", async () => {
    const { findings } = await lint(["fixtures/kustomize/broken"]);
    expect(at(findings, "kubeward/kustomize-error")).toEqual([
      "fixtures/kustomize/broken/Kustomization:3:5 kubeward/kustomize-error",
      "fixtures/kustomize/broken/Kustomization:4:5 kubeward/kustomize-error",
      "fixtures/kustomize/broken/Kustomization:7:5 kubeward/kustomize-error",
    ]);
  });

  describe("files in a Kustomize tree that no kustomization lists", () => {
    const trees = "fixtures/kustomize/trees";
    const unlisted = (file: string, tree: string): string =>
      `skipped ${trees}/${file}: it sits in the Kustomize tree of ${trees}/${tree}, and no kustomization in this run lists it ` +
      "(as a resource, patch or other input), so it is not an object Kustomize builds";

    async function lintVerbose(...inputs: string[]): Promise<{ findings: JsonFinding[]; stderr: string }> {
      const result = await runCli(["lint", ...inputs, "--verbose", "--format", "json", "--fail-on", "none"], { cwd: repoRoot, env: toolsEnv() });
      return { findings: jsonFindings(result.stdout), stderr: result.stderr };
    }

    it("are skipped, and --verbose names the tree; a plain folder beside the tree is linted as before", async () => {
      const { findings, stderr } = await lintVerbose(trees);
      // The commented-out patch (privileged), the stray pod below the overlay (hostPID) and the one beside an unbuildable overlay (hostNetwork).
      expect(findings.filter((f) => /privileged-patch|leftover|stray/.test(f.file))).toEqual([]);
      expect(findings.filter((f) => f.rule === "host-pid" || f.rule === "host-network")).toEqual([]);
      expect(stderr).toContain(unlisted("app/privileged-patch.yaml", "app"));
      expect(stderr).toContain(unlisted("app/debug/leftover.yaml", "app"));
      // A configMapGenerator's file is an input of the kustomization, not a stray file.
      expect(stderr).toContain(`skipped ${trees}/app/settings.yaml: it is part of the kustomization in ${trees}/app, and is linted through it`);
      const privileged = findings.filter((f) => f.rule === "privileged-container");
      expect(where(privileged)).toEqual([`${trees}/plain/privileged-pod.yaml:10:9 privileged-container`]);
      expect(privileged[0].message).toBe('container "plain" runs privileged.');
    });

    it("do not vanish in silence when their kustomization fails to build: the build error is reported and named", async () => {
      const { findings, stderr } = await lintVerbose(`${trees}/unbuildable`);
      expect(where(findings)).toEqual([`${trees}/unbuildable/kustomization.yaml:1:1 kubeward/kustomize-error`]);
      expect(findings[0].message).toContain('kustomize build failed: no resource matches strategic merge patch "Deployment.v1.apps/missing.[noNs]"');
      expect(stderr).toContain(`${unlisted("unbuildable/stray.yaml", "unbuildable")}; ${trees}/unbuildable could not be built (see the findings reported for it)`);
      expect(stderr).toContain(`skipped ${trees}/unbuildable/pod.yaml: it is part of the kustomization in ${trees}/unbuildable, which could not be built`);
    });

    it("are skipped when named on the command line, which still lints the overlay they sit in", async () => {
      const { findings, stderr } = await lintVerbose(`${trees}/app/privileged-patch.yaml`);
      expect(stderr).toContain(unlisted("app/privileged-patch.yaml", "app"));
      expect(findings.filter((f) => f.file !== `${trees}/app/pod.yaml`)).toEqual([]);
      expect(at(findings, "privilege-escalation-allowed")).toEqual([`${trees}/app/pod.yaml:10:9 privilege-escalation-allowed`]);
    });

    it("are skipped when a folder below the overlay is walked, which lints the overlay as a file in it would", async () => {
      const { findings, stderr } = await lintVerbose(`${trees}/app/debug`);
      expect(stderr).toContain(unlisted("app/debug/leftover.yaml", "app"));
      expect(at(findings, "host-pid")).toEqual([]);
      expect(at(findings, "privilege-escalation-allowed")).toEqual([`${trees}/app/pod.yaml:10:9 privilege-escalation-allowed`]);
    });
  });

  describe("fields a patch deletes", () => {
    const overlay = "fixtures/kustomize/removals/overlay";
    const securityRules = ["may-run-as-root", "seccomp-profile-missing", "capabilities-not-dropped", "privilege-escalation-allowed", "writable-root-filesystem"];
    let findings: JsonFinding[] = [];
    beforeAll(async () => {
      findings = (await lint([overlay])).findings;
    });
    /** `file:line:col rule` of the object's findings of the five rules, sorted. */
    const byObject = (name: string): string[] =>
      where(findings.filter((f) => f.object?.name === name && securityRules.includes(f.rule))).sort((a, b) => a.localeCompare(b));
    const atEach = (location: string): string[] => securityRules.map((rule) => `${location} ${rule}`).sort((a, b) => a.localeCompare(b));
    const findingOf = (name: string, rule: string): JsonFinding | undefined => findings.find((f) => f.object?.name === name && f.rule === rule);
    const messageOf = (name: string, rule: string): string | undefined => findingOf(name, rule)?.message;

    it("point at the `path:` of a JSON 6902 remove, in a patch file and inline", () => {
      // The base sets every field the five rules ask for; the patch removes the securityContext that holds them.
      expect(byObject("json-file")).toEqual(atEach(`${overlay}/remove-security-context.yaml:3:3`));
      expect(byObject("json-inline")).toEqual([`${overlay}/kustomization.yaml:13:9 privilege-escalation-allowed`]);
      expect(messageOf("json-inline", "privilege-escalation-allowed")).toBe('container "app" does not set allowPrivilegeEscalation: false, so escalation is allowed by default.');
    });

    it("point a pod-level finding at the removal of the container's setting, and say so", () => {
      expect(messageOf("json-file", "may-run-as-root")).toBe(
        'container "app" may run as root: neither the pod template nor any container sets runAsNonRoot: true (the patch here removes container "app"\'s runAsNonRoot: true).',
      );
      expect(messageOf("json-file", "seccomp-profile-missing")).toBe(
        'container "app" runs without a seccomp profile: neither the pod template nor any container sets seccompProfile.type (the patch here removes container "app"\'s seccompProfile.type: RuntimeDefault).',
      );
      const removal = (field: string, value: unknown) => ({ values: [], kustomize: { kind: "removed-by-patch", container: { list: "containers", name: "app" }, field, value } });
      expect(findingOf("json-file", "may-run-as-root")?.provenance).toEqual(removal("runAsNonRoot", true));
      expect(findingOf("json-file", "seccomp-profile-missing")?.provenance).toEqual(removal("seccompProfile.type", "RuntimeDefault"));
    });

    it("point at a strategic-merge `key: null`, `$patch: delete` or `$patch: replace`", () => {
      expect(byObject("smp-null")).toEqual(atEach(`${overlay}/smp-null.yaml:10:11`));
      expect(byObject("smp-delete")).toEqual(atEach(`${overlay}/smp-delete.yaml:11:13`));
      // The replacement keeps runAsNonRoot and the seccomp profile, and drops the other three.
      expect(byObject("smp-replace")).toEqual([
        `${overlay}/smp-replace.yaml:11:13 capabilities-not-dropped`,
        `${overlay}/smp-replace.yaml:11:13 privilege-escalation-allowed`,
        `${overlay}/smp-replace.yaml:11:13 writable-root-filesystem`,
      ]);
    });

    it("point at the `value:` of a JSON 6902 replace that leaves the field out", () => {
      expect(byObject("json-replace")).toEqual([
        `${overlay}/kustomization.yaml:23:9 capabilities-not-dropped`,
        `${overlay}/kustomization.yaml:23:9 privilege-escalation-allowed`,
        `${overlay}/kustomization.yaml:23:9 seccomp-profile-missing`,
        `${overlay}/kustomization.yaml:23:9 writable-root-filesystem`,
      ]);
    });

    it("leave a pod-level finding at the base when the removed securityContext never set the field", () => {
      expect(byObject("unrelated")).toEqual([
        "fixtures/kustomize/removals/base/deployments.yaml:137:5 may-run-as-root",
        "fixtures/kustomize/removals/base/deployments.yaml:137:5 seccomp-profile-missing",
        `${overlay}/kustomization.yaml:30:9 capabilities-not-dropped`,
        `${overlay}/kustomization.yaml:30:9 privilege-escalation-allowed`,
        `${overlay}/kustomization.yaml:30:9 writable-root-filesystem`,
      ]);
      expect(messageOf("unrelated", "may-run-as-root")).toBe('container "app" may run as root: neither the pod template nor any container sets runAsNonRoot: true.');
      expect(findingOf("unrelated", "may-run-as-root")?.provenance).toBeNull();
    });
  });

  it("reports a missing kustomize/kubectl at the overlay and lints the rest", async () => {
    const { findings, status } = await lint([prod, "fixtures/demo/payments-api.yaml", "--fail-on", "error"], { PATH: "/nonexistent" });
    expect(at(findings, "kubeward/tool-missing")).toEqual([`${prod}/kustomization.yaml:1:1 kubeward/tool-missing`]);
    expect(at(findings, "privileged-container")).toEqual(["fixtures/demo/payments-api.yaml:23:13 privileged-container"]);
    expect(status).toBe(1);
  });
});
