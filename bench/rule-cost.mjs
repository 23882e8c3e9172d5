// Where the lint's own time goes, by rule category: `node bench/rule-cost.mjs [DIR]`, DIR a folder of manifests,
// by default bench/out/corpus (the 10k-object corpus `npm run bench` writes). The files are parsed once; then, in one process and
// warm, the engine lints every object with all rules, with none (the field-type check and dispatch alone), and
// with all rules but one category, round by round (BENCH_RUNS, 9). A category's share is what leaving it out saves.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { bundleEngine, loadEngine } from "./engine-bundle.mjs";

const ROUNDS = Number(process.env.BENCH_RUNS ?? 9);
const root = path.resolve(import.meta.dirname, "..");
const dir = path.resolve(process.argv[2] ?? path.join(root, "bench/out/corpus"));
if (!existsSync(dir)) {
  console.error(`rule-cost: ${dir} does not exist; run \`npm run bench\` first, or name a folder of manifests`);
  process.exit(2);
}
await bundleEngine();
const engine = await loadEngine();

const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
const objects = files.flatMap((name) => engine.parseManifest(name, readFileSync(path.join(dir, name), "utf8")).objects);
const all = engine.activeRules(engine.BUILTIN_RULES, {});

// A full collection before each timed lint, so that one lint's garbage is not collected in the next one's time.
setFlagsFromString("--expose-gc");
/** @type {unknown} */
const gc = runInNewContext("gc");
const collectGarbage = /** @type {() => void} */ (gc);

/** @typedef {import("./engine-bundle.mjs").ActiveRule} ActiveRule */

/**
 * One lint of every object with these rules: its time in ms and the findings it made.
 * @param {ActiveRule[]} rules
 */
function lintOnce(rules) {
  collectGarbage();
  const start = performance.now();
  const linter = engine.createLinter(rules, { messageData: false });
  linter.lint(objects);
  const findings = linter.finish().length;
  return { ms: performance.now() - start, findings };
}

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

const categories = [...new Set(all.map((active) => active.rule.meta.category))];
const variants = [
  { name: "all", rules: all },
  { name: "none", rules: [] },
  ...categories.map((category) => ({ name: category, rules: all.filter((active) => active.rule.meta.category !== category) })),
];
// Warm-up: the JIT has compiled the rules before anything is timed.
for (const variant of variants) lintOnce(variant.rules);
// Interleaved rounds; a category's saving is the median over the rounds of (all rules) − (all but it) in the same round.
/** @type {Map<string, number[]>} */
const savings = new Map(variants.map((variant) => [variant.name, []]));
/** @type {Map<string, number>} */
const findingsOf = new Map();
for (let round = 0; round < ROUNDS; round++) {
  /** @type {Map<string, number>} */
  const times = new Map();
  // Each round starts one variant later, so no variant always runs after the same one.
  for (let step = 0; step < variants.length; step++) {
    const variant = variants[(round + step) % variants.length];
    const { ms, findings } = lintOnce(variant.rules);
    times.set(variant.name, ms);
    findingsOf.set(variant.name, findings);
  }
  const allMs = times.get("all") ?? 0;
  for (const [name, ms] of times) savings.get(name)?.push(name === "all" || name === "none" ? ms : allMs - ms);
}
console.log(`${objects.length} objects of ${files.length} files in ${path.relative(root, dir) || dir}; node ${process.version}; medians of ${ROUNDS} interleaved rounds`);
console.log(`all ${all.length} rules: ${median(savings.get("all") ?? []).toFixed(0)} ms, ${findingsOf.get("all")} findings; no rule (the field-type check and dispatch): ${median(savings.get("none") ?? []).toFixed(0)} ms`);
const rows = categories.map((category) => ({
  category,
  rules: all.filter((active) => active.rule.meta.category === category).length,
  saves: median(savings.get(category) ?? []),
  findings: (findingsOf.get("all") ?? 0) - (findingsOf.get(category) ?? 0),
}));
rows.sort((a, b) => b.saves - a.saves);
for (const row of rows) {
  console.log(`${row.category.padEnd(14)} ${String(row.rules).padStart(3)} rules, ${String(row.findings).padStart(6)} findings: leaving them out saves ${row.saves.toFixed(0)} ms`);
}
