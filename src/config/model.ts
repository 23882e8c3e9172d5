import { existsSync } from "node:fs";
import path from "node:path";
import type { RuleSetting } from "../core/rule-options.js";
import type { FailLevel } from "../core/severity.js";
import type { PodTemplateKind } from "../core/workload-kinds.js";
import { CONFIG_FILE_NAMES } from "../core/file-names.js";
import type { FrameworkSelection } from "../core/framework-selection.js";
import type { CustomRuleSpec } from "../core/custom-rule-spec.js";

// What every run needs of the configuration without reading one: the reader (config.ts, with the YAML
// library) is loaded only when there is a config file to read.

export type { RuleSetting } from "../core/rule-options.js";

/** `helm:` settings; paths are relative to the config file's folder. */
export interface HelmConfig {
  releaseName?: string;
  namespace?: string;
  kubeVersion?: string;
  apiVersions?: string[];
  set?: string[];
  /** Value sets per chart: each is rendered and linted, and findings name their set. */
  charts?: Array<{ path: string; valueSets: Record<string, string[]> }>;
}

export interface KustomizeConfig {
  enableHelm?: boolean;
}

export interface Config {
  /** The file it was read from, if any. */
  file?: string;
  failOn?: FailLevel;
  include: string[];
  exclude: string[];
  rules: Record<string, RuleSetting>;
  helm: HelmConfig;
  kustomize: KustomizeConfig;
  /** Custom kinds that hold a pod spec, linted as workloads besides the built-in ones. */
  podTemplates: PodTemplateKind[];
  /** Only the rules of these frameworks run (`--framework` on the command line replaces it). */
  frameworks: FrameworkSelection[];
  /** `cache: false` renders every chart and overlay each run (`--no-cache` on the command line). */
  cache?: boolean;
  /** Rules written in CEL (`customRules:`), not yet compiled. */
  customRules: CustomRuleSpec[];
}

export const EMPTY_CONFIG: Config = { include: [], exclude: [], rules: {}, helm: {}, kustomize: {}, podTemplates: [], frameworks: [], customRules: [] };

/** A configuration mistake, with the place to fix it. Exit code 2. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }

  /** `file:line:col: message`, the way editors and people read it. */
  describe(): string {
    const where = [this.file, this.line, this.column].filter((part) => part !== undefined).join(":");
    return where ? `${where}: ${this.message}` : this.message;
  }
}

/** The nearest `.kubeward.yaml` in `dir` or a folder above it. */
export function findConfigFile(dir: string): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(current, name);
      if (existsSync(candidate)) return candidate;
    }
    if (path.dirname(current) === current) return undefined;
  }
}

/** The candidate nearest to `word` by edit distance, when near enough to be the one meant (a did-you-mean). */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0];
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const current = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length];
  };
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = distance(word, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}
