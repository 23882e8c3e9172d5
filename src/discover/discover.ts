import { statSync } from "node:fs";
import path from "node:path";
import { glob, hasMagic } from "glob";
import { Minimatch } from "minimatch";
import type { InputProblem } from "../manifest/types.js";
import { FILE_START } from "../manifest/types.js";
import { UNREADABLE_FILE } from "../manifest/read.js";

/** Something to lint. */
export type Source = { kind: "manifests"; file: string; display: string } | { kind: "stdin"; display: "-" };

export interface Discovery {
  sources: Source[];
  problems: InputProblem[];
}

export interface DiscoverOptions {
  cwd: string;
  /** Globs (minimatch) a walked file must match, when any are given. */
  include: readonly string[];
  /** Globs (minimatch) that drop a file or a whole folder. */
  exclude: readonly string[];
}

export const DEFAULT_EXCLUDES = ["node_modules", ".git"];
const MANIFEST_EXTENSIONS = /\.(ya?ml|json)$/i;

/** Path as shown to people and written to SARIF: relative to the working directory, forward slashes. */
export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file) || path.basename(file);
  return relative.split(path.sep).join("/");
}

function matchers(patterns: readonly string[]): Minimatch[] {
  return patterns.map((pattern) => new Minimatch(pattern.replace(/\/+$/, ""), { dot: true, matchBase: !pattern.includes("/") }));
}

/** True when the path or any folder above it matches one of the patterns. */
function matchesAnyPrefix(relative: string, patterns: readonly Minimatch[]): boolean {
  const parts = relative.split("/");
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join("/");
    if (patterns.some((pattern) => pattern.match(prefix))) return true;
  }
  return false;
}

/** Turns CLI inputs (files, folders, globs, "-") into the list of sources to lint, in a stable order. */
export async function discover(inputs: readonly string[], options: DiscoverOptions): Promise<Discovery> {
  const excludes = matchers([...DEFAULT_EXCLUDES, ...options.exclude]);
  const includes = options.include.map((pattern) => new Minimatch(pattern, { dot: true }));
  const isExcluded = (display: string): boolean => matchesAnyPrefix(display, excludes);
  const isIncluded = (display: string): boolean => includes.length === 0 || includes.some((pattern) => pattern.match(display));

  const files = new Set<string>();
  const problems: InputProblem[] = [];
  let stdin = false;
  const walkFiles = async (pattern: string, cwd: string, manifestsOnly: boolean): Promise<void> => {
    const found = await glob(pattern, {
      cwd,
      absolute: true,
      nodir: true,
      dot: true,
      follow: false,
      ignore: { childrenIgnored: (entry) => isExcluded(displayPath(options.cwd, entry.fullpath())) },
    });
    for (const file of found) {
      const display = displayPath(options.cwd, file);
      if (manifestsOnly && !MANIFEST_EXTENSIONS.test(file)) continue;
      if (!isExcluded(display) && isIncluded(display)) files.add(file);
    }
  };

  for (const input of inputs) {
    if (input === "-") {
      stdin = true;
      continue;
    }
    const absolute = path.resolve(options.cwd, input);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      stats = undefined;
    }
    if (stats?.isDirectory()) {
      await walkFiles("**/*", absolute, true);
    } else if (stats?.isFile()) {
      if (!isExcluded(displayPath(options.cwd, absolute))) files.add(absolute);
    } else if (!stats && hasMagic(input, { windowsPathsNoEscape: true })) {
      await walkFiles(input, options.cwd, false);
    } else {
      problems.push({
        ruleId: UNREADABLE_FILE,
        file: displayPath(options.cwd, absolute),
        region: FILE_START,
        message: stats ? "Not a regular file or folder; it was not linted." : "No such file or folder; check the path given to kubeward.",
      });
    }
  }

  const sources: Source[] = [...files]
    .sort()
    .map((file) => ({ kind: "manifests" as const, file, display: displayPath(options.cwd, file) }));
  if (stdin) sources.push({ kind: "stdin", display: "-" });
  return { sources, problems };
}
