import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { definedVariables, repoRoot } from "../e2e/cli-harness.js";

/** Runs the committed dist/action.js the way a GitHub runner does, and reads back what it left. */

export const actionPath = path.join(repoRoot, "dist/action.js");

interface ActionManifest {
  runs: { using: string; main: string };
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
}

export function actionManifest(): ActionManifest {
  return parse(readFileSync(path.join(repoRoot, "action.yml"), "utf8")) as ActionManifest;
}

export interface Annotation {
  level: "error" | "warning" | "notice";
  properties: Record<string, string>;
  message: string;
}

export interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  annotations: Annotation[];
  /** Name → value from the GITHUB_OUTPUT file. */
  outputs: Record<string, string>;
  /** The GITHUB_STEP_SUMMARY file's content. */
  summary: string;
  /** The text between `::stop-commands::` and its end token: the report printed to the log. */
  log: string;
}

export interface ActionOptions {
  /** The checkout: GITHUB_WORKSPACE, and the working directory, as on a runner. */
  workspace: string;
  /** Inputs as a workflow's `with:` gives them; unset ones get action.yml's default, as the runner does. */
  inputs?: Record<string, string>;
  event?: { name: string; payload: unknown };
  /** Extra environment (a value of undefined removes a variable). */
  env?: Record<string, string | undefined>;
}

const made: string[] = [];

/** Removes the folders made for runner files (event, outputs, summary). */
export function removeRunnerDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Workflow-command escaping, undone (see @actions/core's command.js). */
function unescape(text: string): string {
  return text.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%25/g, "%");
}

/** Annotation commands outside the stop-commands block (inside it, the runner treats them as text). */
function annotationsOf(stdout: string): Annotation[] {
  const annotations: Annotation[] = [];
  let stopToken: string | undefined;
  for (const line of stdout.split("\n")) {
    if (stopToken) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) {
      stopToken = stop[1];
      continue;
    }
    const command = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!command) continue;
    const properties: Record<string, string> = {};
    for (const pair of command[2] ? command[2].split(",") : []) {
      const equals = pair.indexOf("=");
      properties[pair.slice(0, equals)] = unescape(pair.slice(equals + 1));
    }
    annotations.push({ level: command[1] as Annotation["level"], properties, message: unescape(command[3]) });
  }
  return annotations;
}

function logOf(stdout: string): string {
  const match = /^::stop-commands::(.+)\n([\s\S]*?)^::\1::$/m.exec(stdout);
  return match ? match[2] : "";
}

/** `name<<delimiter\nvalue\ndelimiter` entries, as @actions/core writes them. */
function outputsOf(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const entry = /^([^<\n]+)<<(ghadelimiter_[0-9a-f-]+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(entry)) outputs[match[1]] = match[3];
  return outputs;
}

/** Runs `node dist/action.js` with the INPUT_* variables and GITHUB_* files a runner provides. */
export function runAction(options: ActionOptions): ActionRun {
  const runnerDir = mkdtempSync(path.join(tmpdir(), "kubeward-runner-"));
  made.push(runnerDir);
  const files = {
    output: path.join(runnerDir, "output"),
    summary: path.join(runnerDir, "step_summary"),
    event: path.join(runnerDir, "event.json"),
  };
  writeFileSync(files.output, "");
  writeFileSync(files.summary, "");
  writeFileSync(files.event, JSON.stringify(options.event?.payload ?? {}));

  // Nothing from an enclosing CI run may leak in: its GITHUB_OUTPUT would receive our outputs.
  const env: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(INPUT_|GITHUB_|RUNNER_|ACTIONS_)/.test(name)) env[name] = value;
  }
  // The runner sets a variable for every declared input: the workflow's value, else the default.
  // Names keep their dashes and are upper-cased (INPUT_FAIL-ON), as @actions/core's getInput reads them.
  const declared = actionManifest().inputs;
  for (const name of Object.keys(options.inputs ?? {})) {
    if (!(name in declared)) throw new Error(`action.yml declares no input "${name}"`);
  }
  for (const [name, input] of Object.entries(declared)) {
    env[`INPUT_${name.toUpperCase()}`] = options.inputs?.[name] ?? input.default ?? "";
  }
  Object.assign(env, {
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_NAME: options.event?.name ?? "push",
    GITHUB_EVENT_PATH: files.event,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_REPOSITORY: "acme/deployments",
    GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    ...options.env,
  });

  if (!existsSync(actionPath)) throw new Error("dist/action.js is missing: run `npm run build`");
  const result = spawnSync(process.execPath, [actionPath], { cwd: options.workspace, env: definedVariables(env), encoding: "utf8", timeout: 60_000, maxBuffer: 1 << 28 });
  if (result.error) throw result.error;
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    annotations: annotationsOf(result.stdout),
    outputs: outputsOf(readFileSync(files.output, "utf8")),
    summary: readFileSync(files.summary, "utf8"),
    log: logOf(result.stdout),
  };
}

/** Runs git in `cwd` with a fixed identity and no user or system config; returns its output. */
export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", GIT_TERMINAL_PROMPT: "0" },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout.trim();
}

/** Stages everything and commits; returns the new commit's SHA. */
export function commitAll(cwd: string, message: string): string {
  git(cwd, "add", "--all");
  git(cwd, "commit", "--quiet", "--allow-empty", "--message", message);
  return git(cwd, "rev-parse", "HEAD");
}

/** A pull_request event payload comparing two commits. */
export function pullRequestEvent(base: string, head: string): { name: string; payload: unknown } {
  return { name: "pull_request", payload: { action: "synchronize", number: 7, pull_request: { number: 7, base: { ref: "main", sha: base }, head: { ref: "feature", sha: head } } } };
}
