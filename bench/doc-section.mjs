// What the benchmarks write into docs/performance.md: a section between markers, the command, and the machine it ran on.
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const doc = path.resolve(import.meta.dirname, "../docs/performance.md");

/**
 * Replaces the text between `<!-- NAME:start -->` and `<!-- NAME:end -->` in docs/performance.md.
 * @param {string} name
 * @param {string} text
 */
export function writeSection(name, text) {
  const content = readFileSync(doc, "utf8");
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = content.indexOf(start);
  const to = content.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/performance.md has no ${start} … ${end} section`);
  writeFileSync(doc, `${content.slice(0, from + start.length)}\n${text}\n${content.slice(to)}`);
  console.log(`\nwrote the ${name} section of docs/performance.md`);
}

/**
 * The command as docs/performance.md names it: the BENCH_ variables set, then `command`.
 * @param {string} command
 */
export function commandLine(command) {
  const variables = Object.entries(process.env)
    .filter(([name]) => name.startsWith("BENCH_"))
    .sort()
    .map(([name, value]) => `${name}=${value} `)
    .join("");
  return `${variables}${command}`;
}

/** When and where a benchmark ran: the time, Node, the CPUs and the load at the end. */
export function machine() {
  const load = os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(" ");
  return `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, node ${process.version}, ${os.cpus().length} CPUs, load average ${load} at the end`;
}
