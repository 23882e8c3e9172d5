import { activeRules, type Config } from "./config/config.js";
import { discover } from "./discover/discover.js";
import { lintObjects, problemFinding } from "./engine/engine.js";
import type { Finding } from "./engine/finding.js";
import { compareFindings } from "./engine/finding.js";
import type { Rule } from "./engine/rule.js";
import { parseManifest } from "./manifest/parse.js";
import { decodeManifest, readManifest } from "./manifest/read.js";
import type { InputProblem, K8sObject, SkippedDocument } from "./manifest/types.js";

export interface RunOptions {
  inputs: readonly string[];
  cwd: string;
  config: Config;
  /** Extra exclude globs from the command line. */
  exclude: readonly string[];
  rules: readonly Rule[];
  readStdin: () => Promise<Buffer>;
}

export interface RunResult {
  findings: Finding[];
  skipped: SkippedDocument[];
  stats: { files: number; objects: number; bytes: number };
}

/** The whole pipeline: discover → read → parse → lint. Never throws for bad input. */
export async function run(options: RunOptions): Promise<RunResult> {
  const discovery = await discover(options.inputs, {
    cwd: options.cwd,
    include: options.config.include,
    exclude: [...options.config.exclude, ...options.exclude],
  });
  const problems: InputProblem[] = [...discovery.problems];
  const skipped: SkippedDocument[] = [];
  const objects: K8sObject[] = [];
  let bytes = 0;

  for (const source of discovery.sources) {
    const read =
      source.kind === "stdin" ? decodeManifest(await options.readStdin(), "-") : readManifest(source.file, source.display);
    if ("problem" in read) {
      problems.push(read.problem);
      continue;
    }
    bytes += read.text.length;
    const parsed = parseManifest(source.display, read.text);
    objects.push(...parsed.objects);
    problems.push(...parsed.problems);
    skipped.push(...parsed.skipped);
  }

  const findings = [...problems.map(problemFinding), ...lintObjects(objects, activeRules(options.rules, options.config))];
  return {
    findings: findings.sort(compareFindings),
    skipped,
    stats: { files: discovery.sources.length, objects: objects.length, bytes },
  };
}
