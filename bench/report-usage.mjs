// Preloaded with --import: reports the process's peak RSS and CPU time (user + system) on stderr when it exits.
import { writeSync } from "node:fs";

process.on("exit", () => {
  const usage = process.resourceUsage();
  writeSync(2, `\nKUBEWARD_BENCH_MAX_RSS_KB ${usage.maxRSS}\nKUBEWARD_BENCH_CPU_US ${usage.userCPUTime + usage.systemCPUTime}\n`);
});
