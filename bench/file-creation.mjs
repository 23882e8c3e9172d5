// `node bench/file-creation.mjs [DIR ...]` (default: the temporary folder, and /dev/shm where it exists): the
// time to create 2,000 small files in a new folder, five rounds, each after the last round's folder is deleted.
// On an ext4 file system without a journal, creating a file looks for an inode not recently deleted, which
// makes the chart copies of a cold run slow there (docs/performance.md, "Why the rest is not met").
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const FILES = 2000;
const dirs = process.argv.length > 2 ? process.argv.slice(2) : [os.tmpdir(), ...(existsSync("/dev/shm") ? ["/dev/shm"] : [])];
for (const dir of dirs) {
  for (let round = 0; round < 5; round++) {
    const folder = path.join(dir, `kubeward-file-creation-${process.pid}-${round}`);
    const started = performance.now();
    const cpu = process.cpuUsage();
    mkdirSync(folder);
    for (let i = 0; i < FILES; i++) writeFileSync(path.join(folder, `f${i}`), "x");
    const used = process.cpuUsage(cpu);
    console.log(`${dir} round ${round + 1}: ${FILES} files in ${(performance.now() - started).toFixed(0)} ms (system CPU ${(used.system / 1000).toFixed(0)} ms)`);
    rmSync(folder, { recursive: true });
  }
}
