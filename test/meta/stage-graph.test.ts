import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/** The `stage-graph` block of docs/architecture.md: stage → what it may import. */
function allowedImports(): Map<string, string[]> {
  const doc = readFileSync(path.join(root, "docs/architecture.md"), "utf8");
  const block = /```stage-graph\n([\s\S]*?)```/.exec(doc);
  if (!block) throw new Error("docs/architecture.md has no ```stage-graph block");
  const graph = new Map<string, string[]>();
  for (const line of block[1].split("\n").filter((text) => text.trim())) {
    const [stage, targets] = line.split("<-").map((part) => part.trim());
    graph.set(stage, targets.startsWith("(") ? [] : targets.split(/\s+/));
  }
  return graph;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => `${folder}/${file.split(path.sep).join("/")}`);
}

/** `core`, `engine/api`, … for a repository-relative module path without extension. */
function placeOf(module: string): { stage: string; module: string } {
  const parts = module.split("/");
  if (parts.length === 1) return { stage: "package", module };
  if (parts[0] === "rules") return { stage: "rules", module: parts.slice(1).join("/") };
  if (parts[0] !== "src") return { stage: parts[0], module };
  if (parts.length === 2) return { stage: "entry", module: parts[1] };
  return { stage: parts[1], module: parts.slice(1).join("/") };
}

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), "utf8");
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.[^"]+)"/g)].map((match) => match[1]);
  return specifiers.map((specifier) => path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)).replace(/\.(js|ts|json)$/, ""));
}

/** Every import of ours that the graph does not allow, as `importer -> imported (stage may import ...)`. */
function forbiddenImports(files: readonly string[], graph: Map<string, string[]>): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const from = placeOf(file.replace(/\.ts$/, ""));
    const allowed = graph.get(from.stage);
    if (!allowed) {
      problems.push(`${file}: stage "${from.stage}" is not in the stage-graph block of docs/architecture.md`);
      continue;
    }
    for (const target of importsOf(file)) {
      const to = placeOf(target);
      if (to.stage === from.stage || allowed.includes("*")) continue;
      if (allowed.includes(to.stage) || allowed.includes(to.module)) continue;
      problems.push(`${file} imports ${target}: ${from.stage} may import only ${allowed.join(", ") || "nothing of ours"}`);
    }
  }
  return problems;
}

describe("the stage graph", () => {
  const graph = allowedImports();

  it("holds for every import in src/ and rules/", () => {
    expect(forbiddenImports([...sourceFiles("src"), ...sourceFiles("rules")], graph)).toEqual([]);
  });

  it("would catch an import that reaches back up the pipeline", () => {
    const problems = forbiddenImports(["src/discover/discover.ts"], new Map([["discover", []]]));
    expect(problems.some((problem) => problem.includes("src/discover/discover.ts imports src/core/"))).toBe(true);
  });
});
