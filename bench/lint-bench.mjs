// `npm run bench`: full lint to SARIF against a js-yaml parse-only baseline on the same files, same run.
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { generateCorpus } from "./generate-corpus.mjs";

const FILES = Number(process.env.BENCH_FILES ?? 1000);
const OBJECTS_PER_FILE = Number(process.env.BENCH_OBJECTS_PER_FILE ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const root = path.resolve(import.meta.dirname, "..");
const corpus = path.join(root, "bench/out/corpus");

function timed(args) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["--import", path.join(root, "bench/report-usage.mjs"), ...args], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0 && child.status !== 1) throw new Error(`${args.join(" ")} exited ${child.status}: ${child.stderr}`);
  const usage = JSON.parse(/KUBEWARD_BENCH_USAGE (.*)/.exec(child.stderr)[1]);
  return { ms, rssMb: usage.maxRssKb / 1024 };
}

function median(runs, key) {
  const sorted = runs.map((run) => run[key]).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const size = generateCorpus(corpus, FILES, OBJECTS_PER_FILE);
const mb = size.bytes / 1e6;
const phases = {
  "js-yaml loadAll only": ["bench/parse-only.mjs", corpus],
  "kubeward lint → SARIF": ["dist/cli.js", "lint", corpus, "--format", "sarif", "--output", path.join(root, "bench/out/result.sarif"), "--fail-on", "none"],
};
console.log(`corpus: ${size.files} files, ${size.objects} objects, ${mb.toFixed(1)} MB; ${RUNS} runs each, median; node ${process.version}, ${os.cpus().length} CPUs`);
const results = {};
for (const [name, args] of Object.entries(phases)) {
  const runs = Array.from({ length: RUNS }, () => timed(args));
  results[name] = { ms: median(runs, "ms"), rssMb: median(runs, "rssMb") };
  const { ms, rssMb } = results[name];
  console.log(
    `${name.padEnd(24)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${Math.round(size.objects / (ms / 1000)).toString().padStart(7)} objects/s  ${(mb / (ms / 1000)).toFixed(1).padStart(5)} MB/s  peak RSS ${Math.round(rssMb)} MB`,
  );
}
const ratio = results["kubeward lint → SARIF"].ms / results["js-yaml loadAll only"].ms;
console.log(`full lint / parse-only: ${ratio.toFixed(2)}x (target ≤ 2x)`);
