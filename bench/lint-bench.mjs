// `npm run bench`: full lint to SARIF against a js-yaml parse-only baseline on the same files, same run.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateCorpus } from "./generate-corpus.mjs";
import { generatePolicies } from "./generate-policies.mjs";

const FILES = Number(process.env.BENCH_FILES ?? 1000);
const OBJECTS_PER_FILE = Number(process.env.BENCH_OBJECTS_PER_FILE ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// The SARIF report keeps the 25,000 most severe results (GitHub's limit), so a larger corpus writes no more;
// BENCH_SARIF_ALL=1 writes them all, so the lint's time per object can be compared across corpus sizes.
const SARIF_ALL = process.env.BENCH_SARIF_ALL === "1" ? ["--sarif-all-results"] : [];
// BENCH_POLICIES=1 adds a third phase: the same lint with 20 ValidatingAdmissionPolicies (--policies).
const POLICIES = process.env.BENCH_POLICIES === "1";
const root = path.resolve(import.meta.dirname, "..");
const corpus = path.join(root, "bench/out/corpus");

/** @typedef {{ ms: number, rssMb: number, cpuMs: number }} Run */

/**
 * @param {string[]} args
 * @returns {Run}
 */
function timed(args) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["--import", path.join(root, "bench/report-usage.mjs"), ...args], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0 && child.status !== 1) throw new Error(`${args.join(" ")} exited ${child.status}: ${child.stderr}`);
  const maxRss = /KUBEWARD_BENCH_MAX_RSS_KB (\d+)/.exec(child.stderr);
  const cpu = /KUBEWARD_BENCH_CPU_US (\d+)/.exec(child.stderr);
  if (!maxRss || !cpu) throw new Error(`${args.join(" ")} did not report its peak RSS and CPU time: ${child.stderr}`);
  return { ms, rssMb: Number(maxRss[1]) / 1024, cpuMs: Number(cpu[1]) / 1000 };
}

/**
 * @template {string} K
 * @param {Array<Record<K, number>>} runs
 * @param {K} key
 */
function median(runs, key) {
  const sorted = runs.map((run) => run[key]).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const size = generateCorpus(corpus, FILES, OBJECTS_PER_FILE);
const mb = size.bytes / 1e6;
const lintArgs = ["dist/cli.js", "lint", corpus, "--format", "sarif", "--output", path.join(root, "bench/out/result.sarif"), "--fail-on", "none", ...SARIF_ALL];
/** @type {Record<string, string[]>} */
const phases = {
  "js-yaml loadAll only": ["bench/parse-only.mjs", corpus],
  "kubeward lint → SARIF": lintArgs,
};
const policyCount = POLICIES ? generatePolicies(path.join(root, "bench/out/policies")) : 0;
if (POLICIES) phases[`lint + ${policyCount} policies`] = [...lintArgs, "--policies", path.join(root, "bench/out/policies")];
console.log(
  `corpus: ${size.files} files, ${size.objects} objects, ${mb.toFixed(1)} MB; ${RUNS} runs each, interleaved; node ${process.version}, ${os.cpus().length} CPUs${SARIF_ALL.length ? "; every SARIF result written" : ""}`,
);
// Interleaved, so a slow spell of a shared machine hits both sides of a pair alike.
/** @type {Record<string, Run[]>} */
const runs = Object.fromEntries(Object.keys(phases).map((name) => [name, []]));
for (let i = 0; i < RUNS; i++) for (const [name, args] of Object.entries(phases)) runs[name].push(timed(args));
for (const name of Object.keys(phases)) {
  const ms = median(runs[name], "ms");
  const rssMb = median(runs[name], "rssMb");
  const cpuMs = median(runs[name], "cpuMs");
  console.log(
    `${name.padEnd(24)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${Math.round(size.objects / (ms / 1000)).toString().padStart(7)} objects/s  ${(mb / (ms / 1000)).toFixed(1).padStart(5)} MB/s  peak RSS ${Math.round(rssMb)} MB  (runs: ${runs[name].map((run) => (run.ms / 1000).toFixed(2)).join(" ")} s)`,
  );
  // CPU time moves less than wall time when other work shares the machine: compare corpus sizes by it.
  console.log(
    `${"".padEnd(24)} CPU ${(cpuMs / 1000).toFixed(2)} s, ${((cpuMs * 1000) / size.objects).toFixed(0)} µs per object  (runs: ${runs[name].map((run) => (run.cpuMs / 1000).toFixed(2)).join(" ")} s)`,
  );
}
const [parseRuns, lintRuns] = Object.values(runs);
/** @type {Run[] | undefined} */
const policyRuns = POLICIES ? Object.values(runs)[2] : undefined;
const ratios = lintRuns.map((run, i) => ({ ratio: run.ms / parseRuns[i].ms }));
console.log(`full lint / parse-only, median of the ${RUNS} pairs: ${median(ratios, "ratio").toFixed(2)}x (pairs: ${ratios.map((r) => r.ratio.toFixed(2)).join(" ")}; target ≤ 2x)`);
if (policyRuns) {
  const extra = policyRuns.map((run, i) => ({ ms: run.ms - lintRuns[i].ms, cpuMs: run.cpuMs - lintRuns[i].cpuMs }));
  console.log(
    `${policyCount} policies add, median of the ${RUNS} pairs: ${(median(extra, "ms") / 1000).toFixed(2)} s wall, ${(median(extra, "cpuMs") / 1000).toFixed(2)} s CPU, ` +
      `${((median(extra, "cpuMs") * 1000) / size.objects).toFixed(0)} µs per object`,
  );
}

// Part 2: the real corpus (charts, overlays, manifests), rendered with the helm/kubectl of .tools/.
const realCorpus = path.resolve(root, "../shared/corpus");
const helmDir = path.join(root, ".tools/helm4");
if (process.env.BENCH_CORPUS === "0") {
  console.log("\n(corpus run skipped: BENCH_CORPUS=0)");
} else if (!existsSync(realCorpus) || !existsSync(path.join(helmDir, "helm"))) {
  console.log("\n(corpus run skipped: ../shared/corpus or .tools/helm4 is missing; run `npm run install-tools`)");
} else {
  const start = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    ["dist/cli.js", "lint", realCorpus, "--format", "sarif", "--output", path.join(root, "bench/out/corpus.sarif"), "--fail-on", "none", "--verbose"],
    { cwd: root, encoding: "utf8", maxBuffer: 1 << 30, env: { ...process.env, PATH: `${helmDir}${path.delimiter}${process.env.PATH}` } },
  );
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const timings = [...child.stderr.matchAll(/^kubeward: (helm|kustomize) (\S+): (\d+) ms \((\d+) ms in \w+\)$/gm)].map((match) => ({
    kind: match[1],
    name: path.relative(realCorpus, path.resolve(root, match[2])) || match[2],
    totalMs: Number(match[3]),
    toolMs: Number(match[4]),
  }));
  /**
   * @param {Array<{ totalMs: number, toolMs: number }>} list
   * @param {"totalMs" | "toolMs"} key
   */
  const sum = (list, key) => list.reduce((total, item) => total + item[key], 0);
  console.log(`\ncorpus: ${path.relative(root, realCorpus)}, one run, wall ${(wallMs / 1000).toFixed(2)} s (charts and overlays render ${os.availableParallelism()} at a time)`);
  for (const kind of ["helm", "kustomize"]) {
    const list = timings.filter((timing) => timing.kind === kind);
    if (list.length === 0) continue;
    const total = sum(list, "totalMs");
    const tool = sum(list, "toolMs");
    console.log(
      `${kind.padEnd(9)} ${String(list.length).padStart(3)} ${kind === "helm" ? "charts  " : "overlays"}  mean ${Math.round(total / list.length)} ms each, ` +
        `${Math.round((tool / total) * 100)}% of it inside ${kind === "helm" ? "helm" : "kubectl kustomize"}`,
    );
    const slowest = [...list].sort((a, b) => b.totalMs - a.totalMs).slice(0, 5);
    for (const item of slowest) console.log(`          ${item.name.padEnd(60)} ${String(item.totalMs).padStart(5)} ms (${item.toolMs} ms in the tool)`);
  }
}
