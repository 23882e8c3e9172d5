#!/usr/bin/env node
// Writes kubeward's output on fixtures/ and ../shared/corpus in every format to one folder, so a
// restructuring can be checked byte for byte: run it before and after, then `diff -r BEFORE AFTER`.
// Usage: node scripts/snapshot-outputs.mjs OUT-DIR   (after `npm run build`; uses .tools/helm4)
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outDir = process.argv[2];
if (!outDir) {
  console.error("usage: node scripts/snapshot-outputs.mjs OUT-DIR");
  process.exit(2);
}
const tools = path.join(root, ".tools", "helm4");
const env = { ...process.env, KUBEWARD_HELM: path.join(tools, "helm"), KUBEWARD_KUSTOMIZE: path.join(tools, "kubectl"), NO_COLOR: "1" };
const inputs = ["fixtures/demo", "fixtures/helm", "fixtures/helm-broken", "fixtures/kustomize", "../shared/corpus"].filter((input) =>
  existsSync(path.join(root, input)),
);

mkdirSync(outDir, { recursive: true });
for (const input of inputs) {
  for (const format of ["compact", "text", "json", "sarif"]) {
    let output;
    try {
      output = execFileSync("node", ["dist/cli.cjs", "lint", input, "--format", format, "--fail-on", "none"], {
        cwd: root,
        env,
        maxBuffer: 1 << 30,
        stdio: ["ignore", "pipe", "ignore"],
      });
    } catch (error) {
      // Exit code 1 (input that could not be linted) still writes the report.
      output = /** @type {{ stdout: Buffer }} */ (error).stdout;
    }
    const name = `${input.replace(/^(\.\.\/)+/, "").replace(/\//g, "_")}.${format}`;
    writeFileSync(path.join(outDir, name), output);
    console.log(`${name}: ${output.length} bytes`);
  }
}
