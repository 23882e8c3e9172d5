import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { displayPath } from "../core/display-path.js";
import { parseManifest } from "../manifest/parse.js";
import type { SourceText } from "../manifest/text.js";
import { FILE_START, type InputProblem, type K8sObject, type SkippedDocument } from "../core/types.js";
import { createFileCache, type FileCache } from "./file-cache.js";
import { readChartInfo, renderChart, type HelmSettings, type RenderResult, type ValueSet } from "./helm/render.js";
import { RENDER_ERROR, TOOL_MISSING, KUSTOMIZE_ERROR, REMOTE_BASE } from "../core/diagnostics.js";
import { renderedObjects } from "./helm/objects.js";
import { copiesRemoved } from "./helm/instrument.js";
import { gatherEvidence, type HelmEvidence } from "./helm/provenance.js";
import { renderErrorProblem } from "./helm/render-error.js";
import { buildInputs, buildKustomization } from "./kustomize/build.js";
import { findKustomizationFile } from "./kustomize/kustomization-file.js";
import { createSourceMapper } from "./kustomize/map.js";
import type { KustomizationTree, RemoteReference, ResourceFileCache } from "./kustomize/model.js";
import { readKustomizationTree } from "./kustomize/read.js";
import { rootKustomizations } from "./kustomize/roots.js";
import { createRenderCache, renderCacheDir, type RenderCache, type RenderCacheStats } from "./render-cache.js";
import { INSTALL_HINTS, findOnPath, isExecutable, mapBounded, type ToolName } from "./tools.js";

/** A chart's value sets as configured: name → values files (absolute). */
export interface ChartValueSets {
  chartDir: string;
  valueSets: Record<string, string[]>;
}

export interface ExpandSettings {
  cwd: string;
  /** Where KUBEWARD_HELM, KUBEWARD_KUSTOMIZE and PATH are read from. */
  env: Readonly<Record<string, string | undefined>>;
  helm: {
    binary?: string;
    releaseName: string;
    namespace?: string;
    kubeVersion?: string;
    apiVersions: string[];
    /** `--values` files from the command line (absolute), applied after each value set's own files. */
    valuesFiles: string[];
    set: string[];
    /** Also render with each ci/*-values.yaml of a chart. */
    ciValues: boolean;
    dependencyUpdate: boolean;
    charts: ChartValueSets[];
  };
  kustomize: { binary?: string; enableHelm: boolean };
  /** Read unchanged renders back from the render cache (see render-cache.ts) and store new ones; off unless true. */
  cache?: boolean;
}

/** Time spent on one chart or overlay, and how much of it inside helm or kubectl. */
export interface ExpansionTiming {
  kind: "helm" | "kustomize";
  display: string;
  toolMs: number;
  totalMs: number;
}

export interface Expansion {
  objects: K8sObject[];
  problems: InputProblem[];
  skipped: SkippedDocument[];
  /**
   * Why a file (absolute) is not linted as a plain manifest, or undefined when it is: a kustomization
   * uses it (linting it again would report twice), or it sits in a Kustomize tree none of whose
   * kustomizations lists it (a patch left commented out is no object Kustomize builds).
   */
  skipReason(file: string): string | undefined;
  timings: ExpansionTiming[];
  /**
   * The chart and Kustomize files read so far to locate findings (templates, values files, patches,
   * resources), with their text; objects are located lazily, so ask after linting.
   */
  sourcesRead(): Array<{ file: string; source: SourceText }>;
  /** How the render cache did, when it was on. */
  renderCache?: RenderCacheStats;
}

/** The binary to run: the one named on the command line, else in KUBEWARD_<TOOL>, else on PATH; a relative path is taken from `cwd`. */
function resolveBinary(tool: ToolName, explicit: string | undefined, { cwd, env }: ExpandSettings): { binary?: string; looked: string } {
  const variable = `KUBEWARD_${tool.toUpperCase()}`;
  const configured = explicit ?? env[variable];
  if (configured) {
    const binary = path.resolve(cwd, configured);
    return { binary: isExecutable(binary) ? binary : undefined, looked: `${binary}, given by ${explicit ? `--${tool}` : variable}, is not an executable file` };
  }
  const searchPath = env.PATH ?? "";
  const onPath = tool === "kustomize" ? (findOnPath("kustomize", searchPath) ?? findOnPath("kubectl", searchPath)) : findOnPath(tool, searchPath);
  return { binary: onPath, looked: `neither --${tool}, ${variable} nor PATH provides it` };
}

function valueSetsFor(chartDir: string, settings: ExpandSettings["helm"]): ValueSet[] {
  const configured = settings.charts.find((entry) => path.resolve(entry.chartDir) === chartDir);
  const sets: ValueSet[] = configured
    ? Object.entries(configured.valueSets).map(([name, files]) => ({ name, valuesFiles: [...files, ...settings.valuesFiles], set: settings.set }))
    : [{ name: settings.valuesFiles.length ? settings.valuesFiles.map((file) => path.basename(file)).join("+") : "default", valuesFiles: settings.valuesFiles, set: settings.set }];
  if (settings.ciValues) {
    const ciDir = path.join(chartDir, "ci");
    const ciFiles = existsSync(ciDir) ? readdirSync(ciDir).filter((name) => /-values\.ya?ml$/.test(name)).sort() : [];
    for (const name of ciFiles) sets.push({ name: `ci/${name}`, valuesFiles: [path.join(ciDir, name), ...settings.valuesFiles], set: settings.set });
  }
  return sets;
}

function missingTool(tool: ToolName, looked: string, file: string, what: string): InputProblem {
  return {
    ruleId: TOOL_MISSING,
    file,
    region: FILE_START,
    message: `${tool} was not found (${looked}), so this ${what} was not linted: ${INSTALL_HINTS[tool]}.`,
  };
}

/** What a chart's value set or an overlay gives. */
type JobResult = Partial<Expansion> & { timing: ExpansionTiming };

/** A chart ready to render: its value sets, each rendered as a job of its own. */
interface PreparedChart {
  chartDir: string;
  helm: HelmSettings;
  valueSets: ValueSet[];
}

/** Reads a chart's Chart.yaml and finds helm: the value sets to render, or why there is nothing to render. */
function prepareChart(chartDir: string, settings: ExpandSettings, cache: RenderCache | undefined): PreparedChart | Partial<Expansion> {
  const chartFile = displayPath(settings.cwd, path.join(chartDir, "Chart.yaml"));
  let info;
  try {
    info = readChartInfo(chartDir);
  } catch (error) {
    const message = `Chart.yaml cannot be read: ${(error as Error).message.split("\n")[0]}`;
    return { problems: [{ ruleId: RENDER_ERROR, file: chartFile, region: FILE_START, message }] };
  }
  if (info.type === "library") {
    return { skipped: [{ file: chartFile, reason: "a library chart renders no objects of its own; it is linted through the charts that use it" }] };
  }
  const { binary, looked } = resolveBinary("helm", settings.helm.binary, settings);
  if (!binary) return { problems: [missingTool("helm", looked, chartFile, "chart")] };
  // `helm dependency build` may fetch charts and rewrites charts/ while other value sets render: such a chart is not cached.
  const chartCache = settings.helm.dependencyUpdate ? undefined : cache;
  return { chartDir, helm: { ...settings.helm, binary, cache: chartCache }, valueSets: valueSetsFor(chartDir, settings.helm) };
}

type Rendered = { result: Extract<RenderResult, { ok: false }> } | { result: Extract<RenderResult, { ok: true }>; evidence: HelmEvidence; evidenceMs: number };

/**
 * The real render and the instrumented ones, started together: the instrumented renders need the real
 * one only when --dependency-update fetches what they copy, or when a sentinel render fails (see
 * gatherEvidence). Started after it, they made each value set take the sum of two renders instead of
 * the longer one. When the real render fails, the instrumented ones are waited for (no helm outlives
 * its job) and not used.
 */
async function renderWithEvidence(chartDir: string, valueSet: ValueSet, helm: HelmSettings): Promise<Rendered> {
  if (helm.dependencyUpdate) {
    const result = await renderChart(chartDir, valueSet, helm);
    if (!result.ok) return { result };
    const { evidence, ms } = await gatherEvidence(chartDir, valueSet, helm, Promise.resolve(result.output));
    return { result, evidence, evidenceMs: ms };
  }
  const real = renderChart(chartDir, valueSet, helm);
  const [result, { evidence, ms }] = await Promise.all([real, gatherEvidence(chartDir, valueSet, helm, real.then((done) => (done.ok ? done.output : "")))]);
  return result.ok ? { result, evidence, evidenceMs: ms } : { result };
}

/** Renders a chart with one value set (and its instrumented copies), and reads its objects. */
async function expandValueSet(chart: PreparedChart, valueSet: ValueSet, settings: ExpandSettings, files: FileCache): Promise<JobResult> {
  const started = performance.now();
  const { chartDir, helm, valueSets } = chart;
  const nameValueSet = valueSets.length > 1;
  const timing = (toolMs: number): ExpansionTiming => ({ kind: "helm", display: displayPath(settings.cwd, chartDir), toolMs, totalMs: performance.now() - started });
  const render = await renderWithEvidence(chartDir, valueSet, helm);
  if (!("evidence" in render)) {
    const problem = await renderErrorProblem(render.result.failure, { chartDir, cwd: settings.cwd, valueSet, nameValueSet, helm });
    return { problems: [problem], timing: timing(render.result.ms) };
  }
  const { result, evidence, evidenceMs } = render;
  const rendered = renderedObjects(result.output, { chartDir, cwd: settings.cwd, valueSet, nameValueSet, files, evidence });
  return { objects: rendered.objects, problems: rendered.problems, timing: timing(result.ms + evidenceMs) };
}

/** Every file a kustomization tree reads, so they are not linted a second time as plain manifests. */
function treeFiles(tree: KustomizationTree): string[] {
  const used: string[] = [];
  for (const layer of tree.layers.values()) {
    used.push(layer.file, ...layer.inputs);
    for (const resource of layer.resources) used.push(resource.file);
    for (const patch of layer.patches) if (!patch.inline) used.push(patch.file);
  }
  return used.map((file) => path.resolve(file));
}

/** True when `file` lies in `dir` or a folder below it. */
function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

/** `a`, `a and b`, `a, b and c`. */
function listed(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** The note that a remote base or component is not fetched, at the entry that lists it. */
function remoteBaseNote(reference: RemoteReference, cwd: string): InputProblem {
  const what = reference.field === "components" ? "component" : "base";
  return {
    ruleId: REMOTE_BASE,
    file: displayPath(cwd, path.resolve(reference.file)),
    region: reference.region,
    message: `Remote ${what} "${reference.reference}": kubeward does not fetch remote bases, so objects from it are not linted unless kustomize build fetches it (their findings then point at this kustomization).`,
  };
}

/** What one root's tree uses, whether it built, and its notes on remote bases. */
interface TreeUse {
  used: string[];
  built: boolean;
  remoteNotes: InputProblem[];
}

async function expandKustomization(
  dir: string,
  settings: ExpandSettings,
  files: FileCache,
  resourceCache: ResourceFileCache,
  cache: RenderCache | undefined,
): Promise<JobResult & TreeUse> {
  const started = performance.now();
  const display = displayPath(settings.cwd, dir);
  const timing: ExpansionTiming = { kind: "kustomize", display, toolMs: 0, totalMs: 0 };
  const tree = readKustomizationTree(dir, resourceCache);
  const used = treeFiles(tree);
  const remoteNotes = tree.remote.map((reference) => remoteBaseNote(reference, settings.cwd));
  const rootFile = findKustomizationFile(dir) ?? path.join(dir, "kustomization.yaml");
  const rootDisplay = displayPath(settings.cwd, rootFile);
  const problems = tree.problems.map((problem) => ({ ...problem, file: displayPath(settings.cwd, path.resolve(problem.file)) }));
  if (problems.length > 0) return { problems, timing, used, built: false, remoteNotes };

  const { binary, looked } = resolveBinary("kustomize", settings.kustomize.binary, settings);
  if (!binary) return { problems: [missingTool("kustomize", looked, rootDisplay, "overlay")], timing, used, built: false, remoteNotes };
  const flavour = path.basename(binary).startsWith("kubectl") ? "kubectl" : "kustomize";
  const { enableHelm } = settings.kustomize;
  const build = await buildKustomization(dir, { binary, flavour, enableHelm, cache, inputs: cache && buildInputs(tree, used, enableHelm) });
  timing.toolMs = build.ms;
  if (!build.ok) {
    const file = build.failure.file ? displayPath(settings.cwd, path.resolve(build.failure.file)) : rootDisplay;
    return { problems: [{ ruleId: KUSTOMIZE_ERROR, file, region: FILE_START, message: `kustomize build failed: ${build.failure.message}` }], timing, used, built: false, remoteNotes };
  }

  const mapper = createSourceMapper(tree);
  const parsed = parseManifest(rootDisplay, build.output);
  const objects = parsed.objects.map((object): K8sObject => {
    const source = mapper.originOf(object);
    return {
      ...object,
      origin: {
        file: source ? displayPath(settings.cwd, path.resolve(source.file)) : rootDisplay,
        docIndex: source?.docIndex ?? object.origin.docIndex,
        kustomization: display,
        scope: `kustomize:${display}`,
      },
      locate(objectPath) {
        const mapped = mapper.locateSource(object, objectPath);
        const absolute = path.resolve(mapped.file);
        return {
          file: displayPath(settings.cwd, absolute),
          region: mapped.region,
          provenance: mapped.provenance ? { values: [], kustomize: mapped.provenance } : undefined,
          ignores: files.file(absolute)?.ignoredOn(mapped.region.startLine) ?? new Map(),
        };
      },
    };
  });
  const buildProblems = parsed.problems.map((problem) => ({ ...problem, message: `kustomize build produced invalid YAML: ${problem.message}` }));
  timing.totalMs = performance.now() - started;
  return { objects, problems: buildProblems, timing, used, built: true, remoteNotes };
}

/**
 * Renders every chart with every value set and builds every overlay, in parallel (one job per CPU;
 * value sets of one chart are jobs of their own), with results in input order.
 */
export async function expandSources(charts: readonly string[], kustomizations: readonly string[], settings: ExpandSettings): Promise<Expansion> {
  const files = createFileCache();
  const resourceCache: ResourceFileCache = new Map();
  const cache = settings.cache ? createRenderCache(renderCacheDir(settings.cwd, settings.env)) : undefined;
  const roots = rootKustomizations(kustomizations);
  const prepared = charts.map((dir) => prepareChart(dir, settings, cache));
  // What each root's tree uses and whether it built, by the root's position (jobs finish in any order).
  const trees: TreeUse[] = [];
  const jobs: Array<() => Promise<JobResult>> = [
    ...prepared.flatMap((chart) => ("valueSets" in chart ? chart.valueSets.map((valueSet) => () => expandValueSet(chart, valueSet, settings, files)) : [])),
    ...roots.map((dir, i) => async () => (trees[i] = await expandKustomization(dir, settings, files, resourceCache, cache))),
  ];
  const done = await mapBounded(jobs, (job) => job());
  await copiesRemoved();
  cache?.evict();
  // A chart's value sets, back in one result, in order, with the time of all of them.
  let next = 0;
  const chartResults = prepared.map((chart, i): JobResult => {
    const timing: ExpansionTiming = { kind: "helm", display: displayPath(settings.cwd, charts[i]), toolMs: 0, totalMs: 0 };
    if (!("valueSets" in chart)) return { ...chart, timing };
    const parts = done.slice(next, (next += chart.valueSets.length));
    for (const part of parts) {
      timing.toolMs += part.timing.toolMs;
      timing.totalMs += part.timing.totalMs;
    }
    return { objects: parts.flatMap((part) => part.objects ?? []), problems: parts.flatMap((part) => part.problems ?? []), timing };
  });
  const results = [...chartResults, ...done.slice(next)];
  const display = (dir: string): string => displayPath(settings.cwd, dir);
  // Each file a kustomization uses, with the folder of the first one (in input order) that uses it.
  const usedBy = new Map<string, string>();
  const unbuilt = new Set<string>();
  roots.forEach((dir, i) => {
    if (!trees[i].built) unbuilt.add(dir);
    for (const file of trees[i].used) if (!usedBy.has(file)) usedBy.set(file, dir);
  });
  const couldNotBuild = "could not be built (see the findings reported for it)";
  const expansion: Expansion = {
    objects: [],
    problems: [],
    skipped: [],
    timings: [],
    sourcesRead: () => files.read(),
    renderCache: cache?.stats(),
    skipReason(file) {
      const user = usedBy.get(file);
      if (user) return `it is part of the kustomization in ${display(user)}, ${unbuilt.has(user) ? `which ${couldNotBuild}` : "and is linted through it"}`;
      const enclosing = kustomizations.filter((dir) => isInside(file, dir));
      if (enclosing.length === 0) return undefined;
      const failed = enclosing.filter((dir) => unbuilt.has(dir)).map(display);
      return (
        `it sits in the Kustomize tree of ${listed(enclosing.map(display))}, and no kustomization in this run lists it ` +
        `(as a resource, patch or other input), so it is not an object Kustomize builds` +
        (failed.length > 0 ? `; ${listed(failed)} ${couldNotBuild}` : "")
      );
    },
  };
  for (const result of results) {
    for (const object of result.objects ?? []) expansion.objects.push(object);
    expansion.problems.push(...(result.problems ?? []));
    expansion.skipped.push(...(result.skipped ?? []));
    expansion.timings.push(result.timing);
  }
  // Overlays that share a base note its remote entries once.
  const noted = new Set<string>();
  for (const note of trees.flatMap((tree) => tree.remoteNotes)) {
    const key = `${note.file}:${note.region.startLine}:${note.region.startColumn}`;
    if (!noted.has(key)) expansion.problems.push(note);
    noted.add(key);
  }
  for (const dir of kustomizations) {
    if (roots.includes(dir)) continue;
    expansion.skipped.push({ file: display(dir), reason: "this kustomization is a base of another overlay in this run, and is linted through it" });
    for (const file of treeFiles(readKustomizationTree(dir, resourceCache))) if (!usedBy.has(file)) usedBy.set(file, dir);
  }
  return expansion;
}
