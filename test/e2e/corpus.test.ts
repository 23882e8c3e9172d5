import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { jsonFindings, runCli, repoRoot, tools, toolsEnv, type JsonFinding } from "./cli-harness.js";

/** The third-party corpus beside the repo (CI always has it); read in place, never copied. */
const corpus = path.resolve(repoRoot, "../shared/corpus");
const available = existsSync(corpus) && existsSync(tools.helm4) && existsSync(tools.kubectl);


function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Whether a finding's line is the place its path names: a `key:` of the path (the deepest node that
 * exists may be an ancestor of a missing field), a `.Values` reference feeding it, the list item the
 * path goes through, a JSON 6902 op whose pointer names the key, or an `images:` override of an image.
 */
function lineHoldsPath(finding: JsonFinding, line: string): boolean {
  const keys = (finding.path ?? "").match(/"[^"]+"|[A-Za-z_][\w-]*/g)?.map((key) => key.replace(/"/g, "")) ?? [];
  if (keys.some((key) => new RegExp(`(^|[\\s{,"'-])"?${escape(key)}"?\\s*:`).test(line))) return true;
  if (/\.Values\b/.test(line)) return true;
  if (/\[\d+\]/.test(finding.path ?? "") && /^\s*(-|\{)/.test(line)) return true;
  if (keys.some((key) => line.includes(`/${key}`))) return true;
  return (finding.path ?? "").endsWith(".image") && /\b(newTag|newName|digest|name)\s*:/.test(line);
}

if (!available) console.log(`${corpus} is absent (or helm and kubectl are): the corpus tests are skipped; CI always has it`);

describe.skipIf(!available)("the corpus of real charts, overlays and manifests", () => {
  it("lints everything without a crash, and findings point at lines that hold their keys", async () => {
    const result = await runCli(["lint", path.relative(repoRoot, corpus), "--format", "json", "--fail-on", "none"], {
      cwd: repoRoot,
      env: toolsEnv(),
    });
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    const findings = jsonFindings(result.stdout);
    expect(findings.filter((f) => f.rule === "kubeward/rule-error")).toEqual([]);
    expect(findings.filter((f) => f.rule === "kubeward/render-error" || f.rule === "kubeward/tool-missing")).toEqual([]);
    // A few third-party manifests really are invalid YAML (duplicate keys, which the API server's strict decoding refuses); input that could not be linted fails the run, --fail-on none or not.
    const corpusFile = (finding: JsonFinding): string => path.relative(corpus, path.resolve(repoRoot, finding.file));
    expect(findings.filter((f) => f.rule === "kubeward/parse-error").map(corpusFile)).toEqual([
      "manifests/kubernetes-examples/_archived/openshift-origin/etcd-controller.yaml",
      "manifests/kubernetes-examples/_archived/openshift-origin/etcd-discovery-controller.yaml",
      "manifests/kubernetes-examples/_archived/openshift-origin/openshift-controller.yaml",
      "manifests/kubernetes-examples/_archived/volumes/scaleio/sc-pvc.yaml",
    ]);
    expect(result.stderr).toContain("4 inputs could not be linted, which fails the run whatever --fail-on says");
    expect(result.status).toBe(1);

    const lines = new Map<string, string[]>();
    const misses: string[] = [];
    let located = 0;
    for (const finding of findings) {
      const file = path.resolve(repoRoot, finding.file);
      expect(existsSync(file), `${finding.file} exists`).toBe(true);
      if (!finding.path) continue;
      const fileLines = lines.get(file) ?? readFileSync(file, "utf8").split("\n");
      lines.set(file, fileLines);
      const line = fileLines[finding.region.startLine - 1] ?? "";
      if (lineHoldsPath(finding, line)) located++;
      else misses.push(`${finding.file}:${finding.region.startLine} ${finding.rule} ${finding.path} → ${JSON.stringify(line.trim())}`);
    }
    const share = located / (located + misses.length);
    console.log(
      `corpus: ${findings.length} findings; ${located} of ${located + misses.length} field findings (${(share * 100).toFixed(1)}%) ` +
        `sit on a line that holds their key or the .Values reference feeding it`,
    );
    if (misses.length) console.log(`first misses:\n${misses.slice(0, 10).join("\n")}`);
    expect(share).toBeGreaterThanOrEqual(0.95);
  }, 600_000);

  it("reads spire-quickstart.yaml, whose flow lists close under their key as kubectl allows, and reports its privileged DaemonSet", async () => {
    const file = path.relative(repoRoot, path.join(corpus, "manifests/istio-samples/security/spire/spire-quickstart.yaml"));
    const result = await runCli(["lint", file, "--format", "json", "--fail-on", "none"], { cwd: repoRoot, env: toolsEnv() });
    const findings = jsonFindings(result.stdout);
    expect(findings.filter((f) => f.rule.startsWith("kubeward/"))).toEqual([]);
    const privileged = findings.filter((f) => f.rule === "privileged-container");
    expect(privileged.map((f) => [f.object?.kind, f.object?.name, f.region.startLine, f.region.startColumn, f.message])).toEqual([
      ["DaemonSet", "spire-agent", 933, 13, 'container "spiffe-csi-driver" runs privileged.'],
    ]);
  });
});
