import { readFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { actionBundleOptions, repoRoot } from "../../scripts/action-bundle.mjs";
import { actionManifest } from "./action-harness.js";

describe("dist/action.js, the committed bundle a runner executes", () => {
  it("is exactly what the current sources bundle to (run `npm run build` and commit it when this fails)", async () => {
    const fresh = await build({ ...actionBundleOptions, write: false, logLevel: "silent" });
    const committed = readFileSync(path.join(repoRoot, actionBundleOptions.outfile));
    // A boolean, not toEqual: a diff of a 1.6 MB file would drown the message.
    expect(Buffer.compare(Buffer.from(fresh.outputFiles[0].contents), committed) === 0, "dist/action.js is stale against src/").toBe(true);
  });

  it("holds nothing that depends on the machine that built it", () => {
    const committed = readFileSync(path.join(repoRoot, actionBundleOptions.outfile), "utf8");
    expect(committed).not.toContain(repoRoot);
    expect(committed).not.toContain("sourceMappingURL");
  });
});

describe("action.yml", () => {
  const manifest = actionManifest();

  it("runs the bundle on node24", () => {
    expect(manifest.runs).toEqual({ using: "node24", main: "dist/action.js" });
  });

  it("declares every input the action reads, and the action reads every input it declares", () => {
    const source = readFileSync(path.join(repoRoot, "src/action/inputs.ts"), "utf8");
    const read = [...source.matchAll(/(?:optional|list|oneOf|flag)\("([a-z-]+)"/g)].map((match) => match[1]).sort();
    expect(read).toEqual(Object.keys(manifest.inputs).sort());
  });

  it("declares every output the action sets", () => {
    const source = readFileSync(path.join(repoRoot, "src/action.ts"), "utf8");
    const set = [...source.matchAll(/setOutput\("([a-z-]+)"/g)].map((match) => match[1]).sort();
    expect(set).toEqual(Object.keys(manifest.outputs).sort());
  });

  it("has every input and output in the README's GitHub Action section", () => {
    const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
    const start = readme.indexOf("## GitHub Action\n");
    expect(start, "README.md has a ## GitHub Action section").toBeGreaterThanOrEqual(0);
    const end = readme.indexOf("\n## ", start + 1);
    const section = readme.slice(start, end === -1 ? undefined : end);
    for (const name of [...Object.keys(manifest.inputs), ...Object.keys(manifest.outputs)]) expect(section).toContain(`\`${name}\``);
  });
});
