import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRIVILEGED_POD, ensureBuilt, jsonFindings, kubeward, removeTempDirs, repoRoot, tempDir } from "../e2e/cli-harness.js";

/** The parts of a VS Code problem matcher this test exercises. */
interface ProblemMatcher {
  owner: string;
  severity?: string;
  fileLocation: [string, string];
  pattern: { regexp: string; file: number; line: number; column: number; severity: number; message: number; code: number };
}

interface Task {
  label: string;
  command: string;
  args: string[];
  options?: { cwd?: string };
  problemMatcher: ProblemMatcher;
}

interface Problem {
  file: string;
  line: number;
  column: number;
  severity: "error" | "warning" | "info";
  message: string;
  code: string;
}

// Read from the example file itself, so the documented matcher is the one tested. Strict JSON: no comments.
const tasks = (JSON.parse(readFileSync(path.join(repoRoot, ".vscode/tasks.json"), "utf8")) as { tasks: Task[] }).tasks;
const matcher = tasks[0].problemMatcher;
const regexp = new RegExp(matcher.pattern.regexp);

/**
 * The severity VS Code gives a captured word: error, warning/warn and info in any case, E/W/I, and
 * hint or note as info; anything else falls back to the matcher's `severity`, then to error.
 */
function vscodeSeverity(word: string): Problem["severity"] {
  const lower = word.toLowerCase();
  if (lower === "error" || word === "E") return "error";
  if (lower === "warning" || lower === "warn" || word === "W") return "warning";
  if (lower === "info" || lower === "hint" || lower === "note" || word === "I") return "info";
  return (matcher.severity as Problem["severity"] | undefined) ?? "error";
}

/** What VS Code reads from one line of task output with this matcher, or undefined for no match. */
function match(line: string): Problem | undefined {
  const groups = regexp.exec(line);
  if (!groups) return undefined;
  const { pattern } = matcher;
  return {
    file: groups[pattern.file],
    line: Number(groups[pattern.line]),
    column: Number(groups[pattern.column]),
    severity: vscodeSeverity(groups[pattern.severity]),
    message: groups[pattern.message],
    code: groups[pattern.code],
  };
}

/** The problem of a line the matcher must match. */
function matched(line: string): Problem {
  const problem = match(line);
  if (!problem) throw new Error(`the problem matcher does not match ${JSON.stringify(line)}`);
  return problem;
}

const LEVEL_TO_VSCODE: Record<string, Problem["severity"]> = { error: "error", warning: "warning", note: "info" };

describe(".vscode/tasks.json", () => {
  it("runs kubeward with the compact format from the workspace folder, and every task shares one matcher", () => {
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) {
      expect(task.command).toBe("kubeward");
      expect(task.args.slice(0, 1)).toEqual(["lint"]);
      expect(task.args.slice(-2)).toEqual(["--format", "compact"]);
      expect(task.options?.cwd).toBe("${workspaceFolder}");
      expect(task.problemMatcher).toEqual(matcher);
    }
    expect(matcher.owner).toBe("kubeward");
    // Relative to the workspace (kubeward prints paths relative to its working directory), absolute as a fallback.
    expect(matcher.fileLocation).toEqual(["autoDetect", "${workspaceFolder}"]);
  });
});

describe("the documentation", () => {
  /** The JSON snippets of a Markdown text that hold a problem matcher, parsed (a bare `"problemMatcher": {…}` is wrapped in braces). */
  function documentedMatchers(markdown: string): ProblemMatcher[] {
    const snippets = [...markdown.matchAll(/^```json\n([\s\S]*?)^```/gm)].map((block) => block[1].trim());
    return snippets
      .filter((snippet) => snippet.includes('"problemMatcher"'))
      .map((snippet) => JSON.parse(snippet.startsWith("{") ? snippet : `{${snippet}}`) as { problemMatcher?: ProblemMatcher; tasks?: Task[] })
      .flatMap((parsed) => (parsed.tasks ? parsed.tasks.map((task) => task.problemMatcher) : parsed.problemMatcher ? [parsed.problemMatcher] : []));
  }

  it("shows the same matcher in the README and docs/vscode.md as in .vscode/tasks.json", () => {
    const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
    const section = /^## VS Code\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? "";
    const documented = [...documentedMatchers(section), ...documentedMatchers(readFileSync(path.join(repoRoot, "docs/vscode.md"), "utf8"))];
    expect(documented).toHaveLength(2);
    for (const documentedMatcher of documented) expect(documentedMatcher).toEqual(matcher);
  });
});

describe("the problem matcher on real compact output", () => {
  let workspace: string;
  let compactLines: string[];
  let expected: Problem[];

  beforeAll(() => {
    ensureBuilt();
    workspace = tempDir({
      // A folder and a file name with spaces, a file name with a colon, and a finding of each level.
      "my manifests/risky pod.yaml": PRIVILEGED_POD,
      "my manifests/odd:name.yaml": `apiVersion: v1
kind: Pod
metadata:
  name: plain
  namespace: default
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
      // Invalid YAML: a message with a colon in it.
      "broken.yaml": "apiVersion: v1\nkind: Pod\nmetadata: [unclosed\n",
    });
    const compact = kubeward(["lint", ".", "--format", "compact", "--fail-on", "none"], { cwd: workspace });
    // broken.yaml could not be linted, which fails the run whatever --fail-on says.
    expect(compact.status, compact.stderr).toBe(1);
    compactLines = compact.stdout.trimEnd().split("\n");
    const json = kubeward(["lint", ".", "--format", "json", "--fail-on", "none"], { cwd: workspace });
    expected = jsonFindings(json.stdout)
      .filter((finding) => !finding.suppressed)
      .map((finding) => ({
        file: finding.file,
        line: finding.region.startLine,
        column: finding.region.startColumn,
        severity: LEVEL_TO_VSCODE[finding.level],
        message: finding.valueSets?.length ? `${finding.message} [value sets: ${finding.valueSets.join(", ")}]` : finding.message,
        code: finding.rule,
      }));
  });
  afterAll(removeTempDirs);

  it("reads file, line, column, severity, message and rule of every finding, as the JSON report has them", () => {
    expect(compactLines.length).toBeGreaterThan(5);
    const problems = compactLines.map((line) => match(line) ?? line);
    expect(problems).toEqual(expected);
    expect(new Set(problems.map((problem) => (problem as Problem).severity))).toEqual(new Set(["error", "warning", "info"]));
  });

  it("gets paths with spaces and colons and messages with colons right", () => {
    const problems = compactLines.map(matched);
    expect(problems).toContainEqual({
      file: "my manifests/risky pod.yaml",
      line: 9,
      column: 9,
      severity: "error",
      message: 'container "web" runs privileged.',
      code: "privileged-container",
    });
    expect(problems.filter((problem) => problem.file === "my manifests/odd:name.yaml").length).toBeGreaterThan(0);
    const parseError = problems.find((problem) => problem.code === "kubeward/parse-error");
    expect(parseError).toMatchObject({ file: "broken.yaml", severity: "error" });
    expect(parseError?.message).toMatch(/^Invalid YAML: /);
  });

  it("names files that exist relative to the workspace folder", () => {
    for (const line of compactLines) expect(existsSync(path.join(workspace, matched(line).file)), line).toBe(true);
  });
});

describe("the problem matcher on Windows paths and unusual lines", () => {
  const cases: Array<[string, Problem]> = [
    [
      String.raw`C:\Users\dev\My Repo\deploy\web app.yaml:12:7: warning: container "web" does not set securityContext.readOnlyRootFilesystem: true. [writable-root-filesystem]`,
      {
        file: String.raw`C:\Users\dev\My Repo\deploy\web app.yaml`,
        line: 12,
        column: 7,
        severity: "warning",
        message: 'container "web" does not set securityContext.readOnlyRootFilesystem: true.',
        code: "writable-root-filesystem",
      },
    ],
    [
      "D:/clusters/prod/web.yaml:3:1: note: container \"web\" has no livenessProbe. [liveness-probe-missing]",
      { file: "D:/clusters/prod/web.yaml", line: 3, column: 1, severity: "info", message: 'container "web" has no livenessProbe.', code: "liveness-probe-missing" },
    ],
    [
      String.raw`\\fileserver\k8s share\pod.yaml:1:1: error: Invalid YAML: bad indentation of a mapping entry. [kubeward/parse-error]`,
      {
        file: String.raw`\\fileserver\k8s share\pod.yaml`,
        line: 1,
        column: 1,
        severity: "error",
        message: "Invalid YAML: bad indentation of a mapping entry.",
        code: "kubeward/parse-error",
      },
    ],
    [
      "charts/web/templates/deployment.yaml:20:13: error: container \"web\" runs privileged. [value sets: default, prod] [privileged-container]",
      {
        file: "charts/web/templates/deployment.yaml",
        line: 20,
        column: 13,
        severity: "error",
        message: 'container "web" runs privileged. [value sets: default, prod]',
        code: "privileged-container",
      },
    ],
  ];

  it.each(cases)("%s", (line, problem) => {
    expect(match(line)).toEqual(problem);
  });

  it("ignores lines that are not findings", () => {
    for (const line of ["", "kubeward: using config .kubeward.yaml", "✖ 3 problems (1 error, 2 warnings)", "deploy.yaml:3: error: no column [x]"]) {
      expect(match(line)).toBeUndefined();
    }
  });
});
