// Golden files: what kubeward prints for each case in test/golden/, in every format, byte for byte.
// golden.test.ts compares a fresh run with them, or, under `npm run golden:update`, rewrites them and
// the examples in docs/output-formats.md, which are cut from the same output.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const goldenDir = path.join(repoRoot, "test/golden");
export const docsFile = path.join(repoRoot, "docs/output-formats.md");
const toolsDir = path.join(repoRoot, ".tools/helm4");

/** The file that holds each format's expected output in a case folder. */
export type GoldenFormat = "compact" | "text" | "json" | "sarif";

export const EXPECTED_FILES: Record<GoldenFormat, string> = { compact: "expected.compact", text: "expected.txt", json: "expected.json", sarif: "expected.sarif" };

/** Every folder of test/golden/ with an `input/` folder is a case. */
export function caseNames(): string[] {
  return readdirSync(goldenDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(goldenDir, entry.name, "input")))
    .map((entry) => entry.name)
    .sort();
}

/** Whether helm and kubectl from scripts/install-tools.mjs are there: the chart and overlay cases need them. */
export function haveTools(): boolean {
  return existsSync(path.join(toolsDir, "helm")) && existsSync(path.join(toolsDir, "kubectl"));
}

/**
 * Runs `kubeward lint --format FORMAT` (the CLI's `main`, in this process) in a copy of the case's
 * input folder and resolves to its standard output. The copy is marked as a git work tree so that
 * SARIF URIs are relative to it wherever the temporary folder is; the environment holds only what
 * the run needs, so neither the caller's colour settings nor KUBEWARD_* variables change the output.
 */
export async function runCase(name: string, format: GoldenFormat): Promise<string> {
  const workTree = mkdtempSync(path.join(tmpdir(), `kubeward-golden-${name}-`));
  try {
    cpSync(path.join(goldenDir, name, "input"), workTree, { recursive: true });
    mkdirSync(path.join(workTree, ".git"));
    const env = {
      PATH: process.env.PATH ?? "",
      NO_COLOR: "1",
      KUBEWARD_HELM: path.join(toolsDir, "helm"),
      KUBEWARD_KUSTOMIZE: path.join(toolsDir, "kubectl"),
    };
    const stdout: string[] = [];
    const stderr: string[] = [];
    const status = await main(["lint", "--format", format], {
      cwd: workTree,
      env,
      stdin: Readable.from([]),
      stdout: { write: (text: string | Buffer) => stdout.push(text.toString()) },
      stderr: { write: (text: string) => stderr.push(text) },
    });
    // Exit code 1 (findings, or input that could not be linted) still writes the whole report.
    if (status !== 0 && status !== 1) throw new Error(`kubeward lint --format ${format} in case ${name} exited with ${status}:\n${stderr.join("")}`);
    return stdout.join("");
  } finally {
    rmSync(workTree, { recursive: true, force: true });
  }
}

/** The CLI's output as the golden file stores it: SARIF, written on one line, pretty-printed so that a change reads as a diff. */
export function storedForm(format: GoldenFormat, output: string): string {
  return format === "sarif" ? `${JSON.stringify(JSON.parse(output), null, 2)}\n` : output;
}

/** The CLI's bytes back from a golden file. */
export function outputForm(format: GoldenFormat, stored: string): string {
  return format === "sarif" ? `${JSON.stringify(JSON.parse(stored))}\n` : stored;
}

/** The CLI's output for a case, read from its golden file. */
export function expectedOutput(name: string, format: GoldenFormat): string {
  return outputForm(format, readFileSync(path.join(goldenDir, name, EXPECTED_FILES[format]), "utf8"));
}

function fence(language: string, body: string): string {
  return `\`\`\`${language}\n${body.endsWith("\n") ? body : `${body}\n`}\`\`\`\n`;
}

function required<T>(found: T | undefined, what: string): T {
  if (found === undefined) throw new Error(`the golden output has no ${what} for docs/output-formats.md`);
  return found;
}

/**
 * The examples of docs/output-formats.md, each between `<!-- golden:NAME -->` and `<!-- /golden -->`,
 * cut from the output of a case (`output(case, format)` gives the CLI's bytes).
 */
type Output = (name: string, format: GoldenFormat) => string;

export const DOC_EXAMPLES: Record<string, (output: Output) => string> = {
  "kustomize/text": (output) => fence("", output("kustomize", "text")),
  "helm/text": (output) => fence("", output("helm", "text")),
  "manifests/compact": (output) => fence("", output("manifests", "compact")),
  "kustomize/json-images-entry": (output) => {
    const findings = JSON.parse(output("kustomize", "json")) as Array<{ provenance?: { kustomize?: { kind?: string } } }>;
    const finding = findings.find((each) => each.provenance?.kustomize?.kind === "images-entry");
    return fence("json", JSON.stringify(required(finding, "finding set by an images: entry"), null, 2));
  },
  "helm/sarif-result": (output) => {
    const sarif = JSON.parse(output("helm", "sarif")) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    const result = sarif.runs[0].results.find((each) => each.ruleId === "privileged-container");
    return fence("json", JSON.stringify(required(result, "privileged-container result"), null, 2));
  },
};

const MARKED_EXAMPLE = /(<!-- golden:([\w./-]+) -->\n)[\s\S]*?(<!-- \/golden -->)/g;

/** The docs with every marked example written anew; an unknown marker, or an example the docs never use, is an error. */
export function renderDocs(docs: string, output: Output): string {
  const used = new Set<string>();
  const rendered = docs.replace(MARKED_EXAMPLE, (_match, open: string, name: string, close: string) => {
    const example = DOC_EXAMPLES[name] as ((output: Output) => string) | undefined;
    if (!example) throw new Error(`docs/output-formats.md marks an unknown golden example "${name}"; known: ${Object.keys(DOC_EXAMPLES).join(", ")}`);
    used.add(name);
    return `${open}${example(output)}${close}`;
  });
  const unused = Object.keys(DOC_EXAMPLES).filter((name) => !used.has(name));
  if (unused.length) throw new Error(`docs/output-formats.md has no marker for the golden examples ${unused.join(", ")}`);
  return rendered;
}
