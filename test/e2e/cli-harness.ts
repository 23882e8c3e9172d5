import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { BUILTIN_RULES } from "../../rules/index.js";
import { main, type OutputStream } from "../../src/cli.js";
import type { KustomizeProvenance } from "../../src/core/types.js";

/**
 * Helpers for end-to-end tests: run the CLI in throwaway folders, in this process (`runCli`) or as
 * the built command (`kubeward`, which builds it once), and read its output.
 */

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const cliPath = path.join(repoRoot, "dist/cli.cjs");

/** Newest modification time of the files the bundle is built from. */
function newestSourceTime(): number {
  let newest = 0;
  const visit = (entry: string): void => {
    const stats = statSync(entry);
    if (stats.isDirectory()) for (const name of readdirSync(entry)) visit(path.join(entry, name));
    else newest = Math.max(newest, stats.mtimeMs);
  };
  for (const entry of ["src", "rules", "scripts/build.mjs", "scripts/cli-bundle.mjs", "package.json"]) visit(path.join(repoRoot, entry));
  return newest;
}

function isStale(): boolean {
  return !existsSync(cliPath) || statSync(cliPath).mtimeMs < newestSourceTime();
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds dist/cli.cjs when it is missing or older than the sources. `npm test` builds first, so this
 * only does work under a bare `vitest run`; a lock folder keeps parallel test files from building at once.
 */
export function ensureBuilt(): void {
  if (!isStale()) return;
  const lock = path.join(repoRoot, "node_modules/.kubeward-e2e-build.lock");
  for (let waited = 0; ; waited += 100) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 60_000) rmSync(lock, { recursive: true, force: true });
      sleep(100);
    }
  }
  try {
    if (!isStale()) return;
    const build = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: repoRoot, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`building the CLI failed:\n${build.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Wall-clock time of the run. */
  ms: number;
}

export interface CliOptions {
  cwd: string;
  /** Text piped to standard input. */
  input?: string;
  /** Variables to set (a value of undefined removes one) on top of a colour-neutral environment. */
  env?: Record<string, string | undefined>;
  /** Run as this user and group (to test permissions when the tests run as root). */
  uid?: number;
  gid?: number;
  timeoutMs?: number;
}

/** The test process's environment without colour settings, with `overrides` applied (undefined removes a variable). */
function cliEnv(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  return definedVariables({ ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...overrides });
}

/** An environment without the variables whose value is undefined, as a child process should get it. */
export function definedVariables(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function capture(isTTY: boolean): OutputStream & { text(): string } {
  const chunks: string[] = [];
  return { isTTY, write: (text: string | Buffer) => chunks.push(text.toString()), text: () => chunks.join("") };
}

/** What `runCli` takes: the options of `kubeward` that need no process of their own. */
export interface InProcessOptions extends Omit<CliOptions, "uid" | "gid" | "timeoutMs"> {
  /** Standard output poses as a terminal. */
  isTTY?: boolean;
}

/**
 * Runs the CLI's `main` in this process, as `kubeward ...args` in `options.cwd` with the environment
 * `kubeward` gives. Helm and kubectl still run as processes, with this process's environment.
 */
export async function runCli(args: readonly string[], options: InProcessOptions): Promise<CliResult> {
  const stdout = capture(options.isTTY ?? false);
  const stderr = capture(false);
  const started = Date.now();
  const status = await main(args, { cwd: options.cwd, env: cliEnv(options.env), stdin: Readable.from([Buffer.from(options.input ?? "")]), stdout, stderr });
  return { status, stdout: stdout.text(), stderr: stderr.text(), ms: Date.now() - started };
}

/** Runs `node dist/cli.cjs ...args` and waits for it; standard output is never a terminal here. */
export function kubeward(args: readonly string[], options: CliOptions): CliResult {
  const env = cliEnv(options.env);
  const started = Date.now();
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd,
    input: options.input ?? "",
    env,
    encoding: "utf8",
    timeout: options.timeoutMs ?? 20_000,
    maxBuffer: 1 << 30,
    uid: options.uid,
    gid: options.gid,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - started };
}

const created: string[] = [];

/** A fresh folder holding `files` (relative path to content); removed by `removeTempDirs`. */
export function tempDir(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), "kubeward-e2e-"));
  created.push(dir);
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * A config that turns off every rule except `keep`, so tests stay exact when new rules are
 * registered. `settings` gives kept rules a setting (`low`, `off`, a YAML mapping...); extra YAML
 * (failOn, include, ...) is appended.
 */
export function onlyRulesConfig(keep: readonly string[], extra = "", settings: Record<string, string> = {}): string {
  const off = BUILTIN_RULES.map((rule) => rule.meta.id).filter((id) => !keep.includes(id));
  const entries = [...Object.entries(settings).map(([id, setting]) => `  ${id}: ${setting}`), ...off.map((id) => `  ${id}: off`)];
  const lines = entries.length ? ["rules:", ...entries] : [];
  return `${[...lines, extra].join("\n")}\n`;
}

/** One finding of `--format json`. */
export interface JsonFinding {
  rule: string;
  severity: string;
  level: string;
  message: string;
  file: string;
  region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
  object: { apiVersion: string; kind: string; name: string; namespace?: string } | null;
  path: string | null;
  suppressed: boolean;
  suppression: { kind: string; reason?: string } | null;
  related: Array<{ file: string; region: { startLine: number; startColumn: number }; message: string }>;
  valueSets: string[] | null;
  source: string | null;
  provenance: {
    values: Array<{ key: string; setKey: string; written: boolean; file?: string; region?: { startLine: number }; fromSetArgument?: boolean }>;
    fallback?: string;
    kustomize?: KustomizeProvenance;
  } | null;
}

/** Findings of the given rule ids from JSON output (all findings when no ids are given). */
export function jsonFindings(stdout: string, ...rules: string[]): JsonFinding[] {
  const findings = JSON.parse(stdout) as JsonFinding[];
  return rules.length ? findings.filter((finding) => rules.includes(finding.rule)) : findings;
}

/** `file:line:col rule` for each finding: a compact thing to compare. */
export function where(findings: readonly JsonFinding[]): string[] {
  return findings.map((f) => `${f.file}:${f.region.startLine}:${f.region.startColumn} ${f.rule}`);
}

/** A Pod whose container "web" runs privileged: `privileged: true` is on line 9, column 9. */
export const PRIVILEGED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: risky
spec:
  containers:
    - name: web
      securityContext:
        privileged: true
`;

/** A Pod with nothing privileged-container complains about. */
export const SAFE_POD = `apiVersion: v1
kind: Pod
metadata:
  name: safe
spec:
  containers:
    - name: web
      securityContext:
        privileged: false
`;

/** helm and kubectl as installed by scripts/install-tools.mjs (`npm test` runs it). */
export const tools = {
  helm4: path.join(repoRoot, ".tools/helm4/helm"),
  helm3: path.join(repoRoot, ".tools/helm3/helm"),
  kubectl: path.join(repoRoot, ".tools/helm4/kubectl"),
};

/** An environment whose PATH finds the installed helm 4 and kubectl first. */
export function toolsEnv(): Record<string, string | undefined> {
  return { PATH: `${path.dirname(tools.helm4)}${path.delimiter}${process.env.PATH ?? ""}`, KUBEWARD_HELM: undefined, KUBEWARD_KUSTOMIZE: undefined };
}

/** The rules MANY_FINDINGS_YAML is linted with, so its counts do not move when rules are added. */
export const MANY_FINDINGS_RULES = onlyRulesConfig(["privileged-container", "host-network", "writable-root-filesystem", "default-namespace"]);

/**
 * 2,000 Pods of 10 containers each, 26,400 findings with MANY_FINDINGS_RULES: more than GitHub code
 * scanning takes in one run. Per Pod: 10 writable-root-filesystem (medium) and 1 default-namespace
 * (low, `namespace: default`); every 5th Pod adds 10 privileged-container (critical) and 1 host-network (high). So
 * 4,000 critical, 400 high, 20,000 medium and 2,000 low.
 */
export function manyFindingsYaml(): string {
  const pods: string[] = [];
  for (let pod = 0; pod < 2000; pod++) {
    const risky = pod % 5 === 0;
    const containers = Array.from({ length: 10 }, (_, index) =>
      `    - name: c${index}\n      image: nginx:1.27${risky ? "\n      securityContext:\n        privileged: true" : ""}\n`,
    ).join("");
    pods.push(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${pod}\n  namespace: default\nspec:\n${risky ? "  hostNetwork: true\n" : ""}  containers:\n${containers}`);
  }
  return pods.join("---\n");
}
