import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { PRIVILEGED_POD, SAFE_POD, onlyRulesConfig, removeTempDirs, repoRoot, tempDir, tools, writeFiles } from "../e2e/cli-harness.js";

// The published hook (.pre-commit-hooks.yaml, language: node) installed by a real pre-commit from a
// git copy of this working tree, then run by `git commit` in a throwaway repository.

const SETUP_TIMEOUT_MS = 10 * 60_000;
const COMMIT_TIMEOUT_MS = 2 * 60_000;

interface Run {
  status: number | null;
  output: string;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env, timeoutMs = COMMIT_TIMEOUT_MS): Run {
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", timeout: timeoutMs, maxBuffer: 1 << 26 });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function mustRun(command: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv, timeoutMs?: number): string {
  const result = run(command, args, cwd, env, timeoutMs);
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status}):\n${result.output}`);
  return result.output;
}

const hasPreCommit = (): boolean => spawnSync("pre-commit", ["--version"], { encoding: "utf8" }).status === 0;

/** pre-commit from Debian's packages when it is missing; a test that cannot have it fails, never skips. */
function ensurePreCommit(): void {
  if (hasPreCommit()) return;
  if (process.getuid?.() !== 0) {
    throw new Error("pre-commit is not installed, and only root can install it here: run `apt-get install pre-commit` (or `pipx install pre-commit`).");
  }
  const apt = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  mustRun("apt-get", ["update", "-qq"], repoRoot, apt, SETUP_TIMEOUT_MS);
  mustRun("apt-get", ["install", "-y", "-qq", "pre-commit"], repoRoot, apt, SETUP_TIMEOUT_MS);
  if (!hasPreCommit()) throw new Error("apt-get installed pre-commit, but `pre-commit --version` still fails.");
}

/** helm and kubectl for the chart and overlay cases, as `npm test` installs them. */
function ensureTools(): void {
  if (existsSync(tools.helm4) && existsSync(tools.kubectl)) return;
  mustRun(process.execPath, ["scripts/install-tools.mjs"], repoRoot, process.env, SETUP_TIMEOUT_MS);
}

// Build output, installed packages and caches stay out of the copy: the hook must build itself.
const NOT_COPIED = new Set(["node_modules", ".git", "dist", ".tools", "coverage", "test-results.json", "bench/out", "test-output"]);

/** A one-commit git repository holding the working tree as it is now; returns its commit. */
function commitWorkingTreeCopy(destination: string, env: NodeJS.ProcessEnv): string {
  cpSync(repoRoot, destination, {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(repoRoot, source).split(path.sep).join("/");
      return !NOT_COPIED.has(relative) && !relative.split("/").includes("node_modules");
    },
  });
  mustRun("git", ["init", "-q", "-b", "main"], destination, env);
  mustRun("git", ["add", "-A"], destination, env);
  mustRun("git", ["commit", "-q", "-m", "kubeward working tree"], destination, env);
  return mustRun("git", ["rev-parse", "HEAD"], destination, env).trim();
}

/** The README's `.pre-commit-config.yaml` snippet, pointed at `repo` and `rev`: the test uses what users copy. */
function readmeHookConfig(repo: string, rev: string): string {
  const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
  const section = /^## pre-commit\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? "";
  const snippet = /^```yaml\n([\s\S]*?)^```/m.exec(section)?.[1];
  if (!snippet) throw new Error("README.md has no yaml snippet in its pre-commit section");
  const config = parse(snippet) as { repos: Array<{ repo: string; rev: string; hooks: Array<{ id: string }> }> };
  expect(config.repos[0].hooks.map((hook) => hook.id)).toEqual(["kubeward"]);
  config.repos[0].repo = repo;
  config.repos[0].rev = rev;
  return stringify(config);
}

// An overlay over a base; its JSON 6902 patch file is a plain list, not a Kubernetes object, so only a
// build of the whole overlay can show what it does.
const OVERLAY_FILES = {
  "deploy/base/kustomization.yaml": "resources:\n  - deployment.yaml\n",
  "deploy/base/deployment.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
`,
  "deploy/overlays/prod/kustomization.yaml": `resources:
  - ../../base
patches:
  - path: patches/pod.yaml
    target:
      kind: Deployment
      name: web
`,
  "deploy/overlays/prod/patches/pod.yaml": "- op: add\n  path: /spec/replicas\n  value: 3\n",
};
const RISKY_OVERLAY_PATCH = "- op: add\n  path: /spec/replicas\n  value: 3\n- op: add\n  path: /spec/template/spec/hostNetwork\n  value: true\n";

// A chart whose template is not YAML until rendered; values.yaml alone is no Kubernetes object.
const CHART_FILES = {
  "charts/web/Chart.yaml": "apiVersion: v2\nname: web\nversion: 0.1.0\n",
  "charts/web/values.yaml": "privileged: false\n",
  "charts/web/templates/pod.yaml": `apiVersion: v1
kind: Pod
metadata:
  name: {{ .Release.Name }}-web
spec:
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        privileged: {{ .Values.privileged }}
`,
};

describe("the pre-commit hook", () => {
  let project: string;
  let env: NodeJS.ProcessEnv;

  /** `git commit` of the given changes (path to content), which runs the hook on the staged files. */
  function commit(files: Record<string, string>, message: string): Run {
    writeFiles(project, files);
    mustRun("git", ["add", "-A"], project, env);
    return run("git", ["commit", "-m", message], project, env);
  }

  /** Like `commit`, for a commit the hook refuses: the changes are dropped afterwards, whatever happens. */
  function refusedCommit(files: Record<string, string>, message: string, check: (result: Run) => void): void {
    try {
      const result = commit(files, message);
      expect(result.status, result.output).not.toBe(0);
      expect(result.output).toMatch(/^kubeward\.+Failed$/m);
      check(result);
    } finally {
      mustRun("git", ["reset", "-q", "--hard", "HEAD"], project, env);
    }
  }

  const commitCount = (): number => Number(mustRun("git", ["rev-list", "--count", "HEAD"], project, env).trim());

  beforeAll(() => {
    ensurePreCommit();
    ensureTools();
    const work = tempDir();
    // npm's own variables (set when this runs under `npm test`) must not leak into the hook's npm install.
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== "INIT_CWD"));
    env = {
      ...inherited,
      PATH: `${path.dirname(tools.helm4)}${path.delimiter}${process.env.PATH ?? ""}`,
      PRE_COMMIT_HOME: path.join(work, "pre-commit-cache"),
      GIT_AUTHOR_NAME: "kubeward test",
      GIT_AUTHOR_EMAIL: "test@kubeward.invalid",
      GIT_COMMITTER_NAME: "kubeward test",
      GIT_COMMITTER_EMAIL: "test@kubeward.invalid",
      GIT_CONFIG_COUNT: "1",
      GIT_CONFIG_KEY_0: "commit.gpgsign",
      GIT_CONFIG_VALUE_0: "false",
      NO_COLOR: "1",
    };
    delete env.KUBEWARD_HELM;
    delete env.KUBEWARD_KUSTOMIZE;
    const hookRepo = path.join(work, "kubeward");
    const rev = commitWorkingTreeCopy(hookRepo, env);

    project = path.join(work, "project");
    writeFiles(project, { ".pre-commit-config.yaml": readmeHookConfig(hookRepo, rev) });
    mustRun("git", ["init", "-q", "-b", "main"], project, env);
    mustRun("pre-commit", ["install"], project, env);
    // Installs the hook's node environment: npm install (which builds dist/ through `prepare`), npm pack, npm install -g.
    mustRun("pre-commit", ["install-hooks"], project, env, SETUP_TIMEOUT_MS);
  }, 2 * SETUP_TIMEOUT_MS);
  afterAll(removeTempDirs);

  it("passes a commit of safe manifests, a chart and an overlay, and of files that are no Kubernetes objects", () => {
    const result = commit(
      {
        ".kubeward.yaml": onlyRulesConfig(["privileged-container", "host-network"]),
        "deploy/pod.yaml": SAFE_POD,
        ...OVERLAY_FILES,
        ...CHART_FILES,
        "README.md": "# project\n",
      },
      "safe start",
    );
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/^kubeward\.+Passed$/m);
    expect(commitCount()).toBe(1);
  });

  it("refuses a risky manifest, printing the finding, and accepts it once it is fixed", () => {
    refusedCommit({ "deploy/pod.yaml": PRIVILEGED_POD }, "make it privileged", ({ output }) => {
      expect(output).toMatch(/^deploy\/pod\.yaml$/m);
      expect(output).toMatch(/^ {2}9:9 +error +container "web" runs privileged\. +privileged-container$/m);
    });
    expect(commitCount()).toBe(1);

    const fixed = commit({ "deploy/pod.yaml": SAFE_POD.replace("name: safe", "name: safe-again") }, "not privileged after all");
    expect(fixed.status, fixed.output).toBe(0);
    expect(fixed.output).toMatch(/^kubeward\.+Passed$/m);
    expect(commitCount()).toBe(2);
  });

  it("builds the whole overlay when only a patch file changes", () => {
    refusedCommit({ "deploy/overlays/prod/patches/pod.yaml": RISKY_OVERLAY_PATCH }, "host network in prod", ({ output }) => {
      expect(output).toMatch(/^deploy\/overlays\/prod\/patches\/pod\.yaml$/m);
      expect(output).toMatch(/^ {2}6:3 +error +the pod template shares the node's network namespace \(hostNetwork: true\)\. +host-network$/m);
    });
    expect(commitCount()).toBe(2);
  });

  it("renders the whole chart when only its values file changes", () => {
    refusedCommit({ "charts/web/values.yaml": "privileged: true\n" }, "privileged chart", ({ output }) => {
      expect(output).toMatch(/^charts\/web\/templates\/pod\.yaml$/m);
      expect(output).toContain('10:9  error    container "web" runs privileged (value `privileged` from charts/web/values.yaml:1).  privileged-container');
    });
    expect(commitCount()).toBe(2);
  });
});

describe(".pre-commit-hooks.yaml", () => {
  const hooks = parse(readFileSync(path.join(repoRoot, ".pre-commit-hooks.yaml"), "utf8")) as Array<Record<string, unknown>>;

  it("is one node hook that passes file names to kubeward lint", () => {
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ id: "kubeward", language: "node", entry: "kubeward lint", pass_filenames: true });
  });

  it("selects manifests, chart files and kustomizations, and nothing else", () => {
    // pre-commit applies `files` with Python's re.search; this expression means the same in JavaScript.
    const files = new RegExp(hooks[0].files as string);
    const selected = [
      "deploy.yaml",
      "k8s/app/deployment.yml",
      "k8s/app/list.json",
      "charts/web/Chart.yaml",
      "charts/web/templates/_helpers.tpl",
      "overlays/prod/kustomization.yaml",
      "overlays/prod/Kustomization",
    ];
    const ignored = ["README.md", "src/cli.ts", "charts/web/templates/NOTES.txt", "docs/template.tpl", "MyKustomization"];
    expect(selected.filter((file) => !files.test(file))).toEqual([]);
    expect(ignored.filter((file) => files.test(file))).toEqual([]);
  });
});
