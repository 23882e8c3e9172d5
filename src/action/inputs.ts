import { getInput } from "@actions/core";
import { type FailLevel, FAIL_LEVELS } from "../core/severity.js";
import { FORMATS, type Format } from "../report/report.js";
import { FRAMEWORK_SELECTIONS, type FrameworkSelection } from "../core/framework-selection.js";

/** The action's inputs (action.yml), read and checked. */
export interface ActionInputs {
  paths: string[];
  config?: string;
  values: string[];
  kubeVersion?: string;
  format: Format;
  sarifFile: string;
  /** Write every result to the SARIF file, past GitHub code scanning's limits. */
  sarifAllResults: boolean;
  /** Unset: the config's `failOn`, else the default. */
  failOn?: FailLevel;
  annotations: boolean;
  onlyChanged: boolean;
  helm?: string;
  kustomize?: string;
  /** Unset: the config's `cache`, else on. */
  cache?: boolean;
  /** Only the rules of these frameworks; empty: the config's `frameworks:`, else every rule. */
  frameworks: FrameworkSelection[];
}

/** A wrong input value; the message names the input and what it accepts. */
export class InputError extends Error {}

const DEFAULT_SARIF_FILE = "kubeward.sarif";

function optional(name: string): string | undefined {
  return getInput(name) || undefined;
}

function list(name: string, separator: RegExp): string[] {
  return getInput(name)
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** The allowed value named, in any letter case. */
function oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
  const value = optional(name);
  if (value === undefined) return undefined;
  const found = allowed.find((candidate) => candidate === value.toLowerCase());
  if (found === undefined) throw new InputError(`input "${name}" must be one of ${allowed.join(", ")} (got "${value}")`);
  return found;
}

/** `true`/`false` the way YAML 1.2 and @actions/core spell them; empty means the default. */
function flag(name: string, fallback: boolean): boolean {
  const value = getInput(name);
  if (value === "") return fallback;
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new InputError(`input "${name}" must be true or false (got "${value}")`);
}

/** Reads every input from the INPUT_* variables the runner sets. */
export function readInputs(): ActionInputs {
  const paths = list("paths", /\s+/);
  return {
    paths: paths.length ? paths : ["."],
    config: optional("config"),
    values: list("values", /[\n,]/),
    kubeVersion: optional("kube-version"),
    format: oneOf("format", FORMATS) ?? "text",
    sarifFile: optional("sarif-file") ?? DEFAULT_SARIF_FILE,
    sarifAllResults: flag("sarif-all-results", false),
    failOn: oneOf("fail-on", FAIL_LEVELS),
    annotations: flag("annotations", true),
    onlyChanged: flag("only-changed", false),
    helm: optional("helm"),
    kustomize: optional("kustomize"),
    cache: getInput("cache") === "" ? undefined : flag("cache", true),
    frameworks: list("framework", /[\s,]+/).map((name) => {
      const found = FRAMEWORK_SELECTIONS.find((candidate) => candidate === name.toLowerCase());
      if (found === undefined) throw new InputError(`input "framework" must name frameworks of ${FRAMEWORK_SELECTIONS.join(", ")} (got "${name}")`);
      return found;
    }),
  };
}
