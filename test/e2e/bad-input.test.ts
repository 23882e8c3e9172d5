import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import process from "node:process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRIVILEGED_POD, ensureBuilt, jsonFindings, kubeward, runCli, onlyRulesConfig, removeTempDirs, tempDir, where } from "./cli-harness.js";

beforeAll(ensureBuilt);
afterAll(removeTempDirs);

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;
// Root reads files whatever their mode, so the unreadable file is only unreadable to another user.
const canDropPrivileges = isRoot && spawnSync(process.execPath, ["-e", ""], { uid: NOBODY, gid: NOBODY }).status === 0;
const coversUnreadable = process.platform !== "win32" && (!isRoot || canDropPrivileges);
const runAs = canDropPrivileges ? { uid: NOBODY, gid: NOBODY } : {};
const hasMkfifo = process.platform !== "win32" && spawnSync("mkfifo", ["--version"]).status === 0;

function billionLaughs(): string {
  const levels = ['  a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) levels.push(`  a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(",")}]`);
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n${levels.join("\n")}\n`;
}

/** A folder with one good but risky manifest next to every kind of bad input. */
function badInputFolder(): string {
  const dir = tempDir({
    ".kubeward.yaml": onlyRulesConfig(["privileged-container"]),
    "good.yaml": PRIVILEGED_POD,
    "invalid.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p: q\n",
    "truncated.json": '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {"name": "p"\n',
    "tabs.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n\tname: p\n",
    "binary.yaml": Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0xff, 0xfe]),
    "latin1.yaml": Buffer.concat([Buffer.from("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: caf"), Buffer.from([0xe9]), Buffer.from("}\n")]),
    "bomb.yaml": billionLaughs(),
    "deep.yaml": `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`,
    "wrong-types.yaml": `apiVersion: apps/v1
kind: Deployment
metadata: {name: oops}
spec:
  template:
    spec:
      containers: "oops"
---
apiVersion: v1
kind: Pod
metadata: {name: x}
spec:
  securityContext: "x"
  containers:
    - name: web
      securityContext: "privileged"
`,
    "empty.yaml": "",
    "typo.yaml": PRIVILEGED_POD.replace("apiVersion:", "apiversion:"),
    "folder.yaml/inside.yaml": PRIVILEGED_POD,
  });
  mkdirSync(path.join(dir, "sub"));
  symlinkSync("..", path.join(dir, "sub/parent"));
  symlinkSync("..", path.join(dir, "sub/loop.yaml"));
  symlinkSync("self.yaml", path.join(dir, "self.yaml"));
  symlinkSync("missing.yaml", path.join(dir, "broken.yaml"));
  if (hasMkfifo) spawnSync("mkfifo", [path.join(dir, "fifo.yaml")]);
  if (coversUnreadable) {
    writeFileSync(path.join(dir, "unreadable.yaml"), PRIVILEGED_POD);
    chmodSync(path.join(dir, "unreadable.yaml"), 0o000);
    mkdirSync(path.join(dir, "locked"));
    writeFileSync(path.join(dir, "locked/hidden.yaml"), PRIVILEGED_POD);
    chmodSync(path.join(dir, "locked"), 0o000);
  }
  if (canDropPrivileges) chmodSync(dir, 0o755);
  return dir;
}

/** Gives the locked folder its permissions back, so the folder can be removed. */
function unlock(dir: string): void {
  if (coversUnreadable) chmodSync(path.join(dir, "locked"), 0o755);
}

const uncovered = [!hasMkfifo && "FIFO (no mkfifo)", !coversUnreadable && "unreadable file and folder (running as root with no way to drop privileges)"].filter(Boolean);
const title = `one run over every kind of bad input finishes fast, reports each with its place, and still reports the good file${
  uncovered.length ? ` (not covered here: ${uncovered.join(", ")})` : ""
}${canDropPrivileges ? " (run as uid 65534, since root can read any file)" : ""}`;

describe("bad input", () => {
  // A process of its own: it may run as another user.
  it(title, () => {
    const cwd = badInputFolder();
    const result = kubeward(["lint", "--format", "json", "--verbose"], { cwd, ...runAs });
    unlock(cwd);
    expect(result.ms).toBeLessThan(5_000);
    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);

    const findings = jsonFindings(result.stdout);
    const expected = [
      "binary.yaml:1:1 kubeward/unreadable-file",
      "bomb.yaml:10:12 kubeward/parse-error",
      "broken.yaml:1:1 kubeward/unreadable-file",
      "deep.yaml:4:262 kubeward/parse-error",
      ...(hasMkfifo ? ["fifo.yaml:1:1 kubeward/unreadable-file"] : []),
      "folder.yaml/inside.yaml:9:9 privileged-container",
      "good.yaml:9:9 privileged-container",
      "invalid.yaml:4:10 kubeward/parse-error",
      "latin1.yaml:3:21 kubeward/unreadable-file",
      ...(coversUnreadable ? ["locked:1:1 kubeward/unreadable-file"] : []),
      "self.yaml:1:1 kubeward/unreadable-file",
      "tabs.yaml:4:1 kubeward/parse-error",
      "truncated.json:5:1 kubeward/parse-error",
      "typo.yaml:1:1 kubeward/missing-api-version-or-kind",
      ...(coversUnreadable ? ["unreadable.yaml:1:1 kubeward/unreadable-file"] : []),
      "wrong-types.yaml:7:7 kubeward/invalid-field-type",
      "wrong-types.yaml:13:3 kubeward/invalid-field-type",
      "wrong-types.yaml:16:7 kubeward/invalid-field-type",
    ];
    expect(where(findings)).toEqual(expected);

    const message = (file: string): string => findings.find((f) => f.file === file)?.message ?? "";
    expect(message("binary.yaml")).toContain("Binary file");
    expect(message("bomb.yaml")).toContain("aliases expand to more than");
    expect(message("broken.yaml")).toContain("does not exist (a broken symbolic link?)");
    expect(message("deep.yaml")).toContain("nesting");
    if (hasMkfifo) expect(message("fifo.yaml")).toContain("named pipe");
    expect(message("latin1.yaml")).toContain("not valid UTF-8");
    expect(message("self.yaml")).toContain("symbolic link loop");
    expect(message("tabs.yaml")).toContain("tab");
    expect(message("truncated.json")).toMatch(/^Invalid JSON: /);
    expect(message("typo.yaml")).toBe(
      'The document has kind: Pod and "apiversion" but no apiVersion (keys are case-sensitive). Kubernetes refuses such an object, and kubeward did not lint it. Rename "apiversion" to apiVersion.',
    );
    if (coversUnreadable) {
      expect(message("unreadable.yaml")).toContain("permission denied");
      expect(message("locked")).toBe("Cannot read the folder: permission denied; nothing in it was linted.");
    }
    expect(findings.filter((f) => f.file === "wrong-types.yaml").map((f) => f.message)).toEqual([
      'spec.template.spec.containers must be a list, not the string "oops".',
      'spec.securityContext must be a mapping, not the string "x".',
      'spec.containers[0].securityContext must be a mapping, not the string "privileged".',
    ]);
    // The links back up (sub/parent, sub/loop.yaml) lead to a folder already walked: no loop, nothing twice.
    expect(findings.filter((f) => f.file.startsWith("sub/"))).toEqual([]);
  });

  it("the other formats hold up on the same folder", () => {
    const cwd = badInputFolder();
    try {
      for (const format of ["text", "compact", "sarif"]) {
        const result = kubeward(["lint", "--format", format], { cwd, ...runAs });
        expect(result.status, format).toBe(1);
        expect(result.stderr, format).toBe("");
        expect(result.stdout, format).toContain("good.yaml");
      }
    } finally {
      unlock(cwd);
    }
  });

  it.skipIf(!hasMkfifo)("a FIFO named on the command line is reported, not waited on", async () => {
    const cwd = tempDir({ ".kubeward.yaml": onlyRulesConfig(["privileged-container"]), "good.yaml": PRIVILEGED_POD });
    spawnSync("mkfifo", [path.join(cwd, "pipe.yaml")]);
    const result = await runCli(["lint", "--format", "compact", "pipe.yaml", "good.yaml"], { cwd });
    expect(result.stdout).toBe(
      "good.yaml:9:9: error: container \"web\" runs privileged. [privileged-container]\n" +
        "pipe.yaml:1:1: error: Not a regular file or folder; it was not linted. [kubeward/unreadable-file]\n",
    );
    expect(result.status).toBe(1);
  });

  it("binary and non-UTF-8 standard input are reported like files", async () => {
    const cwd = tempDir({ ".kubeward.yaml": onlyRulesConfig(["privileged-container"]) });
    const result = await runCli(["lint", "-", "--format", "compact"], { cwd, input: "apiVersion: v1\nkind: Pod\n\u0000\u0001" });
    expect(result.stdout).toBe("-:1:1: error: Binary file (it contains NUL bytes); it is not a manifest and was not linted. [kubeward/unreadable-file]\n");
    expect(result.status).toBe(1);
  });

  it("a List with more items than fit in one call's arguments is linted without overflowing the stack", async () => {
    const item = JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" } });
    const pod = JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: { name: "last" }, spec: { containers: [{ name: "web", securityContext: { privileged: true } }] } });
    const items = [...Array<string>(160_000).fill(item), pod];
    const cwd = tempDir({ ".kubeward.yaml": onlyRulesConfig(["privileged-container"]), "huge.json": `{"apiVersion":"v1","kind":"List","items":[${items.join(",")}]}` });
    const result = await runCli(["lint", "--format", "json"], { cwd });
    expect(result.stderr).toBe("");
    const findings = jsonFindings(result.stdout);
    expect(findings.map((f) => [f.rule, f.object?.name])).toEqual([["privileged-container", "last"]]);
    expect(result.status).toBe(1);
  });
});
