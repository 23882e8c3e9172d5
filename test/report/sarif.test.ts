import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import Ajv04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import type * as Sarif from "sarif";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import packageJson from "../../package.json" with { type: "json" };
import type { Finding } from "../../src/engine/finding.js";
import { reportText, type ReportPiece } from "../../src/report/report.js";
import { GITHUB_SARIF_LIMITS, artifactUri, formatSarif, sarifReport } from "../../src/report/sarif.js";
import { ALL_RULE_META } from "../../src/registry.js";
import { MANY_FINDINGS_RULES, PRIVILEGED_POD, ensureBuilt, kubeward, manyFindingsYaml, removeTempDirs, repoRoot, tempDir } from "../e2e/cli-harness.js";
import { caseNames, expectedOutput } from "../golden/golden.js";

beforeAll(ensureBuilt);
afterAll(removeTempDirs);

/** The official OASIS schema, vendored beside this test (test/report/schemas/README.md says from where). */
const schemaText = readFileSync(path.join(repoRoot, "test/report/schemas/sarif-schema-2.1.0.json"), "utf8");
const schema = JSON.parse(schemaText) as { id: string; $schema: string };
// Both packages are CommonJS whose module.exports is also its own `.default`: `.default` works for TypeScript and at run time.
const ajv = new Ajv04.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateSarif = ajv.compile(schema);

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      hostPID: true
      containers:
        - name: web
          image: nginx
          securityContext:
            privileged: true
`;

/** A project with findings of many rules, in a folder and a file name that need escaping. */
function project(): string {
  return tempDir({
    "my apps/web #1.yaml": DEPLOYMENT,
    "pods/risky.yaml": PRIVILEGED_POD,
    "pods/suppressed.yaml": PRIVILEGED_POD.replace("privileged: true", "privileged: true  # kubeward-ignore privileged-container -- audited"),
    "broken.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n",
  });
}

function sarifOf(cwd: string, args: string[] = []): Sarif.Log {
  const result = kubeward(["lint", "--format", "sarif", "--verbose", ...args], { cwd });
  // Standard output is the SARIF log and nothing else, even with --verbose.
  return JSON.parse(result.stdout) as Sarif.Log;
}

function expectValid(log: Sarif.Log): void {
  const valid = validateSarif(log);
  expect(valid ? [] : validateSarif.errors).toEqual([]);
}

describe("the vendored SARIF schema", () => {
  it("is the OASIS SARIF 2.1.0 schema (errata01), byte for byte as published", () => {
    expect(schema.id).toBe("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json");
    expect(schema.$schema).toBe("http://json-schema.org/draft-04/schema#");
    expect(createHash("sha256").update(schemaText).digest("hex")).toBe("c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e");
  });
});

describe("SARIF output", () => {
  const cwd = project();
  let log: Sarif.Log;
  beforeAll(() => {
    log = sarifOf(cwd);
  });
  const run = (): Sarif.Run => log.runs[0];
  const results = (): Sarif.Result[] => run().results ?? [];
  const rules = (): Sarif.ReportingDescriptor[] => run().tool.driver.rules ?? [];

  it("validates against the official SARIF 2.1.0 schema", () => {
    expect(results().length).toBeGreaterThan(3);
    expectValid(log);
  });

  it("(the validator does reject a log that breaks the schema)", () => {
    const broken = structuredClone(log) as unknown as { runs: Array<{ results: Array<{ level: string; locations: Array<{ physicalLocation: { region: { startLine: number } } }> }> }> };
    broken.runs[0].results[0].level = "fatal";
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validateSarif(broken)).toBe(false);
    expect(validateSarif.errors?.map((error) => error.instancePath)).toEqual(
      expect.arrayContaining(["/runs/0/results/0/level", "/runs/0/results/0/locations/0/physicalLocation/region/startLine"]),
    );
  });

  it("has exactly one run, with the tool's name, version and information URI", () => {
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const { driver } = run().tool;
    expect(driver.name).toBe("kubeward");
    expect(driver.version).toBe(packageJson.version);
    expect(driver.informationUri).toMatch(/^https:\/\//);
  });

  it("describes every rule the way GitHub code scanning reads it", () => {
    expect(rules().map((rule) => rule.id)).toEqual(ALL_RULE_META.map((meta) => meta.id));
    for (const rule of rules()) {
      expect(rule.id, rule.id).toBeTruthy();
      expect(rule.name, rule.id).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
      expect(rule.shortDescription?.text, rule.id).toBeTruthy();
      expect(rule.fullDescription?.text, rule.id).toBeTruthy();
      expect(rule.help?.text, rule.id).toBeTruthy();
      expect(rule.help?.markdown, rule.id).toBeTruthy();
      expect(rule.helpUri, rule.id).toMatch(/^https:\/\//);
      expect(["error", "warning", "note"], rule.id).toContain(rule.defaultConfiguration?.level);
      const properties = rule.properties ?? {};
      expect(Array.isArray(properties.tags) && properties.tags.length > 0, rule.id).toBe(true);
      const securitySeverity = Number(properties["security-severity"]);
      expect(typeof properties["security-severity"], rule.id).toBe("string");
      expect(securitySeverity >= 0 && securitySeverity <= 10, rule.id).toBe(true);
    }
  });

  it("lists the frameworks as taxonomies, and ties each rule to the controls it names", () => {
    const taxa = new Set((run().taxonomies ?? []).flatMap((taxonomy) => (taxonomy.taxa ?? []).map((taxon) => `${taxonomy.name} ${taxon.id}`)));
    expect(run().tool.driver.supportedTaxonomies?.map((taxonomy) => taxonomy.name)).toEqual(run().taxonomies?.map((taxonomy) => taxonomy.name));
    expect(taxa).toContain("PSS baseline/privileged-containers");
    for (const [index, rule] of rules().entries()) {
      const targets = (rule.relationships ?? []).map((relation) => `${relation.target.toolComponent?.name} ${relation.target.id}`);
      expect(targets, rule.id).toEqual(ALL_RULE_META[index].frameworks.map((ref) => `${ref.framework} ${ref.control}`));
      for (const target of targets) expect(taxa, rule.id).toContain(target);
      for (const relation of rule.relationships ?? []) expect(relation.kinds, rule.id).toEqual(["superset"]);
    }
    const privileged = run().taxonomies?.find((taxonomy) => taxonomy.name === "PSS")?.taxa?.find((taxon) => taxon.id === "baseline/privileged-containers");
    expect(privileged?.shortDescription?.text).toBe("Privileged Containers");
  });

  it("gives every result the controls of its rule as taxa, indexed into the taxonomies", () => {
    const taxonomies = run().taxonomies ?? [];
    expect(results().length).toBeGreaterThan(0);
    for (const result of results()) {
      const meta = ALL_RULE_META.find((candidate) => candidate.id === result.ruleId);
      const named = (result.taxa ?? []).map((taxon) => {
        const component = taxonomies.at(taxon.toolComponent?.index ?? -1);
        expect(component?.name, result.ruleId).toBe(taxon.toolComponent?.name);
        expect(component?.taxa?.[taxon.index ?? -1]?.id, result.ruleId).toBe(taxon.id);
        return `${taxon.toolComponent?.name} ${taxon.id}`;
      });
      expect(named, result.ruleId).toEqual(meta?.frameworks.map((ref) => `${ref.framework} ${ref.control}`) ?? []);
    }
  });

  it("gives every result its rule, the matching rule index, level and message", () => {
    for (const result of results()) {
      expect(result.ruleId).toBeTruthy();
      expect(rules()[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
      expect(["error", "warning", "note"]).toContain(result.level);
      expect(result.message.text).toBeTruthy();
    }
  });

  it("uses relative, escaped artifact URIs under %SRCROOT%", () => {
    const uris = new Set<string>();
    for (const result of results()) {
      const artifact = result.locations?.[0]?.physicalLocation?.artifactLocation;
      expect(artifact?.uriBaseId).toBe("%SRCROOT%");
      const uri = artifact?.uri ?? "";
      uris.add(uri);
      expect(uri).not.toMatch(/^(\/|\.\/|[A-Za-z]:|file:)/);
      expect(uri).not.toContain(" ");
      expect(uri).not.toContain(cwd);
    }
    expect([...uris].sort()).toEqual(["broken.yaml", "my%20apps/web%20%231.yaml", "pods/risky.yaml", "pods/suppressed.yaml"]);
  });

  it("gives every result a full region starting at line 1 or later", () => {
    for (const result of results()) {
      const region = result.locations?.[0]?.physicalLocation?.region;
      expect(region?.startLine).toBeGreaterThanOrEqual(1);
      expect(region?.startColumn).toBeGreaterThanOrEqual(1);
      expect(region?.endLine).toBeGreaterThanOrEqual(region?.startLine ?? 1);
      expect(region?.endColumn).toBeGreaterThanOrEqual(1);
    }
    const privileged = results().find((r) => r.ruleId === "privileged-container" && r.locations?.[0]?.physicalLocation?.artifactLocation?.uri?.startsWith("my"));
    expect(privileged?.locations?.[0]?.physicalLocation?.region).toEqual({ startLine: 14, startColumn: 13, endLine: 14, endColumn: 29 });
  });

  it("names the object as a logical location: Kind/namespace/name", () => {
    const deployment = results().filter((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri?.startsWith("my"));
    expect(deployment.length).toBeGreaterThan(0);
    for (const result of deployment) {
      expect(result.locations?.[0]?.logicalLocations).toEqual([{ name: "web", fullyQualifiedName: "Deployment/shop/web", kind: "resource" }]);
    }
    const pod = results().find((r) => r.ruleId === "privileged-container" && r.locations?.[0]?.physicalLocation?.artifactLocation?.uri === "pods/risky.yaml");
    expect(pod?.locations?.[0]?.logicalLocations?.[0]?.fullyQualifiedName).toBe("Pod/risky");
  });

  it("reports input problems as results of the diagnostic rules", () => {
    const parseError = results().find((r) => r.ruleId === "kubeward/parse-error");
    expect(parseError?.locations?.[0]?.physicalLocation).toMatchObject({ artifactLocation: { uri: "broken.yaml" }, region: { startLine: 4, startColumn: 1 } });
  });

  it("keeps suppressed findings, marked as suppressed in source with the reason", () => {
    const suppressed = results().filter((r) => r.suppressions);
    expect(suppressed.map((r) => [r.ruleId, r.locations?.[0]?.physicalLocation?.artifactLocation?.uri, r.suppressions])).toEqual([
      ["privileged-container", "pods/suppressed.yaml", [{ kind: "inSource", justification: "audited" }]],
    ]);
  });

  it("tells apart findings that are alike but for their place (two parse errors in one file)", () => {
    const twoErrors = sarifOf(tempDir({ "two.yaml": "a: [\n---\nb: [\n" }));
    const fingerprints = (twoErrors.runs[0].results ?? []).map((r) => r.partialFingerprints?.["kubeward/v1"]);
    expect(fingerprints).toHaveLength(2);
    expect(fingerprints[0]).toMatch(/^[0-9a-f]{16}:1$/);
    expect(fingerprints[1]).toBe(fingerprints[0]?.replace(/:1$/, ":2"));
  });

  it("gives every result its own partial fingerprint", () => {
    const fingerprints = results().map((r) => Object.values(r.partialFingerprints ?? {}).join());
    expect(fingerprints.every(Boolean)).toBe(true);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });

  it("keeps fingerprints when unrelated lines are inserted above the object", () => {
    const shifted = tempDir({
      "my apps/web #1.yaml": `# A comment added later\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: unrelated}\n---\n${DEPLOYMENT}`,
    });
    const before = results().filter((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri?.startsWith("my"));
    const after = sarifOf(shifted).runs[0].results ?? [];
    const key = (r: Sarif.Result): string => `${r.ruleId} ${r.message.text}`;
    const fingerprintsBefore = new Map(before.map((r) => [key(r), r.partialFingerprints]));
    const deploymentAfter = after.filter((r) => r.locations?.[0]?.logicalLocations?.[0]?.fullyQualifiedName === "Deployment/shop/web");
    expect(deploymentAfter.map(key).sort()).toEqual([...fingerprintsBefore.keys()].sort());
    for (const result of deploymentAfter) {
      expect(result.partialFingerprints, key(result)).toEqual(fingerprintsBefore.get(key(result)));
    }
    // The lines did move: the fingerprints held despite it.
    const line = (results: Sarif.Result[]): number | undefined =>
      results.find((r) => r.ruleId === "privileged-container")?.locations?.[0]?.physicalLocation?.region?.startLine;
    expect(line(deploymentAfter)).toBe((line(before) ?? 0) + 5);
  });

  it("has a results array even when there is nothing to report, and still validates", () => {
    const clean = sarifOf(tempDir({ "values.yaml": "replicaCount: 1\n" }));
    expect(clean.runs).toHaveLength(1);
    expect(clean.runs[0].results).toEqual([]);
    expectValid(clean);
  });

  it("writes the same log to --output, and nothing to standard output", () => {
    const result = kubeward(["lint", "--format", "sarif", "-o", "out.sarif"], { cwd });
    expect(result.stdout).toBe("");
    const written = JSON.parse(readFileSync(path.join(cwd, "out.sarif"), "utf8")) as Sarif.Log;
    expectValid(written);
    expect(written.runs[0].results?.length).toBe(results().length);
  });
});

describe("the golden SARIF files", () => {
  it.each(caseNames())("%s validates against the schema", (name) => {
    expectValid(JSON.parse(expectedOutput(name, "sarif")) as Sarif.Log);
  });
});

describe("SARIF URIs in a git work tree", () => {
  const uris = (log: Sarif.Log): string[] => (log.runs[0].results ?? []).map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? "").sort();

  it("are relative to the repository root, from whichever folder kubeward runs in", () => {
    const repo = tempDir({ "deploy/k8s/risky.yaml": PRIVILEGED_POD, "other/pod.yaml": PRIVILEGED_POD });
    mkdirSync(path.join(repo, ".git"));
    const log = sarifOf(path.join(repo, "deploy"), [".", "../other/pod.yaml"]);
    expect([...new Set(uris(log))]).toEqual(["deploy/k8s/risky.yaml", "other/pod.yaml"]);
  });

  it("a linked worktree's .git file marks the root too; outside a work tree they stay relative to the working directory", () => {
    const worktree = tempDir({ ".git": "gitdir: /elsewhere/.git/worktrees/x\n", "deploy/risky.yaml": PRIVILEGED_POD });
    expect([...new Set(uris(sarifOf(path.join(worktree, "deploy"))))]).toEqual(["deploy/risky.yaml"]);
    const plain = tempDir({ "deploy/risky.yaml": PRIVILEGED_POD });
    expect([...new Set(uris(sarifOf(path.join(plain, "deploy"))))]).toEqual(["risky.yaml"]);
  });
});

describe("artifactUri", () => {
  it("percent-encodes each path segment and drops a leading ./", () => {
    expect(artifactUri("my apps/web #1.yaml")).toBe("my%20apps/web%20%231.yaml");
    expect(artifactUri("./deploy/app.yaml")).toBe("deploy/app.yaml");
    expect(artifactUri("k8s/100%/ünï.yaml")).toBe("k8s/100%25/%C3%BCn%C3%AF.yaml");
    expect(artifactUri("a?b.yaml")).toBe("a%3Fb.yaml");
  });
});

describe("formatSarif", () => {
  it("validates with a finding that has no object (an input problem)", () => {
    const log = JSON.parse(
      formatSarif({
        findings: [{ ruleId: "kubeward/unreadable-file", severity: "high", message: "Cannot read the file.", file: "x.yaml", region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } }],
        rules: ALL_RULE_META,
        toolVersion: "1.2.3",
        stats: { files: 1, objects: 0 },
        color: false,
      }),
    ) as Sarif.Log;
    expectValid(log);
    expect(log.runs[0].results?.[0].locations?.[0].logicalLocations).toBeUndefined();
  });
});

/** What GitHub code scanning refuses in an upload (docs.github.com: "SARIF results exceed limit", "SARIF file is too large"). */
function githubLimitProblems(text: string): string[] {
  const log = JSON.parse(text) as Sarif.Log;
  const problems: string[] = [];
  const gzipped = gzipSync(text).length;
  if (gzipped > 10_000_000) problems.push(`${gzipped} bytes gzipped`);
  if (log.runs.length > 20) problems.push(`${log.runs.length} runs`);
  for (const run of log.runs) {
    if ((run.results?.length ?? 0) > 25_000) problems.push(`${run.results?.length} results in a run`);
    if ((run.tool.driver.rules?.length ?? 0) > 25_000) problems.push(`${run.tool.driver.rules?.length} rules in a run`);
    for (const rule of run.tool.driver.rules ?? []) if ((rule.properties?.tags?.length ?? 0) > 20) problems.push(`rule ${rule.id} has over 20 tags`);
    for (const result of run.results ?? []) {
      if ((result.locations?.length ?? 0) > 1000) problems.push(`a result of ${result.ruleId} has over 1,000 locations`);
      if ((result.relatedLocations?.length ?? 0) > 1000) problems.push(`a result of ${result.ruleId} has over 1,000 related locations`);
    }
  }
  return problems;
}

describe("SARIF within GitHub code scanning's limits", () => {
  const cwd = tempDir({ ".kubeward.yaml": MANY_FINDINGS_RULES, "many.yaml": manyFindingsYaml() });
  let limited: { text: string; stderr: string; status: number | null };
  beforeAll(() => {
    const result = kubeward(["lint", "many.yaml", "--format", "sarif", "-o", "limited.sarif"], { cwd, timeoutMs: 120_000 });
    limited = { text: readFileSync(path.join(cwd, "limited.sarif"), "utf8"), stderr: result.stderr, status: result.status };
  });

  it("keeps the 25,000 most severe of 26,400 results and counts the rest in the run's properties", () => {
    const run = (JSON.parse(limited.text) as Sarif.Log).runs[0];
    const levels = (run.results ?? []).map((result) => result.level);
    expect(levels).toHaveLength(25_000);
    expect(levels.filter((level) => level === "error")).toHaveLength(4_400);
    expect(levels.filter((level) => level === "warning")).toHaveLength(20_000);
    expect(levels.filter((level) => level === "note")).toHaveLength(600);
    expect(run.properties).toEqual({
      omittedResults: 1_400,
      omittedResultsBySeverity: { critical: 0, high: 0, medium: 0, low: 1_400 },
      omittedResultsReason:
        "GitHub code scanning limit on results per run: the 25000 most severe of 26400 results are included; the option --sarif-all-results (action input sarif-all-results) writes them all",
    });
    // In report order, not severity order: the first Pod's findings come first.
    expect(run.results?.[0].locations?.[0].logicalLocations?.[0].name).toBe("p0");
    expect(limited.status).toBe(1);
  });

  it("passes GitHub's limits and the schema", () => {
    expect(githubLimitProblems(limited.text)).toEqual([]);
    expectValid(JSON.parse(limited.text) as Sarif.Log);
  });

  it("(the limits check does catch a log over them)", () => {
    const all = kubeward(["lint", "many.yaml", "--format", "sarif", "--sarif-all-results"], { cwd, timeoutMs: 120_000 });
    expect(githubLimitProblems(all.stdout)).toEqual(["26400 results in a run"]);
  });

  it("warns on stderr how many were left out and how to write them all", () => {
    expect(limited.stderr).toBe(
      "kubeward: warning: the SARIF report holds the 25000 most severe of 26400 results: GitHub code scanning rejects a run of more than 25000 results. 1400 left out (1400 low) are counted in the run's properties; --sarif-all-results writes them all.\n",
    );
  });

  it("--sarif-all-results writes every result, without the warning or the count", () => {
    const result = kubeward(["lint", "many.yaml", "--format", "sarif", "--sarif-all-results"], { cwd, timeoutMs: 120_000 });
    const run = (JSON.parse(result.stdout) as Sarif.Log).runs[0];
    expect(run.results).toHaveLength(26_400);
    expect(run.properties).toBeUndefined();
    expect(result.stderr).toBe("");
  });
});

describe("sarifReport within limits", () => {
  const finding = (index: number, severity: Finding["severity"], suppressed = false): Finding => ({
    ruleId: "privileged-container",
    severity,
    message: `finding ${index} ${"x".repeat(200)}`,
    file: `f${index}.yaml`,
    region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 },
    ...(suppressed ? { suppression: { kind: "comment" as const, reason: "audited" } } : {}),
  });
  const input = (findings: Finding[]) => ({ findings, rules: ALL_RULE_META, toolVersion: "1.0.0", stats: { files: 1, objects: 1 }, color: false });
  const messages = (pieces: Iterable<ReportPiece>): string[] => ((JSON.parse(reportText(pieces)) as Sarif.Log).runs[0].results ?? []).map((r) => (r.message.text ?? "").split(" x")[0]);

  it("keeps unsuppressed findings before suppressed ones, then the most severe, in report order", () => {
    const findings = [finding(0, "low"), finding(1, "critical", true), finding(2, "medium"), finding(3, "critical"), finding(4, "low")];
    const report = sarifReport(input(findings), { resultsPerRun: 3, gzippedBytes: GITHUB_SARIF_LIMITS.gzippedBytes });
    expect(messages(report.pieces)).toEqual(["finding 0", "finding 2", "finding 3"]);
    expect(report.omitted).toEqual({ count: 2, total: 5, bySeverity: { critical: 1, high: 0, medium: 0, low: 1 }, limit: "results per run" });
  });

  it("keeps a finding's fingerprint whatever is left out", () => {
    const findings = [finding(0, "low"), finding(1, "high")];
    const fingerprintOf = (pieces: Iterable<ReportPiece>): unknown => (JSON.parse(reportText(pieces)) as Sarif.Log).runs[0].results?.find((r) => r.level === "error")?.partialFingerprints;
    const whole = sarifReport(input(findings));
    const cut = sarifReport(input(findings), { resultsPerRun: 1, gzippedBytes: GITHUB_SARIF_LIMITS.gzippedBytes });
    expect(fingerprintOf(cut.pieces)).toEqual(fingerprintOf(whole.pieces));
    expect(whole.omitted).toBeUndefined();
  });

  it("leaves out the least severe results until the log fits the gzipped size", () => {
    // Messages that do not compress: random hex, about 2,000 bytes gzipped per result.
    const findings = Array.from({ length: 400 }, (_, index) => ({
      ...finding(index, index % 2 ? "low" : "high"),
      message: `finding ${index} ${Array.from({ length: 2000 }, () => Math.floor(Math.random() * 16).toString(16)).join("")}`,
    }));
    // The rule metadata takes its share of the limit whatever the results; 300 kB is left for them.
    const limit = gzipSync(reportText(sarifReport(input([])).pieces)).length + 300_000;
    const report = sarifReport(input(findings), { resultsPerRun: 25_000, gzippedBytes: limit });
    const text = reportText(report.pieces);
    expect(gzipSync(text).length).toBeLessThanOrEqual(limit);
    expect(report.omitted?.limit).toBe("gzipped size");
    expect(report.omitted?.bySeverity.high).toBe(0);
    expect(report.omitted?.bySeverity.low).toBeGreaterThan(100);
    expectValid(JSON.parse(text) as Sarif.Log);
  });

  const randomHex = (length: number): string => Array.from({ length }, () => Math.floor(Math.random() * 16).toString(16)).join("");
  const envelopeGzipped = (): number => gzipSync(reportText(sarifReport(input([])).pieces)).length;

  it("keeps every result of a log over the limit as text that fits it gzipped", () => {
    const findings = Array.from({ length: 3000 }, (_, index) => finding(index, "low"));
    const limit = envelopeGzipped() + 200_000;
    const report = sarifReport(input(findings), { resultsPerRun: 25_000, gzippedBytes: limit });
    const text = reportText(report.pieces);
    expect(Buffer.byteLength(text)).toBeGreaterThan(limit);
    expect(report.omitted).toBeUndefined();
    expect(messages([text])).toHaveLength(3000);
  });

  it("measures to the end a log whose first results compress well and last ones do not", () => {
    // 2,000 results of a few kB gzipped, then 200 of about 1 kB each: only the whole log is over the limit.
    const findings = [
      ...Array.from({ length: 2000 }, (_, index) => finding(index, "high")),
      ...Array.from({ length: 200 }, (_, index) => ({ ...finding(2000 + index, "low"), message: `finding ${2000 + index} ${randomHex(2000)}` })),
    ];
    const limit = envelopeGzipped() + 150_000;
    const report = sarifReport(input(findings), { resultsPerRun: 25_000, gzippedBytes: limit });
    const text = reportText(report.pieces);
    expect(gzipSync(text).length).toBeLessThanOrEqual(limit);
    expect(report.omitted?.limit).toBe("gzipped size");
    // The cut is proportional to the size measured, so it reaches into the compressible results too.
    expect(report.omitted?.bySeverity.low).toBe(200);
  });
});
