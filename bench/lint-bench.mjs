// `npm run bench`: kubeward against the parse floor, its peer and `node -e 0`, in one process tree, interleaved.
//
// Default mode (one BENCH_FILES size): per round, one run of each of
//   js-yaml 4 `loadAll` and kubeward's own loader (src/manifest/parse.ts): the floor is the faster of the two,
//   kubeward lint → SARIF and → text, @monokle/validation (pod-security-standards + practices, offline),
// then the start-up case: `kubeward lint` of one small file against `node -e 0`, many pairs; then, unless
// BENCH_CORPUS=0, the corpus charts and overlays against the render floor (bench/render-bench.mjs).
// It prints every figure with its ratio and rewrites docs/performance.md between the bench markers.
//
// Linearity mode (BENCH_FILES=62,625,3125: several sizes): per size, the floor and the lint to SARIF with
// every result written (--sarif-all-results), to compare the time per object across corpus sizes; it
// rewrites the linearity section of docs/performance.md.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { generateCorpus, startupManifest } from "./generate-corpus.mjs";
import { generatePolicies } from "./generate-policies.mjs";
import { commandLine, machine, writeSection } from "./doc-section.mjs";

const SIZES = String(process.env.BENCH_FILES ?? 625)
  .split(",")
  .map(Number);
const LINEARITY = SIZES.length > 1;
const OBJECTS_PER_FILE = Number(process.env.BENCH_OBJECTS_PER_FILE ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// monokle takes ten times as long as kubeward: it runs in the first rounds only.
const MONOKLE_RUNS = process.env.BENCH_MONOKLE === "0" ? 0 : Math.min(RUNS, Number(process.env.BENCH_MONOKLE_RUNS ?? 3));
// Another build of the CLI (say main's dist/cli.cjs, copied aside) measured in the same rounds: before and after.
const BASELINE_CLI = process.env.BENCH_BASELINE_CLI;
const STARTUP_RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 41);
// The SARIF report keeps the 25,000 most severe results (GitHub's limit), so a larger corpus writes no more;
// every result is written in linearity mode (or with BENCH_SARIF_ALL=1), so that time per object compares.
const SARIF_ALL = LINEARITY || process.env.BENCH_SARIF_ALL === "1" ? ["--sarif-all-results"] : [];
// BENCH_POLICIES=1 adds the same lint to SARIF with 20 ValidatingAdmissionPolicies (--policies) to the rounds.
const POLICIES = process.env.BENCH_POLICIES === "1";
const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, "bench/out");
const command = commandLine("npm run bench");

/** @typedef {{ ms: number, rssMb: number, cpuMs: number }} Run */

/**
 * Runs `node args` and measures it: wall time here, peak RSS and CPU time reported by the child.
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

/** Wall time of `node args`, nothing preloaded (the start-up case). @param {string[]} args */
function wall(args, env = process.env) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", env });
  if (child.status !== 0 && child.status !== 1) throw new Error(`${args.join(" ")} exited ${child.status}: ${child.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
}

/** @type {Record<string, string>} */
const KIND_GROUPS = Object.fromEntries(/** @type {Array<[string, string]>} */ ([
  ...["Deployment", "StatefulSet", "DaemonSet", "CronJob", "Pod"].map((kind) => [kind, "workloads"]),
  ...["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"].map((kind) => [kind, "RBAC"]),
  ["ServiceAccount", "ServiceAccounts"],
  ["Service", "Services"],
  ["NetworkPolicy", "NetworkPolicies"],
  ["Ingress", "Ingresses"],
  ["Namespace", "Namespaces"],
  ...["PeerAuthentication", "AuthorizationPolicy", "DestinationRule"].map((kind) => [kind, "Istio"]),
]));

/** @param {number} ms */
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
/** @param {number} ratio */
const times = (ratio) => `${ratio.toFixed(2)}x`;

/**
 * One interleaved series on a corpus: RUNS rounds, each running every phase once (those with a `runs` limit
 * in the first rounds only), so a slow spell of the shared machine hits all of them alike.
 * @param {Record<string, { args: string[], runs?: number }>} phases
 * @returns {Record<string, Run[]>}
 */
function interleaved(phases) {
  /** @type {Record<string, Run[]>} */
  const runs = Object.fromEntries(Object.keys(phases).map((name) => [name, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const [name, phase] of Object.entries(phases)) if (i < (phase.runs ?? RUNS)) runs[name].push(timed(phase.args));
  }
  return runs;
}

/**
 * The ratio of `name` to the floor, round by round (the floor of a round is its faster loader), and the median.
 * @param {Record<string, Run[]>} runs
 * @param {string} name
 * @param {"ms" | "cpuMs"} key
 */
function toFloor(runs, name, key = "ms") {
  const ratios = runs[name].map((run, i) => run[key] / Math.min(runs["js-yaml-4"][i][key], runs.kubeward[i][key]));
  return { median: median(ratios), ratios };
}

let policyCount = 0;

/** Writes the benchmark's ValidatingAdmissionPolicies (bench/generate-policies.mjs) and gives their folder. */
function policiesDir() {
  const dir = path.join(out, "policies");
  policyCount = generatePolicies(dir);
  return dir;
}

/** @param {number} files */
function corpusOf(files) {
  const dir = path.join(out, SIZES.length > 1 ? `corpus-${files}` : "corpus");
  const size = generateCorpus(dir, files, OBJECTS_PER_FILE);
  return { dir, ...size };
}

/**
 * @param {string} dir
 * @param {string} format
 * @param {string[]} extra
 * @returns {string[]}
 */
const lintArgs = (dir, format, extra = []) => ["dist/cli.cjs", "lint", dir, "--format", format, "--output", path.join(out, `result.${format}`), "--fail-on", "none", ...extra];
/** @param {string} dir */
const floorPhases = (dir) => ({ "js-yaml-4": { args: ["bench/parse-only.mjs", "js-yaml-4", dir] }, kubeward: { args: ["bench/parse-only.mjs", "kubeward", dir] } });

mkdirSync(out, { recursive: true });
// kubeward's loader for the floor, bundled as the CLI bundles it (bench/parse-only.mjs kubeward).
await build({
  entryPoints: ["src/manifest/parse.ts"],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  minifyWhitespace: true,
  minifySyntax: true,
  outfile: path.join(out, "kubeward-loader.mjs"),
  logLevel: "warning",
});
if (!LINEARITY) {
  const corpus = corpusOf(SIZES[0]);
  const mb = corpus.bytes / 1e6;
  console.log(
    `corpus: ${corpus.files} files, ${corpus.objects} objects, ${mb.toFixed(1)} MB; ${RUNS} rounds (monokle in ${MONOKLE_RUNS}); node ${process.version}, ${os.cpus().length} CPUs`,
  );
  const phases = {
    ...floorPhases(corpus.dir),
    "kubeward → SARIF": { args: lintArgs(corpus.dir, "sarif", SARIF_ALL) },
    "kubeward → text": { args: lintArgs(corpus.dir, "text") },
    ...(POLICIES ? { "kubeward + policies": { args: [...lintArgs(corpus.dir, "sarif", SARIF_ALL), "--policies", policiesDir()] } } : {}),
    ...(BASELINE_CLI ? { "baseline → SARIF": { args: [path.resolve(BASELINE_CLI), ...lintArgs(corpus.dir, "sarif", SARIF_ALL).slice(1)] } } : {}),
    ...(MONOKLE_RUNS > 0 ? { "@monokle/validation": { args: ["bench/monokle.mjs", corpus.dir], runs: MONOKLE_RUNS } } : {}),
  };
  const runs = interleaved(phases);
  const floorMs = Math.min(median(runs["js-yaml-4"].map((run) => run.ms)), median(runs.kubeward.map((run) => run.ms)));
  /** @type {string[][]} */
  const rows = [];
  for (const name of Object.keys(phases)) {
    const ms = median(runs[name].map((run) => run.ms));
    const cpuMs = median(runs[name].map((run) => run.cpuMs));
    const rssMb = median(runs[name].map((run) => run.rssMb));
    const ratio = toFloor(runs, name);
    let note = `${times(ratio.median)} the floor (by CPU time ${times(toFloor(runs, name, "cpuMs").median)})`;
    if (name === "@monokle/validation") {
      /** @param {"ms" | "cpuMs"} key */
      const faster = (key) => median(runs[name].map((run, i) => run[key] / runs["kubeward → SARIF"][i][key]));
      note += `; kubeward → SARIF is ${times(faster("ms"))} faster (by CPU time ${times(faster("cpuMs"))}; target ≥ 10x)`;
    }
    if (name === "kubeward → SARIF") note += " (target ≤ 1.5x)";
    if (name === "kubeward + policies") {
      const extraCpuMs = median(runs[name].map((run, i) => run.cpuMs - runs["kubeward → SARIF"][i].cpuMs));
      note += `; the ${policyCount} policies add ${seconds(extraCpuMs)} CPU, ${Math.round((extraCpuMs * 1000) / corpus.objects)} µs per object`;
    }
    if (name === "baseline → SARIF") note += `; CPU ${times(median(runs[name].map((run, i) => runs["kubeward → SARIF"][i].cpuMs / run.cpuMs)))} of it for kubeward → SARIF (${BASELINE_CLI})`;
    console.log(`${name.padEnd(20)} ${seconds(ms).padStart(8)} wall, CPU ${seconds(cpuMs)}, ${Math.round((cpuMs * 1000) / corpus.objects)} µs CPU/object, peak RSS ${Math.round(rssMb)} MB; ${note}`);
    console.log(`${"".padEnd(20)} runs ${runs[name].map((run) => (run.ms / 1000).toFixed(2)).join(" ")} s; ratios to the floor ${ratio.ratios.map(times).join(" ")}`);
    rows.push([name, seconds(ms), seconds(cpuMs), `${Math.round(rssMb)} MB`, note]);
  }
  console.log(`floor: ${seconds(floorMs)} (the faster loader's median)`);

  // Start-up: one small file, many pairs, wall time (what a person waits for).
  const small = path.join(out, "startup.yaml");
  writeFileSync(small, startupManifest());
  const smallLint = ["dist/cli.cjs", "lint", small, "--fail-on", "none"];
  // The code cache (src/code-cache.ts) is written by the first run; every run after it reads it.
  const cacheHome = mkdtempSync(path.join(os.tmpdir(), "kubeward-bench-cache-"));
  const cached = { ...process.env, XDG_CACHE_HOME: cacheHome };
  wall(smallLint, cached);
  const node = [];
  const lint = [];
  const firstRun = [];
  const baseline = [];
  for (let i = 0; i < STARTUP_RUNS; i++) {
    node.push(wall(["-e", "0"]));
    lint.push(wall(smallLint, cached));
    const empty = mkdtempSync(path.join(cacheHome, "empty-"));
    firstRun.push(wall(smallLint, { ...process.env, XDG_CACHE_HOME: empty }));
    if (BASELINE_CLI) baseline.push(wall([path.resolve(BASELINE_CLI), "lint", small, "--fail-on", "none"]));
  }
  rmSync(cacheHome, { recursive: true, force: true });
  const startRatio = median(lint.map((ms, i) => ms / node[i]));
  const nodeMs = median(node);
  const lintMs = median(lint);
  const startNote = `${times(startRatio)} \`node -e 0\` (median of the pairs), +${Math.round(lintMs - nodeMs)} ms; target ≤ 150 ms when \`node -e 0\` takes 110 ms (1.36x)`;
  const firstNote = `${times(median(firstRun.map((ms, i) => ms / node[i])))} \`node -e 0\`, +${Math.round(median(firstRun) - nodeMs)} ms: compiles the bundle and writes the cache`;
  console.log(`start-up (${STARTUP_RUNS} pairs): node -e 0 ${Math.round(nodeMs)} ms, kubeward lint of one small file ${Math.round(lintMs)} ms; ${startNote}`);
  console.log(`start-up with an empty code cache: ${Math.round(median(firstRun))} ms; ${firstNote}`);
  rows.push(["`node -e 0`", `${Math.round(nodeMs)} ms`, "", "", `median of ${STARTUP_RUNS}`]);
  rows.push(["kubeward lint of one small file", `${Math.round(lintMs)} ms`, "", "", startNote]);
  rows.push(["the same, first run (empty code cache)", `${Math.round(median(firstRun))} ms`, "", "", firstNote]);
  if (BASELINE_CLI) {
    const baselineNote = `${times(median(baseline.map((ms, i) => ms / node[i])))} \`node -e 0\`, +${Math.round(median(baseline) - nodeMs)} ms`;
    console.log(`start-up of the baseline ${BASELINE_CLI}: ${Math.round(median(baseline))} ms; ${baselineNote}`);
    rows.push(["baseline lint of one small file", `${Math.round(median(baseline))} ms`, "", "", baselineNote]);
  }

  writeSection(
    "bench",
    [
      `\`${command}\`, ${machine()}. Corpus: ${corpus.files} files, ${corpus.objects} objects, ${mb.toFixed(1)} MB (${describeKinds(corpus.kinds)}). ` +
        `Medians of ${RUNS} interleaved rounds (monokle: ${MONOKLE_RUNS}); ratios are medians of the rounds' ratios; the floor is the faster loader of each round.`,
      "",
      "| command | wall | CPU | peak RSS | ratio |",
      "| --- | --- | --- | --- | --- |",
      ...rows.map((row) => `| ${row.join(" | ")} |`),
    ].join("\n"),
  );
} else {
  /** @type {string[][]} */
  const rows = [];
  // A run's fixed cost (start-up, the first interpreted calls) is the lint of one small file, measured in the
  // same rounds: per object it weighs fifty times more at 1k objects than at 50k, so it is also shown subtracted.
  const small = path.join(out, "startup.yaml");
  writeFileSync(small, startupManifest());
  for (const files of SIZES) {
    const corpus = corpusOf(files);
    const runs = interleaved({
      ...floorPhases(corpus.dir),
      "kubeward → SARIF": { args: lintArgs(corpus.dir, "sarif", SARIF_ALL) },
      "one small file": { args: lintArgs(small, "sarif", SARIF_ALL) },
    });
    const fixedCpuMs = median(runs["one small file"].map((run) => run.cpuMs));
    /** @param {string} name @param {"ms" | "cpuMs"} key */
    const perObject = (name, key) => (median(runs[name].map((run) => run[key])) * 1000) / corpus.objects;
    const floor = perObject("js-yaml-4", "cpuMs") < perObject("kubeward", "cpuMs") ? "js-yaml-4" : "kubeward";
    const row = [
      String(corpus.objects),
      `${Math.round(perObject(floor, "cpuMs"))} µs (${floor})`,
      `${Math.round(perObject("kubeward → SARIF", "cpuMs"))} µs`,
      `${Math.round(perObject("kubeward → SARIF", "cpuMs") - (fixedCpuMs * 1000) / corpus.objects)} µs (less ${Math.round(fixedCpuMs)} ms)`,
      `${Math.round(perObject("kubeward → SARIF", "ms"))} µs`,
      times(toFloor(runs, "kubeward → SARIF", "cpuMs").median),
      `${Math.round(median(runs["kubeward → SARIF"].map((run) => run.rssMb)))} MB`,
    ];
    console.log(
      `${corpus.objects} objects: floor CPU ${row[1]}/object, lint CPU ${row[2]}/object, less the fixed cost ${row[3]}, wall ${row[4]}/object, lint/floor CPU ${row[5]}, peak RSS ${row[6]}`,
    );
    rows.push(row);
  }
  /** @param {number} column */
  const change = (column) => {
    const first = Number.parseInt(rows[0][column], 10);
    const last = Number.parseInt(rows.at(-1)[column], 10);
    return `${last >= first ? "+" : ""}${Math.round(((last - first) / first) * 100)}%`;
  };
  const summary = `Lint CPU per object from ${rows[0][0]} to ${rows.at(-1)[0]} objects: **${change(2)}**, less the fixed cost of a run **${change(3)}** (target ±10%).`;
  console.log(summary);
  writeSection(
    "bench-linearity",
    [
      `\`${command}\`, ${machine()}. Every SARIF result written (\`--sarif-all-results\`). Medians of ${RUNS} interleaved rounds per size.`,
      summary,
      "",
      "| objects | floor CPU per object | lint CPU per object | the same, less the CPU of linting one small file | lint wall per object | lint / floor, CPU | lint peak RSS |",
      "| --- | --- | --- | --- | --- | --- | --- |",
      ...rows.map((row) => `| ${row.join(" | ")} |`),
    ].join("\n"),
  );
}

/** The corpus's objects by kind group, as shares. @param {Record<string, number>} kinds */
function describeKinds(kinds) {
  const total = Object.values(kinds).reduce((sum, n) => sum + n, 0);
  /** @type {Record<string, number>} */
  const groups = {};
  for (const [kind, n] of Object.entries(kinds)) groups[KIND_GROUPS[kind] ?? kind] = (groups[KIND_GROUPS[kind] ?? kind] ?? 0) + n;
  return Object.entries(groups)
    .sort((a, b) => b[1] - a[1])
    .map(([group, n]) => `${((n / total) * 100).toFixed(1)}% ${group}`)
    .join(", ");
}
// Part 2: the real corpus's charts and overlays against the render floor (bench/render-bench.mjs, which prints its
// figures and writes its section of docs/performance.md), unless BENCH_CORPUS=0.
if (process.env.BENCH_CORPUS === "0") {
  console.log("\n(charts and overlays skipped: BENCH_CORPUS=0)");
} else {
  const render = spawnSync(process.execPath, [path.join(root, "bench/render-bench.mjs")], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, BENCH_RENDER_RUNS: process.env.BENCH_RENDER_RUNS ?? "3", KUBEWARD_BENCH_COMMAND: command },
  });
  if (render.status !== 0) process.exitCode = 1;
}
