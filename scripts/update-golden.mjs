#!/usr/bin/env node
// Rewrites the golden files of every case in test/golden/ from a fresh run of dist/cli.js, and the
// examples in docs/output-formats.md from the same output. Review what changed as a diff
// (`git diff test/golden docs/output-formats.md`) before committing it.
// Usage: npm run golden:update   (builds first; needs helm and kubectl from `npm run install-tools`)
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { EXPECTED_FILES, caseNames, docsFile, goldenDir, haveTools, renderDocs, runCase, storedForm } from "../test/golden/golden.mjs";

if (!haveTools()) {
  console.error("helm and kubectl are missing from .tools/: run `npm run install-tools` first");
  process.exit(2);
}

const outputs = new Map();
for (const name of caseNames()) {
  for (const format of Object.keys(EXPECTED_FILES)) {
    const output = await runCase(name, format);
    outputs.set(`${name}/${format}`, output);
    const file = path.join(goldenDir, name, EXPECTED_FILES[format]);
    writeFileSync(file, storedForm(format, output));
    console.log(`${path.relative(process.cwd(), file)}: ${output.length} bytes`);
  }
}

const output = (name, format) => {
  const found = outputs.get(`${name}/${format}`);
  if (found === undefined) throw new Error(`docs/output-formats.md uses case "${name}", which test/golden/ does not have`);
  return found;
};
writeFileSync(docsFile, renderDocs(readFileSync(docsFile, "utf8"), output));
console.log(`${path.relative(process.cwd(), docsFile)}: examples rewritten`);
