import { build, type Metafile } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { cliBundleOptions } from "../../scripts/cli-bundle.mjs";

/**
 * Start-up time is mostly compiling and evaluating the bundle (issue 17: a small lint in a blink). The bundle is
 * one CommonJS file; esbuild evaluates a module reached only through `await import()` when that import runs, so
 * what a plain lint does not need must not be reachable from the entry through static imports. These tests build
 * the bundle's module graph and walk it the way a start does.
 */

/** Modules only some runs need, each with what would make a plain lint evaluate it. */
const LAZY_MODULES: Record<string, string> = {
  "src/expand/expand.ts": "chart and overlay expansion",
  "src/report/sarif.ts": "the SARIF reporter",
  "src/report/json.ts": "the JSON reporter",
  "src/report/compact.ts": "the compact reporter",
  "src/config/config.ts": "the config reader",
  "src/config/custom-rules.ts": "the custom-rule reader",
  "src/policy/custom-rules.ts": "the custom-rule compiler",
  "src/policy/vap.ts": "the ValidatingAdmissionPolicy reader",
  "src/policy/policy-files.ts": "the policy-file reader",
  "src/cel/compile.ts": "the CEL compiler",
  "src/docs/rule-doc.ts": "the rule documentation",
  "src/docs/rule-list.ts": "the rule list",
  "src/report/compliance.ts": "the compliance report",
  "src/report/html.ts": "the HTML report",
  "src/report/markdown.ts": "the Markdown report",
};

let graph: Metafile["inputs"];
let bundleText: string;

beforeAll(async () => {
  const result = await build({ ...cliBundleOptions, write: false, metafile: true, logLevel: "silent" });
  graph = result.metafile.inputs;
  bundleText = result.outputFiles.find((file) => file.path.endsWith("kubeward.cjs"))?.text ?? "";
});

/** Each character outside ASCII, with the line of the bundle it is on. */
function nonAsciiCharacters(text: string): string[] {
  return text.split("\n").flatMap((line, index) => Array.from(line.matchAll(/\P{ASCII}/gu), (match) => `line ${index + 1}: ${JSON.stringify(match[0])} in ${JSON.stringify(line.slice(Math.max(0, match.index - 30), match.index + 10))}`));
}

/** Every module a start evaluates: the entry and what it imports statically, transitively. */
function evaluatedAtStart(entry: string): Set<string> {
  const evaluated = new Set<string>();
  const pending = [entry];
  for (let module = pending.pop(); module !== undefined; module = pending.pop()) {
    if (evaluated.has(module)) continue;
    evaluated.add(module);
    const input = graph[module] as Metafile["inputs"][string] | undefined;
    for (const imported of input?.imports ?? []) {
      if (imported.kind !== "dynamic-import" && !imported.external) pending.push(imported.path);
    }
  }
  return evaluated;
}

describe("start-up", () => {
  it("a start evaluates none of the modules only some runs need", () => {
    const evaluated = evaluatedAtStart("src/bin.ts");
    expect(evaluated).toContain("src/cli.ts");
    expect(Object.keys(LAZY_MODULES).filter((module) => evaluated.has(module)).map((module) => LAZY_MODULES[module])).toEqual([]);
  });

  it("the lazy modules are in the bundle, reached through dynamic imports (so the list above matches the source)", () => {
    const dynamicallyImported = new Set(Object.values(graph).flatMap((input) => input.imports.filter((imported) => imported.kind === "dynamic-import").map((imported) => imported.path)));
    for (const module of Object.keys(LAZY_MODULES)) expect(graph[module], module).toBeDefined();
    const reachedOnlyThroughOthers = ["src/cel/compile.ts"];
    expect(Object.keys(LAZY_MODULES).filter((module) => !dynamicallyImported.has(module) && !reachedOnlyThroughOthers.includes(module))).toEqual([]);
  });

  it("the YAML library (the config reader's) is not evaluated at start", () => {
    const evaluated = evaluatedAtStart("src/bin.ts");
    expect([...evaluated].filter((module) => module.startsWith("node_modules/yaml/"))).toEqual([]);
    expect(Object.keys(graph).some((module) => module.startsWith("node_modules/yaml/"))).toBe(true);
  });

  it("the walk sees a static import: the CLI's own entry reaches the SARIF reporter once it is imported statically", () => {
    const before = graph;
    graph = { ...graph, "src/cli.ts": { ...graph["src/cli.ts"], imports: [...graph["src/cli.ts"].imports, { path: "src/report/sarif.ts", kind: "import-statement", original: "./report/sarif.js" }] } };
    try {
      expect(evaluatedAtStart("src/bin.ts")).toContain("src/report/sarif.ts");
    } finally {
      graph = before;
    }
  });

  // One character beyond Latin-1 makes V8 hold the whole source as two bytes a character: twice the text to read,
  // decode and keep (esbuild escapes strings, but not every regular expression).
  it("the bundle is ASCII, so V8 holds its source one byte a character", () => {
    expect(bundleText.length).toBeGreaterThan(100_000);
    expect(nonAsciiCharacters(bundleText)).toEqual([]);
    expect(nonAsciiCharacters("const a = 1;\nconst DURATION = /(µs|μs)/;")).toEqual(['line 2: "µ" in "const DURATION = /(µs|μs)/;"', 'line 2: "μ" in "const DURATION = /(µs|μs)/;"']);
  });
});
