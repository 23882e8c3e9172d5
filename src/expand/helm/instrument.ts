/**
 * Instrumented copies of a chart, so helm itself says where each rendered line and value came from:
 * - a tagged copy, whose template lines end in a YAML comment naming the template file and line;
 * - a sentinel copy, whose values leaves are replaced by unique tokens that show up wherever the
 *   value is rendered.
 */
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { link, mkdir, readdir, realpath, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { dump, load } from "js-yaml";
import type { Path } from "../../core/types.js";
import { isRecord } from "../../core/json.js";
import { readChartInfo, type ValueSet } from "./render.js";
import { fasterKeyGeneration } from "./key-generation.js";
import { actionEnd } from "./template-actions.js";

/** ` #kw:<template id>:<line>` — appended to template lines of the tagged copy. */
export const LINE_TAG = / #kw:(\d+):(\d+)/g;
/** `kwv<id>x` — a values leaf of the sentinel copy (lower case: names are often lower-cased or DNS-checked). */
export const SENTINEL = /kwv(\d+)x/gi;
/** The namespace the instrumented copies are rendered into, so objects in the release namespace can be told apart. */
export const SENTINEL_NAMESPACE = "kubeward-release-namespace";

/** A template line of the real chart, by the id its tags carry. */
export interface TaggedLine {
  /** Absolute path of the template in the real chart. */
  file: string;
  line: number;
  /** The line is a template action whose output (toYaml, include …) ends where its tag lands. */
  emits: boolean;
}

export interface TaggedChart {
  dir: string;
  copy: PlannedCopy;
  /** Whether the copy changes the template at this chart-relative path (tags it, or makes its keys fast). */
  changes(template: string): boolean;
  /** The real template line behind a tag. */
  line(id: number, line: number): TaggedLine | undefined;
}

/** Where a sentinel's value is written. */
export type ValuesSource = { kind: "file"; file: string; path: Path } | { kind: "set"; path: Path };

export interface ValuesSentinel {
  source: ValuesSource;
  /** The value's path as the chart's templates see it from the top chart (`sub.x` for a subchart's `x`). */
  effective: Path;
  /** Helm's precedence: --set over -f files (the last one first) over the chart's values over its subcharts'. */
  rank: number;
}

export interface SentinelChart {
  dir: string;
  copy: PlannedCopy;
  valueSet: ValueSet;
  level: SentinelLevel;
  sentinels: ValuesSentinel[];
  /** The templates (chart-relative paths) whose keys the copy makes fast. */
  fastKeys: ReadonlySet<string>;
}

/** Chart folders of a chart and its unpacked subcharts, each with its values prefix (its name or alias) as the top chart sees it. */
export function chartTree(chartDir: string, prefix: Path = []): Array<{ dir: string; prefix: Path }> {
  const found = [{ dir: chartDir, prefix }];
  const chartsDir = path.join(chartDir, "charts");
  if (!existsSync(chartsDir)) return found;
  let dependencies: Array<{ name: string; alias?: string }>;
  try {
    dependencies = readChartInfo(chartDir).dependencies;
  } catch {
    dependencies = [];
  }
  for (const entry of readdirSync(chartsDir, { withFileTypes: true })) {
    const dir = path.join(chartsDir, entry.name);
    if (!entry.isDirectory() || !existsSync(path.join(dir, "Chart.yaml"))) continue;
    let name = entry.name;
    try {
      name = readChartInfo(dir).name;
    } catch {
      // An unreadable subchart fails the render itself; its values prefix does not matter then.
    }
    const dependency = dependencies.find((dep) => dep.name === name);
    found.push(...chartTree(dir, [...prefix, dependency?.alias ?? name]));
  }
  return found;
}

function templateFilesOf(chartDir: string): string[] {
  const templates = path.join(chartDir, "templates");
  if (!existsSync(templates)) return [];
  return readdirSync(templates, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ya?ml|tpl)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * A copy of a chart described before it is written: the chart, less the `removed` files, with the
 * `written` ones (both relative to the temporary folder, which holds the chart folder and extra
 * values files). The render cache keys a render of the copy by this description, so a copy whose
 * render is cached is never written (copying and deleting a chart costs more than reading a render back).
 */
export interface PlannedCopy {
  source: string;
  /** The new temporary folder; empty until `materialize`. */
  root: string;
  /** The chart's folder in the copy. */
  dir: string;
  written: Map<string, string>;
  removed: Set<string>;
  /** Writes the copy (once), with hard links to the unchanged files unless `linked` is false. */
  materialize: (linked?: boolean) => Promise<void>;
}

/**
 * Plans a copy of a chart in a new temporary folder, leaving out NOTES.txt and `dropped` templates (chart-relative
 * paths); `tree` is the chart's `chartTree`, when the caller has read it.
 */
export function planCopy(chartDir: string, label: string, dropped: ReadonlySet<string> = new Set(), tree = chartTree(chartDir)): PlannedCopy {
  const root = mkdtempSync(path.join(os.tmpdir(), `kubeward-${label}-`));
  const base = path.basename(chartDir);
  const written = new Map<string, string>();
  // NOTES.txt renders no objects, and its checks (e.g. "images were substituted") would trip over sentinels.
  const removed = new Set(tree.map((chart) => path.join(base, path.relative(chartDir, chart.dir), "templates", "NOTES.txt")));
  for (const template of dropped) removed.add(path.join(base, template));
  let made: Promise<void> | undefined;
  const make = async (linked: boolean): Promise<void> => {
    const copy = path.join(root, base);
    const replaced = new Set([...removed, ...written.keys()].map((file) => path.join(root, file)));
    if (!linked || !(await linkChart(chartDir, copy, replaced))) writableCopy(chartDir, copy);
    for (const file of removed) rmSync(path.join(root, file), { force: true });
    await Promise.all([...written].map(([file, text]) => writeFile(path.join(root, file), text)));
  };
  return {
    source: chartDir,
    root,
    dir: path.join(root, base),
    written,
    removed,
    materialize: (linked = true) => (made ??= make(linked)),
  };
}

/** Copies a chart's files to `copy`, writable: a chart checked out read-only is copied read-only, and the copy's templates and values must be rewritable. */
function writableCopy(chartDir: string, copy: string): void {
  rmSync(copy, { recursive: true, force: true });
  cpSync(chartDir, copy, { recursive: true, dereference: true });
  for (const entry of readdirSync(copy, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    chmodSync(file, statSync(file).mode | (entry.isDirectory() ? 0o700 : 0o600));
  }
  chmodSync(copy, statSync(copy).mode | 0o700);
}

/**
 * Fills `copy` with new folders and hard links to the chart's files (symlinks followed, as the copy
 * does), but for `replaced` ones (absolute paths in the copy), which the caller writes as new files or
 * leaves out: nothing is ever written through a link. Why: copying every file of a chart for each
 * instrumented render (and deleting it after) took about a third of the main thread's time in a cold
 * run of the corpus charts, blocking the spawns of other renders; a link is one metadata operation,
 * and done asynchronously it leaves the main thread free. False where links cannot be made (another
 * file system, one without them, Windows, where removing a read-only link would change the original's
 * mode): the caller then copies.
 */
async function linkChart(chartDir: string, copy: string, replaced: ReadonlySet<string>): Promise<boolean> {
  if (process.platform === "win32") return false;
  const walk = async (from: string, to: string, seen: ReadonlySet<string>): Promise<void> => {
    const real = await realpath(from);
    if (seen.has(real)) throw new Error(`symlink cycle at ${from}`);
    const inside = new Set([...seen, real]);
    await mkdir(to, { mode: 0o700 });
    const entries = await readdir(from, { withFileTypes: true });
    // Settled, not raced: the fallback copy must not start while a link is still being made (it would write through it).
    const done = await Promise.allSettled(
      entries.map(async (entry) => {
        const source = path.join(from, entry.name);
        const target = path.join(to, entry.name);
        // A plain file or folder is what its entry says, in the real folder: only symlinks need a stat and a realpath.
        const stats = entry.isSymbolicLink() ? await stat(source) : entry;
        if (stats.isDirectory()) await walk(source, target, inside);
        else if (!stats.isFile()) throw new Error(`not a regular file: ${source}`);
        else if (!replaced.has(target)) await link(entry.isSymbolicLink() ? await realpath(source) : path.join(real, entry.name), target);
      }),
    );
    const failed = done.find((outcome) => outcome.status === "rejected");
    if (failed) throw failed.reason;
  };
  try {
    await walk(chartDir, copy, new Set());
    return true;
  } catch {
    return false;
  }
}

/** Copies a chart into a new temporary folder, writable, leaving out NOTES.txt and `dropped` templates (chart-relative paths). */
export async function copyChart(chartDir: string, label: string, dropped: ReadonlySet<string> = new Set()): Promise<string> {
  const copy = planCopy(chartDir, label, dropped);
  // Not linked: the caller writes into the copy.
  await copy.materialize(false);
  return copy.dir;
}

/** Instrumented copies still being removed. */
const removals = new Set<Promise<void>>();

/**
 * Removes an instrumented copy in the background: its removal (a metadata operation per file) need
 * not hold up the main thread, which spawns and reads the other renders. `copiesRemoved` waits for it.
 */
export function removeCopy(copyDir: string): void {
  const removal = rm(path.dirname(copyDir), { recursive: true, force: true, maxRetries: 2 })
    .catch(() => undefined)
    .finally(() => removals.delete(removal));
  removals.add(removal);
}

/** Resolves once every copy `removeCopy` was given is gone (or could not be removed). */
export async function copiesRemoved(): Promise<void> {
  while (removals.size > 0) await Promise.all(removals);
}

const ACTION_OPEN = "{{";
const ACTION_CLOSE = "}}";
/** Actions that write nothing themselves. */
const CONTROL_ACTION = /^-?\s*(if|else|end|range|with|define|block|break|continue)\b|^-?\s*\/\*|^-?\s*\$[\w]*\s*:?=/;
const MULTI_LINE_OUTPUT = /\b(toYaml|toJson|toPrettyJson|include|template|tpl|n?indent)\b/;
const KEY_OR_ITEM = /^\s*(-\s+|-$|("[^"]*"|'[^']*'|[^\s#{}"'][^:#{}]*?):(\s|$))/;
const BLOCK_SCALAR = /(^|:\s+|^\s*-\s+)[|>][-+0-9]*\s*(#.*)?$/;

interface ScannedLine {
  /** Texts of the actions that close on this line (a multi-line action whole, on its last line). */
  actions: string[];
  /** The line starts inside an action opened on an earlier line. */
  openAtStart: boolean;
  /** An action is still open at the end of the line. */
  openAtEnd: boolean;
  /** The line with its actions taken out. */
  literal: string;
}

function scanTemplateLines(lines: readonly string[]): ScannedLine[] {
  const scanned: ScannedLine[] = lines.map(() => ({ actions: [], openAtStart: false, openAtEnd: false, literal: "" }));
  const text = lines.join("\n");
  let line = 0;
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf(ACTION_OPEN, i);
    const newline = text.indexOf("\n", i);
    if (newline !== -1 && (open === -1 || newline < open)) {
      scanned[line].literal += text.slice(i, newline);
      line++;
      i = newline + 1;
      continue;
    }
    if (open === -1) {
      scanned[line].literal += text.slice(i);
      break;
    }
    scanned[line].literal += text.slice(i, open);
    const end = actionEnd(text, open);
    const closed = text.startsWith(ACTION_CLOSE, end - ACTION_CLOSE.length) && end - open >= 4;
    const action = text.slice(open + ACTION_OPEN.length, closed ? end - ACTION_CLOSE.length : end);
    // An action spanning lines belongs, whole, to the line it closes on.
    for (let at = action.indexOf("\n"); at !== -1; at = action.indexOf("\n", at + 1)) {
      scanned[line].openAtEnd = true;
      line++;
      scanned[line].openAtStart = true;
    }
    scanned[line].actions.push(action.replace(/-$/, ""));
    if (!closed) scanned[line].openAtEnd = true;
    i = end;
  }
  return scanned;
}

/** Whether a scalar's text starts on this line after a key or list dash (`- description: a long text`). */
function startsScalarAfterKey(literal: string): boolean {
  let rest = literal;
  let keyed = false;
  for (let match = KEY_OR_ITEM.exec(rest); match; match = KEY_OR_ITEM.exec(rest)) {
    rest = rest.slice(match[0].length);
    keyed = true;
  }
  const value = rest.trim();
  return keyed && value !== "" && !/^[|>[{#]/.test(value);
}

/**
 * The lines of plain or quoted scalars that go on over more indented lines (`description: a long text`
 * folded onto the next lines, as CRDs have): a comment after any of them but the last would end the
 * scalar early, and helm then fails to read the document.
 */
function foldedScalarLines(lines: readonly string[], scanned: readonly ScannedLine[]): Set<number> {
  const folded = new Set<number>();
  const indentOf = (index: number): number => lines[index].length - lines[index].trimStart().length;
  const continuation = (after: number, keyIndent: number): number | undefined => {
    let next = after + 1;
    while (next < lines.length && lines[next].trim() === "") next++;
    if (next >= lines.length) return undefined;
    const { literal, openAtStart } = scanned[next];
    const text = literal.trim();
    if (openAtStart || text === "" || text.startsWith("#") || KEY_OR_ITEM.test(literal) || indentOf(next) <= keyIndent) return undefined;
    return next;
  };
  for (let index = 0; index < lines.length; index++) {
    if (folded.has(index) || !startsScalarAfterKey(scanned[index].literal)) continue;
    const keyIndent = indentOf(index);
    for (let next = continuation(index, keyIndent); next !== undefined; next = continuation(next, keyIndent)) folded.add(index).add(next);
  }
  return folded;
}

/**
 * Appends a tag to every template line whose output is one rendered YAML line, leaving alone what a
 * comment would change: block scalar content, scalars folded over several lines, multi-line actions,
 * lines whose newline is trimmed away (`-}}` at the end, or a `{{-` on the next line that pulls content
 * up), and helper bodies used inline.
 */
export function tagTemplate(text: string, tag: (line: number, emits: boolean) => string): string {
  const lines = text.split("\n");
  const bare = lines.map((line) => line.replace(/\r$/, ""));
  const scanned = scanTemplateLines(bare);
  const folded = foldedScalarLines(bare, scanned);
  const blocks: string[] = [];
  let blockScalarIndent = -1;
  return lines
    .map((raw, index) => {
      const line = raw.replace(/\r$/, "");
      const { actions, openAtStart: wasOpen, openAtEnd, literal } = scanned[index];
      const insideDefine = blocks.includes("define");
      for (const action of actions) {
        const opener = /^-?\s*(if|with|range|define|block)\b/.exec(action);
        if (opener) blocks.push(opener[1]);
        else if (/^-?\s*end\b/.test(action)) blocks.pop();
      }
      const indent = line.length - line.trimStart().length;
      const actionOnly = actions.length > 0 && literal.trim() === "";
      if (blockScalarIndent >= 0) {
        if (line.trim() === "" || actionOnly || wasOpen || indent > blockScalarIndent) return raw;
        blockScalarIndent = -1;
      }
      if (!wasOpen && !openAtEnd && BLOCK_SCALAR.test(literal.trimEnd())) blockScalarIndent = indent;
      if (wasOpen || openAtEnd || folded.has(index) || line.trim() === "" || /^\s*#/.test(line) || line.startsWith("---")) return raw;
      if (/-\}\}\s*$/.test(line)) return raw;
      const writes = actions.some((action) => !CONTROL_ACTION.test(action.trim()));
      if (actionOnly && !writes) return raw;
      // Output of these can span lines; its tag then ends the last one.
      const emits = actions.some((action) => MULTI_LINE_OUTPUT.test(action));
      if (insideDefine && (actionOnly ? !/\bn?indent\b/.test(line) : !KEY_OR_ITEM.test(line))) return raw;
      const next = lines[index + 1]?.trimStart() ?? "";
      if (next.startsWith("{{-")) {
        const nextAction = next.slice(3).split("}}")[0];
        if (!CONTROL_ACTION.test(nextAction.trim()) && !/\bnindent\b/.test(nextAction)) return raw;
      }
      const withTag = line + tag(index + 1, emits);
      return raw.endsWith("\r") ? `${withTag}\r` : withTag;
    })
    .join("\n");
}

/** Template texts with a placeholder where tagTemplate puts each tag, by text; see tagTemplateOnce. */
const placeholders = new Map<string, string>();
const PLACEHOLDER = /\uE000(\d+):([01])\uE000/g;
const MAX_PLACEHOLDERS = 5000;

/**
 * tagTemplate, scanning each template text once per process: the same templates were scanned for every
 * copy (a chart's own on each retry and value set, a vendored library chart's helpers in every chart
 * that has it), about 1.3 s of the main thread in a cold run of the corpus charts. A text that holds
 * the placeholder's private-use character is scanned directly.
 */
function tagTemplateOnce(text: string, tag: (line: number, emits: boolean) => string): string {
  if (text.includes("\uE000")) return tagTemplate(text, tag);
  let marked = placeholders.get(text);
  if (marked === undefined) {
    marked = tagTemplate(text, (line, emits) => `\uE000${line}:${emits ? 1 : 0}\uE000`);
    if (placeholders.size >= MAX_PLACEHOLDERS) placeholders.clear();
    placeholders.set(text, marked);
  }
  return marked.replace(PLACEHOLDER, (_, line: string, emits: string) => tag(Number(line), emits === "1"));
}

interface TaggedTemplate {
  file: string;
  emitting: Set<number>;
}

/**
 * A copy of the chart whose every template (subcharts and helpers too) carries line tags and makes its keys
 * fast (`fasterKeyGeneration`), but for the `untagged` ones (chart-relative paths), which are left as they are.
 */
export function tagChart(chartDir: string, untagged: ReadonlySet<string> = new Set()): TaggedChart {
  const tree = chartTree(chartDir);
  const copy = planCopy(chartDir, "tagged", new Set(), tree);
  const templates: TaggedTemplate[] = [];
  for (const { dir: original } of tree) {
    for (const file of templateFilesOf(original)) {
      const template = path.relative(chartDir, file);
      if (untagged.has(template)) continue;
      const id = templates.length;
      const emitting = new Set<number>();
      templates.push({ file, emitting });
      const text = readFileSync(file, "utf8");
      const withTags = tagTemplateOnce(text, (line, emits) => {
        if (emits) emitting.add(line);
        return ` #kw:${id}:${line}`;
      });
      // A template without a line to tag or a key to make stays as it is (linked, not written), and is not worth a retry untagged.
      const instrumented = fasterKeyGeneration(withTags);
      if (instrumented !== text) copy.written.set(path.join(path.basename(chartDir), template), instrumented);
    }
  }
  return {
    dir: copy.dir,
    copy,
    changes: (template) => copy.written.has(path.join(path.basename(chartDir), template)),
    line(id, line) {
      // The id comes from the rendered output, which need not be one of ours.
      const template = templates[id] as TaggedTemplate | undefined;
      return template ? { file: template.file, line, emits: template.emitting.has(line) } : undefined;
    },
  };
}

/**
 * How much of the values to replace: every truthy leaf and empty maps (marked); or truthy leaves only,
 * when markers trip a template (`range $k, $v` over a map); or strings only, when numbers trip one too.
 */
export type SentinelLevel = "truthy" | "scalars" | "strings";

/** The values tree with its leaves (and, at the truthy level, its empty maps as `{token: token}` markers) replaced by the tokens `add` gives. */
function sentinelTree(value: unknown, at: Path, level: SentinelLevel, add: (at: Path, original: unknown) => unknown): unknown {
  if (typeof value === "string") return value === "" ? value : add(at, value);
  // `enabled` switches are often dependency conditions, which helm wants as booleans.
  const isSwitch = at[at.length - 1] === "enabled";
  if (level !== "strings" && !isSwitch && (value === true || (typeof value === "number" && value !== 0))) return add(at, value);
  if (Array.isArray(value)) return value.map((item, index) => sentinelTree(item, [...at, index], level, add));
  if (isRecord(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) {
      if (level !== "truthy") return value;
      const token = add(at, value);
      return typeof token === "string" ? { [token]: token } : value;
    }
    return Object.fromEntries(entries.map(([key, item]) => [key, sentinelTree(item, [...at, key], level, add)]));
  }
  return value;
}

const COMPARED_VALUE = /\b(?:eq|ne)\s+(?:"[^"]*"\s+)?\(?\$?\.Values((?:\.[A-Za-z0-9_-]+)+)|\$?\.Values((?:\.[A-Za-z0-9_-]+)+)\s*\|\s*(?:eq|ne)\b/g;
/** `ternary "yes" "no" .Values.enableJournal`: ternary takes a boolean, and fails on a token. */
const TERNARY_CONDITION = /\bternary\s+(?:"[^"]*"|[^\s"()]+)\s+(?:"[^"]*"|[^\s"()]+)\s+\$?\.Values((?:\.[A-Za-z0-9_-]+)+)/g;

/**
 * Values paths (as the top chart sees them) that templates compare with `eq`/`ne` or choose by with
 * `ternary`: a sentinel there would switch the branch (`if eq .Values.kind "DaemonSet"`) or fail the
 * render, so they keep their values.
 */
function comparedValues(templates: readonly ChartTemplate[]): Set<string> {
  const compared = new Set<string>();
  for (const { prefix, text } of templates) {
    for (const match of text.matchAll(COMPARED_VALUE)) {
      compared.add([...prefix, ...((match[1] as string | undefined) ?? match[2]).slice(1).split(".")].join("."));
    }
    for (const match of text.matchAll(TERNARY_CONDITION)) compared.add([...prefix, ...match[1].slice(1).split(".")].join("."));
  }
  return compared;
}

const RANGE_OVER_VALUES = /\brange\s+\$\w+\s*,\s*\$(\w+)\s*:=\s*\$?\.Values((?:\.[A-Za-z0-9_-]+)+)/g;

/**
 * Values paths that templates range over as maps of maps (`range $name, $repo := .Values.repositories` and
 * then `$repo.url`, `range … $repo` or `with $repo`): an empty map's marker there makes an entry whose
 * value is a token, not a map, and the render fails; such maps stay empty. One whose entries are used as
 * strings (`{{ $name }}: {{ $value }}`) keeps its marker, which shows where the map is rendered.
 */
function mapsRangedAsMaps(templates: readonly ChartTemplate[]): Set<string> {
  const ranged = new Set<string>();
  for (const { prefix, text } of templates) {
    for (const match of text.matchAll(RANGE_OVER_VALUES)) {
      const entry = match[1];
      const usedAsMap = new RegExp(`\\$${entry}\\.[A-Za-z_]|\\b(?:range|with)\\s+(?:\\$\\w+\\s*(?:,\\s*\\$\\w+\\s*)?:=\\s*)?\\$${entry}\\b`);
      if (usedAsMap.test(text)) ranged.add([...prefix, ...match[2].slice(1).split(".")].join("."));
    }
  }
  return ranged;
}

interface ChartTemplate {
  /** Chart-relative path. */
  template: string;
  text: string;
  /** The values prefix of the (sub)chart it belongs to. */
  prefix: Path;
}

/** Every template of a chart and its unpacked subcharts, read once for all that a copy needs of them. */
function chartTemplates(chartDir: string, tree: ReturnType<typeof chartTree>): ChartTemplate[] {
  return tree.flatMap(({ dir, prefix }) =>
    templateFilesOf(dir).map((file) => ({ template: path.relative(chartDir, file), text: readFileSync(file, "utf8"), prefix })),
  );
}

/** Splits a `--set` argument at the commas that separate assignments (not escaped, not inside `{…}`). */
function splitAssignments(argument: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (let i = 0; i < argument.length; i++) {
    const char = argument[i];
    if (char === "\\" && i + 1 < argument.length) {
      current += char + argument[++i];
      continue;
    }
    if (char === "{") depth++;
    if (char === "}") depth--;
    if (char === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  return parts;
}

/** `a.b[0].c` (with `\.` for a literal dot) as a path. */
export function setKeyPath(key: string): Path {
  const segments: Array<string | number> = [];
  for (const part of key.split(/(?<!\\)\./)) {
    const indexed = /^(.*?)((?:\[\d+\])+)$/.exec(part);
    const name = (indexed ? indexed[1] : part).replace(/\\\./g, ".");
    if (name) segments.push(name);
    if (indexed) for (const index of indexed[2].matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}

/**
 * A copy of the chart (and of the value set's files and `--set` arguments) whose values leaves are
 * sentinels; values.schema.json files are dropped from it, since sentinels do not follow the schema.
 * Its templates make their keys fast (`fasterKeyGeneration`), but for the `slowKeys` ones.
 */
export function sentinelChart(
  chartDir: string,
  valueSet: ValueSet,
  level: SentinelLevel,
  kept: ReadonlySet<number> = new Set(),
  dropped: ReadonlySet<string> = new Set(),
  slowKeys: ReadonlySet<string> = new Set(),
): SentinelChart {
  const tree = chartTree(chartDir);
  const copy = planCopy(chartDir, "values", dropped, tree);
  const templates = chartTemplates(chartDir, tree);
  const fastKeys = new Set<string>();
  for (const { template, text } of templates) {
    if (dropped.has(template) || slowKeys.has(template)) continue;
    const fast = fasterKeyGeneration(text);
    if (fast === text) continue;
    fastKeys.add(template);
    copy.written.set(path.join(path.basename(chartDir), template), fast);
  }
  const sentinels: ValuesSentinel[] = [];
  const keptAsTheyAre = new Set([...comparedValues(templates), ...mapsRangedAsMaps(templates)]);
  // Kept values (ones a template refused as sentinels) stay as they are but keep their ids, so ids match across attempts.
  const register = <T>(source: ValuesSource, effective: Path, rank: number, original: T): T | string => {
    sentinels.push({ source, effective, rank });
    return kept.has(sentinels.length - 1) || keptAsTheyAre.has(effective.join(".")) ? original : `kwv${sentinels.length - 1}x`;
  };
  /** Writes the sentinel copy of a values file at `target` (relative to the copy's temporary folder). */
  const rewrite = (file: string, target: string, prefix: Path, rank: number): void => {
    const text = readFileSync(file, "utf8");
    const tree = text.replace(/^\s*#.*$/gm, "").trim() === "" ? {} : load(text);
    const replaced = sentinelTree(tree, [], level, (at, original) => register({ kind: "file", file, path: at }, [...prefix, ...at], rank, original));
    copy.written.set(target, dump(replaced ?? {}, { lineWidth: -1, noRefs: true }));
  };
  for (const chart of tree) {
    const copied = path.join(path.basename(chartDir), path.relative(chartDir, chart.dir));
    copy.removed.add(path.join(copied, "values.schema.json"));
    const values = path.join(chart.dir, "values.yaml");
    if (existsSync(values)) rewrite(values, path.join(copied, "values.yaml"), chart.prefix, -chart.prefix.length);
  }
  const valuesFiles = valueSet.valuesFiles.map((file, index) => {
    rewrite(file, `values-${index}.yaml`, [], 1 + index);
    return path.join(copy.root, `values-${index}.yaml`);
  });
  const set = valueSet.set.map((argument) =>
    splitAssignments(argument)
      .map((assignment) => {
        const equals = assignment.indexOf("=");
        if (equals === -1) return assignment;
        const key = assignment.slice(0, equals);
        const value = assignment.slice(equals + 1);
        const keep = value === "" || value === "null" || value === "false" || value === "0" || value.startsWith("{");
        if (keep || (level === "strings" && (value === "true" || !Number.isNaN(Number(value))))) return assignment;
        return `${key}=${register({ kind: "set", path: setKeyPath(key) }, setKeyPath(key), 1000, value)}`;
      })
      .join(","),
  );
  return { dir: copy.dir, copy, valueSet: { ...valueSet, valuesFiles, set }, level, sentinels, fastKeys };
}
