import path from "node:path";
import { displayPath } from "../discover/discover.js";
import { formatPath } from "../engine/finding.js";
import { parseManifest } from "../manifest/parse.js";
import { FILE_START, type InputProblem, type K8sObject, type Location, type Path, type RelatedLocation } from "../manifest/types.js";
import type { FileCache } from "./file-cache.js";
import { chartRelative, splitRenderedOutput, type ValueSet } from "./helm.js";
import { locateInTemplate, type ValuesReference } from "./template-locate.js";

export const RENDER_ERROR = "kubeward/render-error";

export interface RenderedChart {
  /** Absolute chart folder. */
  chartDir: string;
  cwd: string;
  valueSet: ValueSet;
  /** Name the value set in findings (the chart is rendered with more than one). */
  nameValueSet: boolean;
  files: FileCache;
}

/** Where a template lives: its chart (or subchart) folder and the values prefix the parent uses for it. */
interface TemplateHome {
  file: string;
  /** Chart folders from the rendered chart down to the template's own (sub)chart. */
  charts: string[];
  /** Names of the subcharts on the way down, e.g. ["cache"] for charts/cache/templates/x.yaml. */
  subcharts: string[];
}

function templateHome(chartDir: string, source: string): TemplateHome {
  const relative = chartRelative(source);
  const parts = relative.split("/");
  const charts = [chartDir];
  const subcharts: string[] = [];
  for (let i = 0; i + 1 < parts.length && parts[i] === "charts"; i += 2) {
    subcharts.push(parts[i + 1]);
    charts.push(path.join(charts[charts.length - 1], "charts", parts[i + 1]));
  }
  return { file: path.join(chartDir, relative), charts, subcharts };
}

interface ValuesHit {
  file: string;
  location: { region: Location["region"]; matched: number };
  wanted: number;
  dotted: string;
}

/**
 * The values file line that sets (or should set) `reference`: the value set's own files first (last one
 * wins in Helm), then each chart's values.yaml from the top chart down to the template's subchart.
 */
function findValues(chart: RenderedChart, home: TemplateHome, reference: ValuesReference): ValuesHit | undefined {
  const below = [...reference.valuesPath, ...reference.remainder];
  const candidates: Array<{ file: string; path: Path; required: number }> = [];
  for (const file of [...chart.valueSet.valuesFiles].reverse()) {
    candidates.push({ file, path: [...home.subcharts, ...below], required: home.subcharts.length + reference.valuesPath.length });
  }
  home.charts.forEach((dir, depth) => {
    const prefix = home.subcharts.slice(depth);
    candidates.push({ file: path.join(dir, "values.yaml"), path: [...prefix, ...below], required: prefix.length + reference.valuesPath.length });
  });
  let best: ValuesHit | undefined;
  for (const candidate of candidates) {
    const location = chart.files.yaml(candidate.file)?.locate(candidate.path);
    if (!location || location.matched < candidate.required) continue;
    const hit = { file: candidate.file, location, wanted: candidate.path.length, dotted: formatPath(below) };
    if (location.matched === candidate.path.length) return hit;
    // No file sets the full path: point at the chart's defaults, where the setting belongs.
    if (!best || path.basename(candidate.file) === "values.yaml") best = hit;
  }
  return best;
}

function helmLocation(chart: RenderedChart, object: K8sObject, home: TemplateHome, source: string, objectPath: Path): Location {
  const template = chart.files.file(home.file);
  if (!template) {
    return {
      file: displayPath(chart.cwd, path.join(chart.chartDir, "Chart.yaml")),
      region: FILE_START,
      note: ` (rendered from ${source}, which is not a file on disk)`,
      ignores: new Map(),
    };
  }
  const hit = locateInTemplate(template.source.text, object.kind, object.body, objectPath, chart.files.defines(chart.chartDir));
  const region = { startLine: hit.line, startColumn: hit.column, endLine: hit.line, endColumn: hit.endColumn };
  const ignores = new Map(template.ignoredOn(hit.line));
  const related: RelatedLocation[] = [];
  let note: string | undefined;
  const values = hit.values ? findValues(chart, home, hit.values) : undefined;
  if (values) {
    const file = displayPath(chart.cwd, values.file);
    const complete = values.location.matched === values.wanted;
    const message = complete ? `\`${values.dotted}\` is set here` : `\`${values.dotted}\` is not set; it belongs under this key`;
    related.push({ file, region: values.location.region, message });
    note = complete
      ? ` (value \`${values.dotted}\` from ${file}:${values.location.region.startLine})`
      : ` (from values: \`${values.dotted}\` is not set in ${file})`;
    for (const [rule, reason] of chart.files.file(values.file)?.ignoredOn(values.location.region.startLine) ?? []) ignores.set(rule, reason);
  }
  return { file: displayPath(chart.cwd, home.file), region, related, note, ignores };
}

/** Turns `helm template` output into objects that locate their fields in the chart's templates and values. */
export function renderedObjects(output: string, chart: RenderedChart): { objects: K8sObject[]; problems: InputProblem[] } {
  const objects: K8sObject[] = [];
  const problems: InputProblem[] = [];
  const chartDisplay = displayPath(chart.cwd, chart.chartDir);
  for (const document of splitRenderedOutput(output)) {
    const home = templateHome(chart.chartDir, document.source);
    const templateDisplay = document.source ? displayPath(chart.cwd, home.file) : chartDisplay;
    const parsed = parseManifest(templateDisplay, document.text);
    for (const problem of parsed.problems) {
      problems.push({ ...problem, region: FILE_START, message: `Helm rendered invalid YAML from this template: ${problem.message}` });
    }
    for (const object of parsed.objects) {
      objects.push({
        ...object,
        origin: {
          ...object.origin,
          chart: chartDisplay,
          template: chartRelative(document.source),
          valueSet: chart.nameValueSet ? chart.valueSet.name : undefined,
          scope: `helm:${chartDisplay}:${chart.valueSet.name}`,
        },
        locate: (objectPath) => helmLocation(chart, object, home, document.source, objectPath),
      });
    }
  }
  return { objects, problems };
}
