// Baseline: read every file of a folder and load it with js-yaml, nothing else.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadAll } from "js-yaml";

const dir = process.argv[2];
let documents = 0;
for (const name of readdirSync(dir)) documents += loadAll(readFileSync(path.join(dir, name), "utf8")).length;
process.stdout.write(`${documents}\n`);
