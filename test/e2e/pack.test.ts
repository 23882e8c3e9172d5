import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import packageJson from "../../package.json" with { type: "json" };
import { PRIVILEGED_POD, ensureBuilt, onlyRulesConfig, removeTempDirs, repoRoot, tempDir } from "./cli-harness.js";

/**
 * The package as users get it: `npm pack`, the tarball installed into an empty project (its
 * dependencies from the registry or npm's cache), and the installed `kubeward` run from there.
 */

beforeAll(ensureBuilt);
afterAll(removeTempDirs);

/** This process's environment without what an enclosing `npm test` sets for its own package. */
function npmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_(lifecycle|package)_|^npm_config_(global|location|prefix)$/i.test(name)));
}

function npm(args: string[], cwd: string): string {
  return execFileSync("npm", args, { cwd, env: npmEnv(), encoding: "utf8", timeout: 120_000 });
}

describe("the npm package", () => {
  it("packs what the command needs, installs from the tarball, and runs", () => {
    const packDir = tempDir();
    // The bundle is fresh (ensureBuilt), so the prepare script need not build it again.
    const [packed] = JSON.parse(npm(["pack", "--ignore-scripts", "--json", "--pack-destination", packDir], repoRoot)) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const files = packed.files.map((file) => file.path);
    expect(files).toEqual(expect.arrayContaining(["package.json", "README.md", "dist/cli.cjs", "docs/rules/privileged-container.md"]));
    expect(files.filter((file) => /^(src|test|rules|fixtures|scripts)\//.test(file) || file === "dist/action.js")).toEqual([]);

    const project = tempDir({ "package.json": '{ "name": "kubeward-install-test", "private": true }\n' });
    npm(["install", "--no-audit", "--no-fund", path.join(packDir, path.basename(packed.filename))], project);
    const installed = JSON.parse(readFileSync(path.join(project, "node_modules/kubeward/package.json"), "utf8")) as { version: string };
    expect(installed.version).toBe(packageJson.version);

    const bin = path.join(project, "node_modules/.bin/kubeward");
    expect(execFileSync(bin, ["--version"], { cwd: project, encoding: "utf8" })).toBe(`${packageJson.version}\n`);
    const manifests = tempDir({ ".kubeward.yaml": onlyRulesConfig(["privileged-container"]), "risky.yaml": PRIVILEGED_POD });
    const lint = spawnSync(bin, ["lint", "--format", "compact"], { cwd: manifests, encoding: "utf8" });
    expect({ status: lint.status, stdout: lint.stdout, stderr: lint.stderr }).toEqual({
      status: 1,
      stdout: 'risky.yaml:9:9: error: container "web" runs privileged. [privileged-container]\n',
      stderr: "",
    });
  }, 60_000);
});
