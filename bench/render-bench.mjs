// `node bench/render-bench.mjs` (after `npm run build`): the corpus charts and overlays, kubeward against
// the render floor, in one run. Per round, interleaved: the floor (`helm template` of each chart and
// `kubectl kustomize` of each overlay, with kubeward's arguments, as many at a time as kubeward runs),
// kubeward with an empty render cache, kubeward with the cache the cold run left. Charts and overlays are
// measured apart, each with its own table. Medians and ratios of the rounds; the tables are printed and written
// into docs/performance.md between the bench-render markers. `npm run bench` runs this after its own rounds.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { commandLine, machine, writeSection } from "./doc-section.mjs";

// BENCH_RENDER_RUNS when `npm run bench` runs this (3 unless set), else BENCH_RUNS.
const RUNS = Number(process.env.BENCH_RENDER_RUNS ?? process.env.BENCH_RUNS ?? 3);
// The command named in docs/performance.md: `npm run bench`'s when it runs this, else this script's own.
const COMMAND = process.env.KUBEWARD_BENCH_COMMAND ?? commandLine("node bench/render-bench.mjs");
const root = path.resolve(import.meta.dirname, "..");
const corpus = path.resolve(root, "../shared/corpus");
const toolDir = path.join(root, ".tools/helm4");
const helm = path.join(toolDir, "helm");
const kubectl = path.join(toolDir, "kubectl");
const parallel = os.availableParallelism();

if (!existsSync(corpus) || !existsSync(helm) || !existsSync(kubectl)) {
  console.log("render bench skipped: ../shared/corpus or .tools/helm4/{helm,kubectl} is missing (`npm run install-tools`)");
  process.exit(0);
}
if (!existsSync(path.join(root, "dist/cli.cjs"))) {
  console.log("render bench skipped: dist/cli.cjs is missing (`npm run build`)");
  process.exit(0);
}

// Outside the repository, so the cache is the one XDG_CACHE_HOME names, not node_modules/.cache.
const work = mkdtempSync(path.join(os.tmpdir(), "kubeward-render-bench-"));
const cacheHome = path.join(work, "cache");
const env = { ...process.env, PATH: `${toolDir}${path.delimiter}${process.env.PATH}`, XDG_CACHE_HOME: cacheHome, KUBEWARD_HELM: "", KUBEWARD_KUSTOMIZE: "" };
// Charts and overlays apart: their costs differ (a chart's provenance takes instrumented renders, an overlay's none).
const GROUPS = [
  { name: "charts", input: path.join(corpus, "helm") },
  { name: "overlays", input: path.join(corpus, "kustomize") },
];

/**
 * CPU time (user + system) of this process's finished children and everything below them (Linux:
 * cutime + cstime of /proc/self/stat, in clock ticks of 10 ms). Other work on a shared machine moves it far less than wall time.
 */
function childCpuMs() {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/**
 * Wall and CPU time (of the whole process tree: helm and kubectl too) of `kubeward lint` of one corpus folder, and its --verbose lines.
 * @param {string} input
 */
function kubeward(input) {
  const cpuBefore = childCpuMs();
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [path.join(root, "dist/cli.cjs"), "lint", input, "--format", "sarif", "--output", path.join(work, "out.sarif"), "--fail-on", "none", "--verbose"], {
    cwd: work,
    env,
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0 && child.status !== 1) throw new Error(`kubeward exited ${child.status}: ${child.stderr}`);
  return { ms, cpuMs: childCpuMs() - cpuBefore, stderr: child.stderr };
}

/** @typedef {{ kind: string, dir: string, totalMs: number, toolMs: number }} Item */

/**
 * The charts and overlays kubeward rendered (from its --verbose timing lines; library charts render nothing).
 * @param {string} stderr
 * @returns {Item[]}
 */
function rendered(stderr) {
  return [...stderr.matchAll(/^kubeward: (helm|kustomize) (\S+): (\d+) ms \((\d+) ms in \w+\)$/gm)]
    .filter((match) => Number(match[4]) > 0)
    .map((match) => ({ kind: match[1], dir: path.resolve(work, match[2]), totalMs: Number(match[3]), toolMs: Number(match[4]) }));
}

/**
 * Runs one command, resolving when it exits (whatever its status: a failed render takes time too).
 * @param {string} file
 * @param {string[]} args
 * @param {string} cwd
 * @returns {Promise<unknown>}
 */
function exec(file, args, cwd, childEnv = env) {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, env: childEnv, stdio: ["ignore", "ignore", "ignore"] });
    child.on("error", reject);
    child.on("exit", resolve);
  });
}

// The Go settings kubeward runs its tools with (toolEnvironment in src/expand/tools.ts), for the second floor.
const kubewardToolEnv = env.GOGC === undefined && env.GOMEMLIMIT === undefined ? { ...env, GOGC: "200", GOMEMLIMIT: "512MiB" } : env;

/**
 * The floor: each render alone, with the arguments kubeward gives (release name kubeward, no values), `parallel` at a time.
 * @param {Item[]} items
 * @param {NodeJS.ProcessEnv} [toolEnv] the tools' environment: the user's, or kubeward's Go settings
 */
async function floor(items, toolEnv = env) {
  const cpuBefore = childCpuMs();
  const start = process.hrtime.bigint();
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      if (item.kind === "helm") await exec(helm, ["template", "kubeward", item.dir], item.dir, toolEnv);
      else await exec(kubectl, ["kustomize", item.dir], item.dir, toolEnv);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, cpuMs: childCpuMs() - cpuBefore };
}

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** @param {number} ms */
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

/**
 * @param {string} file
 * @param {string[]} args
 */
const version = (file, args) => spawnSync(file, args, { encoding: "utf8" }).stdout.trim().split("\n")[0];
const tools = `helm ${version(helm, ["version", "--short"])}, kubectl ${version(kubectl, ["version", "--client"]).replace(/^Client Version: /, "")}`;
console.log(`render bench: ${path.relative(root, corpus)}; ${parallel} at a time; ${RUNS} rounds; node ${process.version}, ${os.cpus().length} CPUs; ${tools}`);
/** @type {string[]} */
const tables = [];
/**
 * @param {number} a
 * @param {number} b
 */
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
for (const group of GROUPS) {
  // A first cold run finds what kubeward renders; it also warms the page cache for every round alike.
  rmSync(cacheHome, { recursive: true, force: true });
  const items = rendered(kubeward(group.input).stderr);
  console.log(`\n${group.name}: ${items.length} rendered (${path.relative(root, group.input)}); the slowest in the first cold run:`);
  for (const item of [...items].sort((a, b) => b.totalMs - a.totalMs).slice(0, 5)) {
    console.log(`  ${path.relative(corpus, item.dir).padEnd(60)} ${String(item.totalMs).padStart(5)} ms (${item.toolMs} ms in the tool)`);
  }
  /** @type {Record<"floor" | "tunedFloor" | "cold" | "warm", { ms: number, cpuMs: number }>[]} */
  const rounds = [];
  let cacheLines = "";
  for (let i = 0; i < RUNS; i++) {
    const floorRun = await floor(items);
    const tunedFloor = await floor(items, kubewardToolEnv);
    rmSync(cacheHome, { recursive: true, force: true });
    const cold = kubeward(group.input);
    const warm = kubeward(group.input);
    /** @param {{ stderr: string }} run */
    const cacheLine = (run) => /^kubeward: render cache .*$/m.exec(run.stderr)?.[0].replace(cacheHome, "$XDG_CACHE_HOME") ?? "(no render cache line)";
    cacheLines = `cold run: ${cacheLine(cold)}\nwarm run: ${cacheLine(warm)}`;
    rounds.push({ floor: floorRun, tunedFloor, cold, warm });
    console.log(
      `round ${i + 1}: floor ${seconds(floorRun.ms)} (CPU ${seconds(floorRun.cpuMs)}), with kubeward's Go settings ${seconds(tunedFloor.ms)} (CPU ${seconds(tunedFloor.cpuMs)}), ` +
        `cold ${seconds(cold.ms)} (CPU ${seconds(cold.cpuMs)}), warm ${seconds(warm.ms)} (CPU ${seconds(warm.cpuMs)}); ` +
        `wall ratios cold ${ratio(cold.ms, floorRun.ms)} (${ratio(cold.ms, tunedFloor.ms)} the second floor), warm ${ratio(warm.ms, floorRun.ms)}`,
    );
  }
  /** @typedef {"floor" | "tunedFloor" | "cold" | "warm"} Phase */
  /**
   * @param {Phase} phase
   * @param {"ms" | "cpuMs"} key
   */
  const medianOf = (phase, key) => median(rounds.map((round) => round[phase][key]));
  /**
   * @param {Phase} phase
   * @param {"ms" | "cpuMs"} key
   * @param {Phase} [base]
   */
  const medianRatio = (phase, key, base = "floor") => median(rounds.map((round) => round[phase][key] / round[base][key]));
  const table = [`| ${group.name}: ${items.length}, ${RUNS} rounds, medians | wall | / floor (wall) | CPU, whole process tree | / floor (CPU) |`, "| --- | --- | --- | --- | --- |"];
  /** @type {Array<[string, Phase]>} */
  const rows = [
    [`render floor: \`${group.name === "charts" ? "helm template" : "kubectl kustomize"}\` of each, ${parallel} at a time`, "floor"],
    ["the same with the Go settings kubeward gives its tools (`GOGC=200 GOMEMLIMIT=512MiB`)", "tunedFloor"],
    ["kubeward lint → SARIF, empty render cache (cold)", "cold"],
    ["kubeward lint → SARIF, the cache the cold run left (warm)", "warm"],
  ];
  for (const [name, phase] of rows) {
    table.push(`| ${name} | ${seconds(medianOf(phase, "ms"))} | ${medianRatio(phase, "ms").toFixed(2)}x | ${seconds(medianOf(phase, "cpuMs"))} | ${medianRatio(phase, "cpuMs").toFixed(2)}x |`);
  }
  const againstTuned = `kubeward cold against the second floor: ${medianRatio("cold", "ms", "tunedFloor").toFixed(2)}x wall, ${medianRatio("cold", "cpuMs", "tunedFloor").toFixed(2)}x CPU (medians of the rounds' ratios).`;
  console.log(`\n${table.join("\n")}\n\n${againstTuned}\n\n${cacheLines}`);
  tables.push(`${table.join("\n")}\n\n${againstTuned}`);
}
rmSync(work, { recursive: true, force: true });
writeSection("bench-render", [`\`${COMMAND}\`, ${machine()}; ${tools}.`, ...tables].join("\n\n"));
