import path from "node:path";
import { displayPath } from "../../core/display-path.js";
import { formatPath, isRecord } from "../../core/json.js";
import { parseManifest } from "../../manifest/parse.js";
import { MISSING_API_VERSION_OR_KIND } from "../../core/diagnostics.js";
import { FILE_START, type InputProblem, type K8sObject, type Location, type Path, type Provenance, type ValuesSetting } from "../../core/types.js";
import type { FileCache } from "../file-cache.js";
import { chartRelative, splitRenderedOutput, type ValueSet } from "./render.js";
import { chartTree } from "./instrument.js";
import { documentKey, inReleaseNamespace, renderedFieldFacts, sentinelValues, taggedTemplateLine, type HelmEvidence, type ValuesKey } from "./provenance.js";
import { locateInTemplate, type ValuesReference } from "./template-locate.js";

export interface RenderedChart {
  /** Absolute chart folder. */
  chartDir: string;
  cwd: string;
  valueSet: ValueSet;
  /** Name the value set in findings (the chart is rendered with more than one). */
  nameValueSet: boolean;
  files: FileCache;
  /** What the tagged and sentinel renders of this value set say. */
  evidence: HelmEvidence;
}

/** Where a template lives: its chart (or subchart) folder and the values prefix the parent uses for it. */
interface TemplateHome {
  file: string;
  /** Chart folders from the rendered chart down to the template's own (sub)chart. */
  charts: string[];
  /** Names of the subcharts on the way down, e.g. ["cache"] for charts/cache/templates/x.yaml. */
  subcharts: string[];
}

/** Where helm's `# Source:` path lives on disk: helm names a subchart by its alias, its folder may differ. */
function templateHome(chartDir: string, source: string, tree: ReadonlyArray<{ dir: string; prefix: Path }>): TemplateHome {
  const parts = chartRelative(source).split("/");
  const charts = [chartDir];
  const subcharts: string[] = [];
  let i = 0;
  for (; i + 1 < parts.length && parts[i] === "charts"; i += 2) {
    subcharts.push(parts[i + 1]);
    const dir = tree.find((entry) => entry.prefix.join("/") === subcharts.join("/"))?.dir ?? path.join(charts[charts.length - 1], "charts", parts[i + 1]);
    charts.push(dir);
  }
  return { file: path.join(charts[charts.length - 1], ...parts.slice(i)), charts, subcharts };
}

/** The values file line of `key` (or of its deepest written parent) in `file`. */
function valuesSetting(chart: RenderedChart, file: string, key: Path, effective: Path): ValuesSetting {
  const location = chart.files.yaml(file)?.locate(key);
  const written = location?.matched === key.length;
  return { key: formatPath(key), setKey: formatPath(effective), written, file: displayPath(chart.cwd, file), region: location?.region };
}

/**
 * The values file line that sets (or should set) `reference`, guessed from template text: the value
 * set's own files first (last one wins in Helm), then each chart's values.yaml from the top chart down.
 */
function guessValues(chart: RenderedChart, home: TemplateHome, reference: ValuesReference): { file: string; path: Path; effective: Path } | undefined {
  const below = [...reference.valuesPath, ...reference.remainder];
  const candidates: Array<{ file: string; path: Path; required: number; effective: Path }> = [];
  const effective = [...home.subcharts, ...below];
  for (const file of [...chart.valueSet.valuesFiles].reverse()) {
    candidates.push({ file, path: effective, required: home.subcharts.length + reference.valuesPath.length, effective });
  }
  home.charts.forEach((dir, depth) => {
    const prefix = home.subcharts.slice(depth);
    candidates.push({ file: path.join(dir, "values.yaml"), path: [...prefix, ...below], required: prefix.length + reference.valuesPath.length, effective });
  });
  let best: { file: string; path: Path; effective: Path } | undefined;
  for (const candidate of candidates) {
    const location = chart.files.yaml(candidate.file)?.locate(candidate.path);
    if (!location || location.matched < candidate.required) continue;
    if (location.matched === candidate.path.length) return candidate;
    // No file sets the full path: point at the chart's defaults, where the setting belongs.
    if (!best || path.basename(candidate.file) === "values.yaml") best = candidate;
  }
  return best;
}

/** The column span of the key (or list item) a template line writes for `segment`. */
function spanOnLine(text: string, segment: string | number | undefined): { column: number; endColumn: number } {
  const content = text.replace(/\s+#.*$/, "").trimEnd();
  const indent = content.length - content.trimStart().length;
  let column = indent + 1;
  if (typeof segment === "string") {
    const keyAt = new RegExp(`(^|[\\s{,-])["']?${escapeRegExp(segment)}["']?\\s*:`).exec(content);
    if (keyAt) column = keyAt.index + keyAt[1].length + 1;
  }
  return { column, endColumn: Math.max(column, content.length + 1) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

interface Located {
  file: string;
  line: number;
  column: number;
  endColumn: number;
  values: ValuesSetting[];
  ignoreLines: Array<{ file: string; line: number }>;
  fallback?: string;
  /** What the fallback guessed: the location (and any values key), or only the values key. */
  guessed?: Provenance["guessed"];
}

/** Today's walk of template text, used only where the instrumented renders cannot tell. */
function locateByTemplateText(chart: RenderedChart, object: K8sObject, home: TemplateHome, objectPath: Path, reason: string, templateText: string): Located {
  const hit = locateInTemplate(templateText, object.kind, object.body, objectPath, chart.files.defines(chart.chartDir));
  const guessed = hit.values ? guessValues(chart, home, hit.values) : undefined;
  const values = guessed ? [valuesSetting(chart, guessed.file, guessed.path, guessed.effective)] : [];
  return {
    file: home.file,
    line: hit.line,
    column: hit.column,
    endColumn: hit.endColumn,
    values,
    ignoreLines: guessed ? [{ file: guessed.file, line: values[0].region?.startLine ?? 0 }] : [],
    fallback: reason,
    guessed: "location",
  };
}

function valuesFromSentinels(chart: RenderedChart, keys: readonly ValuesKey[]): { values: ValuesSetting[]; ignoreLines: Array<{ file: string; line: number }> } {
  const values: ValuesSetting[] = [];
  const ignoreLines: Array<{ file: string; line: number }> = [];
  for (const key of keys) {
    if (key.source.kind === "set") {
      values.push({ key: formatPath(key.path), setKey: formatPath(key.effective), written: true, fromSetArgument: true });
      continue;
    }
    const setting = valuesSetting(chart, key.source.file, key.path, key.effective);
    values.push(setting);
    if (setting.region) ignoreLines.push({ file: key.source.file, line: setting.region.startLine });
  }
  return { values, ignoreLines };
}

function locateByRenders(chart: RenderedChart, object: K8sObject, home: TemplateHome, key: string, objectPath: Path, templateText: string): Located {
  const { evidence } = chart;
  const template = taggedTemplateLine(evidence, key, object.body, objectPath);
  // A missing child of a node whose children are literal template lines belongs in the template.
  const writtenByTemplate = (prefix: Path): boolean => {
    const children = taggedTemplateLine(evidence, key, object.body, [...prefix, ...firstChild(object.body, prefix)]);
    return children.ok && children.depth > prefix.length && !children.line.emits;
  };
  const answer = sentinelValues(evidence, key, object.body, objectPath, writtenByTemplate);
  if (!template.ok) {
    const guessed = locateByTemplateText(chart, object, home, objectPath, template.reason, templateText);
    return answer.ok ? { ...guessed, ...valuesFromSentinels(chart, answer.keys) } : guessed;
  }
  const text = chart.files.file(template.line.file)?.source.lineText(template.line.line) ?? "";
  const span = spanOnLine(text, objectPath[template.depth - 1]);
  const located: Located = { file: template.line.file, line: template.line.line, ...span, values: [], ignoreLines: [] };
  if (answer.ok) return { ...located, ...valuesFromSentinels(chart, answer.keys) };
  const written = writtenValuesOnLine(chart, home, text, objectPath);
  const values = written ? [written.setting] : [];
  const ignoreLines = written?.setting.region ? [{ file: written.file, line: written.setting.region.startLine }] : [];
  return { ...located, values, ignoreLines, fallback: answer.reason, guessed: "values key" };
}

/**
 * The values key that the one `.Values` reference on the exact template line reads, when the values
 * render cannot say: the reference followed by the longest tail of the field's path that a values
 * file writes in full. Nothing when no file writes it: an unwritten guess would be a wrong pointer.
 */
function writtenValuesOnLine(chart: RenderedChart, home: TemplateHome, text: string, objectPath: Path): { setting: ValuesSetting; file: string } | undefined {
  const references = [...text.matchAll(/\$?\.Values((?:\.[A-Za-z0-9_-]+)+)/g)];
  if (references.length !== 1) return undefined;
  const valuesPath = references[0][1].slice(1).split(".");
  for (let tail = objectPath.length; tail >= 0; tail--) {
    const guessed = guessValues(chart, home, { valuesPath, remainder: objectPath.slice(objectPath.length - tail) });
    if (!guessed) continue;
    const setting = valuesSetting(chart, guessed.file, guessed.path, guessed.effective);
    if (setting.written) return { setting, file: guessed.file };
  }
  return undefined;
}

function firstChild(body: unknown, prefix: Path): Path {
  let node = body;
  for (const segment of prefix) node = Array.isArray(node) ? node[segment as number] : isRecord(node) ? node[segment as string] : undefined;
  if (Array.isArray(node)) return node.length > 0 ? [0] : [];
  if (isRecord(node)) {
    const first = Object.keys(node).at(0);
    return first === undefined ? [] : [first];
  }
  return [];
}

function helmLocation(chart: RenderedChart, object: K8sObject, home: TemplateHome, source: string, key: string, objectPath: Path): Location {
  const template = chart.files.file(home.file);
  if (!template) {
    return {
      file: displayPath(chart.cwd, path.join(chart.chartDir, "Chart.yaml")),
      region: FILE_START,
      provenance: { values: [], renderedFrom: source },
      ignores: new Map(),
    };
  }
  const located = locateByRenders(chart, object, home, key, objectPath, template.source.text);
  const region = { startLine: located.line, startColumn: located.column, endLine: located.line, endColumn: located.endColumn };
  const ignores = new Map(chart.files.file(located.file)?.ignoredOn(located.line) ?? []);
  for (const { file, line } of located.ignoreLines) for (const [rule, reason] of chart.files.file(file)?.ignoredOn(line) ?? []) ignores.set(rule, reason);
  const provenance: Provenance = { values: located.values };
  if (located.fallback) {
    provenance.fallback = located.fallback;
    provenance.guessed = located.guessed;
  }
  return { file: displayPath(chart.cwd, located.file), region, provenance, ignores };
}

/** Turns `helm template` output into objects that locate their fields in the chart's templates and values. */
export function renderedObjects(output: string, chart: RenderedChart): { objects: K8sObject[]; problems: InputProblem[] } {
  const objects: K8sObject[] = [];
  const problems: InputProblem[] = [];
  const chartDisplay = displayPath(chart.cwd, chart.chartDir);
  const ordinals = new Map<string, number>();
  const tree = chartTree(chart.chartDir);
  for (const document of splitRenderedOutput(output)) {
    const ordinal = ordinals.get(document.source) ?? 0;
    ordinals.set(document.source, ordinal + 1);
    const home = templateHome(chart.chartDir, document.source, tree);
    const templateDisplay = document.source ? displayPath(chart.cwd, home.file) : chartDisplay;
    const parsed = parseManifest(templateDisplay, document.text);
    for (const problem of parsed.problems) {
      const what = problem.ruleId === MISSING_API_VERSION_OR_KIND ? "an object without its apiVersion or kind" : "invalid YAML";
      problems.push({ ...problem, region: FILE_START, message: `Helm rendered ${what} from this template: ${problem.message}` });
    }
    for (const object of parsed.objects) {
      const key = documentKey(document.source, ordinal, object.origin.itemIndex);
      const origin: K8sObject["origin"] = {
        ...object.origin,
        chart: chartDisplay,
        template: chartRelative(document.source),
        valueSet: chart.nameValueSet ? chart.valueSet.name : undefined,
        scope: `helm:${chartDisplay}:${chart.valueSet.name}`,
      };
      if (inReleaseNamespace(chart.evidence, key)) origin.releaseNamespace = true;
      const facts = renderedFieldFacts(chart.evidence, key, object.body);
      if (facts.releaseNamespace.length) origin.releaseNamespaceFields = facts.releaseNamespace;
      if (facts.generated.length) origin.generatedFields = facts.generated;
      objects.push({ ...object, origin, locate: (objectPath) => helmLocation(chart, object, home, document.source, key, objectPath) });
    }
  }
  return { objects, problems };
}
