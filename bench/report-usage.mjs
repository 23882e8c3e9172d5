// Preloaded with --import: reports the process's peak RSS on stderr when it exits.
import { writeSync } from "node:fs";

process.on("exit", () => {
  writeSync(2, `\nKUBEWARD_BENCH_MAX_RSS_KB ${process.resourceUsage().maxRSS}\n`);
});
