import { closeSync, openSync, writeSync } from "node:fs";
import path from "node:path";
import { EMPTY_CONFIG, findConfigFile, loadConfig, type Config } from "./config/config.js";
import { LEVELS, type FailLevel } from "./engine/severity.js";
import { BUILTIN_RULES } from "./registry.js";
import { formatCompact } from "./report/compact.js";
import { formatJson } from "./report/json.js";
import type { Format, ReportInput } from "./report/report.js";
import { sarifPieces } from "./report/sarif.js";
import { formatText } from "./report/text.js";
import type { RunOptions } from "./run.js";

/** Option assembly shared by the two entry points, the CLI and the GitHub Action. */

export const FAIL_LEVELS: readonly FailLevel[] = [...LEVELS, "none"];
export const DEFAULT_FAIL_ON: FailLevel = "warning";

/** Each format as consecutive pieces of text (see writeReport); only SARIF, the large one, has more than one. */
export const FORMATTERS: Record<Format, (input: ReportInput) => string[]> = {
  text: (input) => [formatText(input)],
  compact: (input) => [formatCompact(input)],
  json: (input) => [formatJson(input)],
  sarif: sarifPieces,
};

/**
 * Writes a report to a file piece by piece: encoding and writing one huge string at once is several
 * times slower for the tens of megabytes a large SARIF log holds.
 */
export function writeReportFile(file: string, pieces: readonly string[]): void {
  const fd = openSync(file, "w");
  try {
    for (const piece of pieces) writeSync(fd, piece);
  } finally {
    closeSync(fd);
  }
}

/** The configuration in effect: `explicitFile`, else the nearest `.kubeward.yaml` upward from `cwd`, else none. */
export function loadRunConfig(cwd: string, explicitFile: string | undefined): { config: Config; configFile?: string } {
  const configFile = explicitFile ?? findConfigFile(cwd);
  return { config: configFile ? loadConfig(configFile, BUILTIN_RULES) : EMPTY_CONFIG, configFile };
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
}

/** Flags over the config file: flags win for single values, lists add up (config first). */
export function expandSettings(flags: ExpandFlags, config: Config, configFile: string | undefined, cwd: string): RunOptions["expand"] {
  const configDir = configFile ? path.dirname(path.resolve(configFile)) : cwd;
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
  };
}
