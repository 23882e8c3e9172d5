// Preloaded with --import: reports the process's peak RSS on stderr when it exits.
import { writeSync } from "node:fs";

process.on("exit", () => {
  writeSync(2, `\nKUBEWARD_BENCH_USAGE ${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
});
