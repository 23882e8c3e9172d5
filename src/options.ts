import { closeSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import path from "node:path";
import { ConfigError, EMPTY_CONFIG, findConfigFile, type Config } from "./config/model.js";
import type { CustomRuleSpec } from "./core/custom-rule-spec.js";
import type { Rule } from "./engine/rule.js";
import type { FailLevel } from "./core/severity.js";
import { BUILTIN_RULES } from "./registry.js";
import { SEVERITIES } from "./core/rule-meta.js";
import { GITHUB_SARIF_LIMITS, type Format, type FormattedReport, type OmittedResults, type ReportInput, type ReportPiece } from "./report/report.js";
import { textPieces } from "./report/text.js";
import type { RenderCacheStats } from "./expand/render-cache.js";
import type { RunOptions } from "./run.js";

/** Option assembly shared by the two entry points, the CLI and the GitHub Action. */

export const DEFAULT_FAIL_ON: FailLevel = "warning";

/**
 * Each format as consecutive pieces of text (see writeReportFile), made as they are written, so no report
 * is ever held whole; only SARIF may leave results out (GitHub's limits).
 */
export async function formatReport(format: Format, input: ReportInput): Promise<FormattedReport> {
  // Text, the default, is loaded with the CLI; each other reporter is imported when asked for, so a run
  // does not parse and compile the code of the formats it does not write (part of start-up time).
  switch (format) {
    case "text":
      return { pieces: textPieces(input) };
    case "compact":
      return { pieces: (await import("./report/compact.js")).compactPieces(input) };
    case "json":
      return { pieces: (await import("./report/json.js")).jsonPieces(input) };
    case "sarif":
      return (await import("./report/sarif.js")).sarifReport(input);
  }
}

/** The warning for a SARIF log that GitHub's limits cut short, naming the option that writes it whole. */
export function omittedWarning(omitted: OmittedResults, allResultsOption: string): string {
  const kept = omitted.total - omitted.count;
  const severities = SEVERITIES.filter((severity) => omitted.bySeverity[severity] > 0).map((severity) => `${omitted.bySeverity[severity]} ${severity}`);
  const why =
    omitted.limit === "results per run"
      ? `GitHub code scanning rejects a run of more than ${GITHUB_SARIF_LIMITS.resultsPerRun} results`
      : `GitHub code scanning rejects a SARIF file over 10 MB gzipped`;
  return `the SARIF report holds the ${kept} most severe of ${omitted.total} results: ${why}. ${omitted.count} left out (${severities.join(", ")}) are counted in the run's properties; ${allResultsOption} writes them all.`;
}

/**
 * The working directory's path from the root of the git work tree holding it (`""` at the root),
 * found by the `.git` folder or file (a linked worktree or submodule has a file); undefined outside one.
 */
export function repositoryBase(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (statSync(path.join(dir, ".git"), { throwIfNoEntry: false })) return path.relative(dir, path.resolve(cwd)).split(path.sep).join("/");
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * Writes a report to a file piece by piece, each piece made as it is written (SARIF's `resultPieces`,
 * `jsonPieces`): encoding and writing one huge string at once is several times slower for the hundreds
 * of megabytes a large SARIF log holds, and holding its pieces would double the run's memory. A report
 * made as it is written can fail halfway (a full disk, a reporter's error), so a regular file is written
 * as a partial file beside it, renamed over it once complete: a failed write leaves no half-written
 * report under the name a pipeline reads, and an earlier report there as it was; the error is thrown.
 * A device or a pipe (`-o /dev/stdout`) is written in place.
 */
export function writeReportFile(file: string, pieces: Iterable<ReportPiece>): void {
  const existing = statSync(file, { throwIfNoEntry: false });
  if (existing && !existing.isFile()) {
    writePieces(file, pieces);
    return;
  }
  // Through a symbolic link, the file it names is replaced, not the link.
  const target = existing ? realpathSync(file) : file;
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`);
  try {
    writePieces(partial, pieces);
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

function writePieces(file: string, pieces: Iterable<ReportPiece>): void {
  const fd = openSync(file, "w");
  try {
    for (const piece of pieces) {
      if (typeof piece === "string") writeSync(fd, piece);
      // A large buffer may be written in parts.
      else for (let written = 0; written < piece.length; ) written += writeSync(fd, piece, written);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The configuration in effect (`explicitFile`, else the nearest `.kubeward.yaml` upward from `cwd`, else
 * none), and the rules a run uses: the built-in ones, then the custom rules of the config's
 * `customRules:` and of the `rulesDirs` files, compiled (a mistake is a ConfigError at its place).
 */
export async function loadRunConfig(
  cwd: string,
  explicitFile: string | undefined,
  rulesDirs: readonly string[] = [],
): Promise<{ config: Config; configFile?: string; rules: Rule[] }> {
  const configFile = explicitFile ?? findConfigFile(cwd);
  // The config reader and the YAML library it uses are a sixth of the bundle: loaded only when there is something to read.
  if (!configFile && !rulesDirs.length) return { config: EMPTY_CONFIG, rules: [...BUILTIN_RULES] };
  const [{ checkCustomRuleIds, loadConfig }, { readRuleFiles }] = await Promise.all([import("./config/config.js"), import("./config/custom-rules.js")]);
  const fromDirs: CustomRuleSpec[] = rulesDirs.flatMap((dir) =>
    readRuleFiles(path.resolve(cwd, dir), dir, (message, at) => {
      throw new ConfigError(message, at?.file ?? dir, at?.line, at?.column);
    }),
  );
  const config = configFile ? loadConfig(configFile, cwd, BUILTIN_RULES, fromDirs) : EMPTY_CONFIG;
  if (!configFile) checkCustomRuleIds(fromDirs, BUILTIN_RULES);
  const specs = [...fromDirs, ...config.customRules];
  if (!specs.length) return { config, configFile, rules: [...BUILTIN_RULES] };
  // The CEL compiler and its protobuf runtime are a third of the bundle: loaded only for runs with custom rules.
  const { CustomRuleError, compileCustomRule } = await import("./policy/custom-rules.js");
  const custom = specs.map((spec) => {
    try {
      return compileCustomRule(spec);
    } catch (error) {
      if (!(error instanceof CustomRuleError)) throw error;
      throw new ConfigError(error.message, error.at.file, error.at.line, error.at.column);
    }
  });
  return { config, configFile, rules: [...BUILTIN_RULES, ...custom] };
}

/** How charts and overlays are expanded, as the CLI flags or the action inputs give it. */
export interface ExpandFlags {
  values?: string[];
  set?: string[];
  kubeVersion?: string;
  apiVersions?: string[];
  namespace?: string;
  releaseName?: string;
  chartCiValues?: boolean;
  helmDependencyUpdate?: boolean;
  helm?: string;
  kustomize?: string;
  enableHelm?: boolean;
  /** False: render every chart and overlay, neither reading nor writing the render cache. */
  cache?: boolean;
}

/** A wrong option value (a values file that is missing, a malformed `--set`); the message names the option. Exit code 2. */
export class OptionError extends Error {}

/**
 * Checks the values files and `--set` arguments before anything runs, so a typo is a usage error
 * whether or not the run holds a chart (without one, helm would never see them).
 */
export function checkExpandFlags(flags: ExpandFlags, cwd: string, names: { values: string; set?: string }): void {
  for (const file of flags.values ?? []) {
    const stats = statSync(path.resolve(cwd, file), { throwIfNoEntry: false });
    if (!stats) throw new OptionError(`${names.values} ${file}: no such file`);
    if (!stats.isFile()) throw new OptionError(`${names.values} ${file}: not a file`);
  }
  for (const assignment of flags.set ?? []) {
    const problem = setArgumentProblem(assignment);
    if (problem) throw new OptionError(`${names.set ?? "--set"} "${assignment}" is not KEY=VALUE[,KEY=VALUE...]: ${problem}`);
  }
}

/**
 * What helm's `--set` parser (strvals) would refuse in an argument, or undefined: a key without
 * `=value`, or a `{list` without its `}`. Backslash escapes the next character, as in helm.
 */
export function setArgumentProblem(assignment: string): string | undefined {
  let i = 0;
  while (i < assignment.length) {
    let key = "";
    for (; i < assignment.length && assignment[i] !== "="; i++) {
      if (assignment[i] === "\\") key += assignment[++i] ?? "";
      else if (assignment[i] === ",") return `key "${key}" has no value`;
      else key += assignment[i];
    }
    if (i >= assignment.length) return key === "" ? undefined : `key "${key}" has no value`;
    i++;
    if (assignment[i] === "{") {
      const end = assignment.indexOf("}", i);
      if (end < 0) return `the list of "${key}" must end with }`;
      i = end + 1;
    }
    for (; i < assignment.length && assignment[i] !== ","; i++) if (assignment[i] === "\\") i++;
    i++;
  }
  return undefined;
}

/** One line on what the render cache did, for --verbose and the action's debug log; undefined when nothing was rendered. */
export function describeRenderCache(stats: RenderCacheStats): string | undefined {
  if (stats.hits + stats.stored + stats.uncached === 0) return undefined;
  const evicted = stats.evicted ? `, ${stats.evicted} unused ${stats.evicted === 1 ? "entry" : "entries"} removed` : "";
  const line = `render cache ${stats.dir}: ${stats.hits} read back, ${stats.stored} rendered and stored, ${stats.uncached} rendered and not stored${evicted}`;
  return stats.problem ? `${line}; ${stats.problem}` : line;
}

/** Flags over the config file: flags win for single values, lists add up (config first). */
export function expandSettings(flags: ExpandFlags, config: Config, configFile: string | undefined, cwd: string): RunOptions["expand"] {
  const configDir = configFile ? path.dirname(path.resolve(cwd, configFile)) : cwd;
  const fromConfig = (file: string): string => path.resolve(configDir, file);
  return {
    helm: {
      binary: flags.helm,
      releaseName: flags.releaseName ?? config.helm.releaseName ?? "kubeward",
      namespace: flags.namespace ?? config.helm.namespace,
      kubeVersion: flags.kubeVersion ?? config.helm.kubeVersion,
      apiVersions: [...(config.helm.apiVersions ?? []), ...(flags.apiVersions ?? [])],
      valuesFiles: (flags.values ?? []).map((file) => path.resolve(cwd, file)),
      set: [...(config.helm.set ?? []), ...(flags.set ?? [])],
      ciValues: flags.chartCiValues ?? false,
      dependencyUpdate: flags.helmDependencyUpdate ?? false,
      charts: (config.helm.charts ?? []).map((chart) => ({
        chartDir: fromConfig(chart.path),
        valueSets: Object.fromEntries(Object.entries(chart.valueSets).map(([name, files]) => [name, files.map(fromConfig)])),
      })),
    },
    kustomize: { binary: flags.kustomize, enableHelm: flags.enableHelm ?? config.kustomize.enableHelm ?? false },
    cache: flags.cache ?? config.cache ?? true,
  };
}
