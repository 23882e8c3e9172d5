import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import packageJson from "../../package.json" with { type: "json" };
import { PRIVILEGED_POD, SAFE_POD, cliPath, ensureBuilt, kubeward, onlyRulesConfig, removeTempDirs, tempDir } from "./cli-harness.js";

/**
 * The built command as a process of its own: what the in-process tests of `main` cannot see (the bin
 * file's arguments, exit code, standard input and output streams, a terminal).
 */

const ONLY_PRIVILEGED = onlyRulesConfig(["privileged-container"]);
/** The start of an ANSI escape sequence (a string: toMatch looks for it as a substring). */
const ANSI = "\u001b[";

beforeAll(ensureBuilt);
afterAll(removeTempDirs);

describe("the kubeward command", () => {
  it("passes its arguments to main and exits with main's code", () => {
    const cwd = tempDir({ ".kubeward.yaml": ONLY_PRIVILEGED, "risky.yaml": PRIVILEGED_POD, "safe.yaml": SAFE_POD });
    expect(kubeward(["--version"], { cwd })).toMatchObject({ status: 0, stdout: `${packageJson.version}\n`, stderr: "" });
    expect(kubeward(["lint", "safe.yaml"], { cwd })).toMatchObject({ status: 0, stdout: "✔ No problems found (1 object in 1 file).\n" });
    expect(kubeward(["lint", "--format", "compact"], { cwd })).toMatchObject({
      status: 1,
      stdout: 'risky.yaml:9:9: error: container "web" runs privileged. [privileged-container]\n',
    });
    const usage = kubeward(["lint", "--no-such-option"], { cwd });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('kubeward: unknown option "--no-such-option"');
    expect(kubeward([], { cwd }).status).toBe(2);
  });

  it("lints its standard input for `-`", () => {
    const cwd = tempDir({ ".kubeward.yaml": ONLY_PRIVILEGED });
    const result = kubeward(["lint", "-", "--format", "compact"], { cwd, input: PRIVILEGED_POD });
    expect(result.stdout).toBe('-:9:9: error: container "web" runs privileged. [privileged-container]\n');
    expect(result.status).toBe(1);
  });

  it("reads the working directory and environment of its process", () => {
    const cwd = tempDir({ ".kubeward.yaml": ONLY_PRIVILEGED, "risky.yaml": PRIVILEGED_POD });
    // eslint-disable-next-line no-control-regex -- the escape character is what this test looks for
    expect(kubeward(["lint"], { cwd, env: { FORCE_COLOR: "1" } }).stdout).toMatch(/risky\.yaml[\s\S]*\u001b\[/);
  });

  it.skipIf(process.platform === "win32")("a reader that stops early (`| head`) causes no error and no stack trace", () => {
    const pod = JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "web", securityContext: { privileged: true } }] } });
    const cwd = tempDir({ ".kubeward.yaml": ONLY_PRIVILEGED, "many.json": `{"apiVersion":"v1","kind":"List","items":[${Array(5000).fill(pod).join(",")}]}` });
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(cliPath)} lint --format compact | head -n 1`;
    const result = spawnSync("sh", ["-c", command], { cwd, encoding: "utf8", timeout: 20_000 });
    expect(result.stdout).toMatch(/^many\.json:1:\d+: error: container "web" runs privileged\. \[privileged-container\]\n$/);
    expect(result.stderr).toBe("");
  });

  const hasScript = spawnSync("script", ["--version"]).status === 0;
  it.skipIf(!hasScript)("colours text on a terminal, unless NO_COLOR is set (needs util-linux `script` for a pseudo-terminal)", () => {
    const cwd = tempDir({ ".kubeward.yaml": ONLY_PRIVILEGED, "risky.yaml": PRIVILEGED_POD });
    const onTerminal = (env: Record<string, string | undefined>): string => {
      const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(cliPath)} lint`;
      const result = spawnSync("script", ["-qec", command, "/dev/null"], {
        cwd,
        encoding: "utf8",
        env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...env },
        timeout: 20_000,
      });
      return result.stdout;
    };
    expect(onTerminal({})).toMatch(ANSI);
    expect(onTerminal({ NO_COLOR: "1" })).not.toMatch(ANSI);
  });
});
