import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { Minimatch } from "minimatch";
import { type InputProblem, FILE_START } from "../core/types.js";
import { UNREADABLE_FILE } from "../core/diagnostics.js";
import { describeReadError } from "../core/read-error.js";
import { CONFIG_FILE_NAMES, KUSTOMIZATION_FILE_NAMES } from "../core/file-names.js";
import { displayPath } from "../core/display-path.js";

const CHART_FILE = "Chart.yaml";

/** The nearest folder at or above `file`'s folder that holds a Chart.yaml, up to `stop`. */
function enclosingChart(file: string, stop: string): string | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, CHART_FILE))) {
      // A subchart is rendered by its parent: keep climbing while the folder sits in a parent's charts/.
      const parent = path.dirname(path.dirname(dir));
      const inParent = path.basename(path.dirname(dir)) === "charts" && existsSync(path.join(parent, CHART_FILE));
      return inParent ? enclosingChart(path.join(parent, CHART_FILE), stop) : dir;
    }
    if (dir === stop || path.dirname(dir) === dir) return undefined;
  }
}

/** The nearest folder at or above `file`'s folder that holds a kustomization file. */
function enclosingKustomization(file: string): string | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (KUSTOMIZATION_FILE_NAMES.some((name) => statSync(path.join(dir, name), { throwIfNoEntry: false })?.isFile())) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Whether a path leads to a folder; false for a dangling link or a link loop (reported when the file is read). */
function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** Something to lint: a manifest file, standard input, a Helm chart, or a Kustomize overlay. */
export type Source =
  | { kind: "manifests"; file: string; display: string }
  | { kind: "stdin"; display: "-" }
  | { kind: "helm"; dir: string; display: string }
  | { kind: "kustomize"; dir: string; display: string };

export interface Discovery {
  sources: Source[];
  problems: InputProblem[];
}

/** Glob patterns (minimatch) and the folder they are relative to. */
export interface Globs {
  patterns: readonly string[];
  /** Absolute folder: the config file's folder for its globs, the working directory for the command line's. */
  base: string;
}

export interface DiscoverOptions {
  cwd: string;
  /** A walked file must match one of these, when any are given. */
  include: Globs;
  /** Each drops the files and whole folders it matches. */
  exclude: readonly Globs[];
}

export const DEFAULT_EXCLUDES = ["node_modules", ".git"];
const MANIFEST_EXTENSIONS = /\.(ya?ml|json)$/i;

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

/**
 * The glob package, imported only for an input that is not an existing path: most runs name files and
 * folders, and loading it was a tenth of the start-up time.
 */
function globLibrary(): Promise<typeof import("glob")> {
  return import("glob");
}

/** Turns CLI inputs (files, folders, globs, "-") into the list of sources to lint, in a stable order. */
export async function discover(inputs: readonly string[], options: DiscoverOptions): Promise<Discovery> {
  const excludeSets = [{ patterns: DEFAULT_EXCLUDES, base: options.cwd }, ...options.exclude]
    .filter((set) => set.patterns.length > 0)
    .map((set) => ({ base: set.base, matchers: matchers(set.patterns) }));
  const includes = options.include.patterns.map((pattern) => new Minimatch(pattern, { dot: true }));
  const isExcluded = (absolute: string): boolean =>
    excludeSets.some((set) => matchesAnyPrefix(displayPath(set.base, absolute), set.matchers));
  const isIncluded = (absolute: string): boolean =>
    includes.length === 0 || includes.some((pattern) => pattern.match(displayPath(options.include.base, absolute)));

  const files = new Set<string>();
  const charts = new Set<string>();
  const kustomizations = new Set<string>();
  // A file that belongs to a chart is linted by rendering the chart, never as raw YAML. A file inside
  // a kustomization's folder brings in the whole kustomization, as walking that folder would; the
  // file itself is linted through the kustomizations of the run that use it, and never on its own.
  const addFile = (file: string): void => {
    const chart = enclosingChart(file, path.parse(file).root);
    if (chart) {
      charts.add(chart);
      return;
    }
    const kustomization = enclosingKustomization(file);
    if (kustomization) kustomizations.add(kustomization);
    if (!KUSTOMIZATION_FILE_NAMES.includes(path.basename(file) as never)) files.add(file);
  };
  const problems: InputProblem[] = [];
  let stdin = false;
  // kubeward's own config is YAML but never a manifest.
  const isConfigFile = (file: string): boolean => CONFIG_FILE_NAMES.includes(path.basename(file));
  const expandGlob = async (pattern: string): Promise<void> => {
    const { glob } = await globLibrary();
    const found = await glob(pattern, {
      cwd: options.cwd,
      absolute: true,
      nodir: true,
      dot: true,
      follow: false,
      ignore: { childrenIgnored: (entry) => isExcluded(entry.fullpath()) },
    });
    // Like a path that does not exist: a typo in a pattern must not pass as a clean run.
    if (found.length === 0) {
      const message = "No file matches this pattern; check it, and quote it so that kubeward expands it rather than the shell.";
      problems.push({ ruleId: UNREADABLE_FILE, file: pattern, region: FILE_START, message });
    }
    for (const file of found) if (!isConfigFile(file) && !isExcluded(file) && isIncluded(file)) addFile(file);
  };
  /**
   * Every manifest below a folder. Links to folders are followed, each real folder walked once (no
   * loops, no file linted twice), real folders before links so a file is named by its real place
   * when it has one in the walk; a folder that cannot be read is reported rather than passed over in silence.
   * Returns whether a link to a folder was followed.
   */
  const walked = new Set<string>();
  const walkFolder = (root: string): boolean => {
    const pending = [root];
    const links: string[] = [];
    let followedLinks = false;
    for (let folder = pending.pop() ?? links.shift(); folder !== undefined; folder = pending.pop() ?? links.shift()) {
      let real: string;
      let entries;
      try {
        real = realpathSync(folder);
        entries = readdirSync(folder, { withFileTypes: true });
      } catch (error) {
        const message = `Cannot read the folder: ${describeReadError(error)}; nothing in it was linted.`;
        problems.push({ ruleId: UNREADABLE_FILE, file: displayPath(options.cwd, folder), region: FILE_START, message });
        continue;
      }
      if (walked.has(real)) continue;
      walked.add(real);
      if (entries.some((entry) => entry.name === CHART_FILE && !entry.isDirectory())) {
        const chart = enclosingChart(path.join(folder, CHART_FILE), root) ?? folder;
        if (isIncluded(path.join(chart, CHART_FILE)) || isIncluded(chart)) charts.add(chart);
        continue;
      }
      if (entries.some((entry) => KUSTOMIZATION_FILE_NAMES.includes(entry.name as never) && !entry.isDirectory())) kustomizations.add(folder);
      for (const entry of entries) {
        const full = path.join(folder, entry.name);
        if (isExcluded(full)) continue;
        if (entry.isDirectory()) pending.push(full);
        else if (entry.isSymbolicLink() && isFolder(full)) {
          links.push(full);
          followedLinks = true;
        }
        else if (MANIFEST_EXTENSIONS.test(entry.name) && !isConfigFile(full) && isIncluded(full)) files.add(full);
      }
    }
    return followedLinks;
  };

  let followedLinks = false;
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
      // A named folder is excluded as a walked one is: a chart or overlay too, and a folder inside one.
      if (isExcluded(absolute)) continue;
      const chart = enclosingChart(path.join(absolute, CHART_FILE), path.parse(absolute).root);
      if (chart) {
        charts.add(chart);
      } else {
        // A folder inside a kustomization's folder brings in that kustomization, as a file in it does.
        const kustomization = enclosingKustomization(absolute);
        if (kustomization) kustomizations.add(kustomization);
        if (walkFolder(absolute)) followedLinks = true;
      }
    } else if (stats?.isFile()) {
      if (!isExcluded(absolute)) addFile(absolute);
    } else if (!stats && (await globLibrary()).hasMagic(input, { windowsPathsNoEscape: true })) {
      await expandGlob(input);
    } else {
      problems.push({
        ruleId: UNREADABLE_FILE,
        file: displayPath(options.cwd, absolute),
        region: FILE_START,
        message: stats ? "Not a regular file or folder; it was not linted." : "No such file or folder; check the path given to kubeward.",
      });
    }
  }

  // Through links a file can be found under two names: lint it once, by its real place when that is one of them.
  if (followedLinks) {
    const byReal = new Map<string, string>();
    for (const file of [...files].sort()) {
      let real = file;
      try {
        real = realpathSync(file);
      } catch {
        // A dangling link is reported when it is read.
      }
      const known = byReal.get(real);
      if (known === undefined || (known !== real && file === real)) byReal.set(real, file);
    }
    files.clear();
    for (const file of byReal.values()) files.add(file);
  }

  const sources: Source[] = [
    ...[...charts].sort().map((dir) => ({ kind: "helm" as const, dir, display: displayPath(options.cwd, dir) })),
    ...[...kustomizations].sort().map((dir) => ({ kind: "kustomize" as const, dir, display: displayPath(options.cwd, dir) })),
    ...[...files].sort().map((file) => ({ kind: "manifests" as const, file, display: displayPath(options.cwd, file) })),
  ];
  if (stdin) sources.push({ kind: "stdin", display: "-" });
  return { sources, problems };
}
