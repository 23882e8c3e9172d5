// Whether a second thread would speed the lint up on this machine: `node bench/worker-split.mjs [DIR]`, DIR a
// folder of manifests, by default bench/out/corpus (the 10k-object corpus `npm run bench` writes). Interleaved
// rounds (BENCH_RUNS, 5) of two child processes that read, parse and lint every file with every rule: one thread,
// or two (a worker thread takes the second half of the files and posts its findings back). Each thread settles
// its own deferred reports, so the two-thread run does less than a real one would (no objects cross threads):
// its time is a lower bound of what a lint split across threads would take.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { bundleEngine, loadEngine } from "./engine-bundle.mjs";

const root = path.resolve(import.meta.dirname, "..");

/**
 * Lints the files of `dir` named in `files`, file by file as the CLI does.
 * @param {string} dir
 * @param {string[]} files
 */
async function lintFiles(dir, files) {
  const engine = await loadEngine();
  const linter = engine.createLinter(engine.activeRules(engine.BUILTIN_RULES, {}), { messageData: false });
  for (const name of files) linter.lint(engine.parseManifest(name, readFileSync(path.join(dir, name), "utf8")).objects);
  return linter.finish();
}

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

if (!isMainThread) {
  /** @type {unknown} */
  const data = workerData;
  const { dir, files } = /** @type {{ dir: string, files: string[] }} */ (data);
  parentPort?.postMessage(await lintFiles(dir, files));
} else if (process.argv[2] === "--run") {
  const [, , , mode, dir] = process.argv;
  const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
  const start = performance.now();
  let findings;
  if (mode === "one") findings = (await lintFiles(dir, files)).length;
  else {
    const half = files.length >> 1;
    const worker = new Worker(new URL(import.meta.url), { workerData: { dir, files: files.slice(half) } });
    /** @type {Promise<unknown[]>} */
    const theirs = new Promise((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    const mine = await lintFiles(dir, files.slice(0, half));
    findings = mine.length + (await theirs).length;
    await worker.terminate();
  }
  const { userCPUTime, systemCPUTime } = process.resourceUsage();
  process.stdout.write(JSON.stringify({ ms: performance.now() - start, cpuMs: (userCPUTime + systemCPUTime) / 1000, findings }));
} else {
  const rounds = Number(process.env.BENCH_RUNS ?? 5);
  const dir = path.resolve(process.argv[2] ?? path.join(root, "bench/out/corpus"));
  if (!existsSync(dir)) {
    console.error(`worker-split: ${dir} does not exist; run \`npm run bench\` first, or name a folder of manifests`);
    process.exit(2);
  }
  await bundleEngine();
  /** @type {Record<string, Array<{ ms: number, cpuMs: number, findings: number }>>} */
  const runs = { one: [], two: [] };
  for (let round = 0; round < rounds; round++) {
    for (const mode of ["one", "two"]) {
      const child = spawnSync(process.execPath, [import.meta.filename, "--run", mode, dir], { encoding: "utf8" });
      if (child.status !== 0) throw new Error(`the ${mode}-thread run failed: ${child.stderr}`);
      /** @type {unknown} */
      const measured = JSON.parse(child.stdout);
      runs[mode].push(/** @type {{ ms: number, cpuMs: number, findings: number }} */ (measured));
    }
  }
  console.log(`${path.relative(root, dir) || dir}; node ${process.version}; medians of ${rounds} interleaved rounds`);
  for (const [mode, list] of Object.entries(runs)) {
    console.log(
      `${mode} thread${mode === "one" ? " " : "s"}: ${median(list.map((run) => run.ms)).toFixed(0)} ms wall, ${median(list.map((run) => run.cpuMs)).toFixed(0)} ms CPU, ` +
        `${list[0].findings} findings (runs ${list.map((run) => run.ms.toFixed(0)).join(" ")} ms)`,
    );
  }
}
