import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { load } from "js-yaml";
import { isRecord } from "../../core/json.js";
import { parseHelmFailure, type RenderFailure } from "./render-failure.js";
import { runCached, type RenderCache, type RenderInputs } from "../render-cache.js";
import type { PlannedCopy } from "./instrument.js";
import { runTool, type ToolRun } from "../tools.js";

/** One set of values to render a chart with (the chart's defaults when `valuesFiles` and `set` are empty). */
export interface ValueSet {
  /** Shown with each finding when a chart is rendered with more than one value set. */
  name: string;
  /** Absolute paths, applied in order after the chart's values.yaml. */
  valuesFiles: string[];
  set: string[];
}

export interface HelmSettings {
  binary: string;
  releaseName: string;
  namespace?: string;
  kubeVersion?: string;
  apiVersions: readonly string[];
  dependencyUpdate: boolean;
  /** Where unchanged renders are read back from, if anywhere. */
  cache?: RenderCache;
  /** The instrumented copy being rendered (not yet written: it is written only when helm has to run). */
  copy?: PlannedCopy;
}

export interface ChartInfo {
  name: string;
  type: string;
  dependencies: Array<{ name: string; alias?: string }>;
}

/** Reads Chart.yaml (and a Helm 2 requirements.yaml) far enough to know the chart's name, type and dependencies. */
export function readChartInfo(chartDir: string): ChartInfo {
  const chart = (load(readFileSync(path.join(chartDir, "Chart.yaml"), "utf8")) ?? {}) as Record<string, unknown>;
  const requirementsFile = path.join(chartDir, "requirements.yaml");
  const requirements = existsSync(requirementsFile) ? ((load(readFileSync(requirementsFile, "utf8")) ?? {}) as Record<string, unknown>) : {};
  const dependencies = [chart.dependencies, requirements.dependencies]
    .flatMap((list): unknown[] => (Array.isArray(list) ? list : []))
    .filter((dep): dep is { name: string; alias?: string } => isRecord(dep) && typeof dep.name === "string");
  return {
    name: typeof chart.name === "string" ? chart.name : path.basename(chartDir),
    type: typeof chart.type === "string" ? chart.type : "application",
    dependencies,
  };
}

export type RenderResult = { ok: true; output: string; ms: number } | { ok: false; failure: RenderFailure; stderr: string; ms: number };

/** The arguments of `helm template` for a chart and value set. */
export function templateArgs(chartDir: string, valueSet: ValueSet, settings: HelmSettings): string[] {
  const args = ["template", settings.releaseName, chartDir];
  if (settings.namespace) args.push("--namespace", settings.namespace);
  if (settings.kubeVersion) args.push("--kube-version", settings.kubeVersion);
  for (const apiVersion of settings.apiVersions) args.push("--api-versions", apiVersion);
  for (const file of valueSet.valuesFiles) args.push("--values", file);
  for (const assignment of valueSet.set) args.push("--set", assignment);
  return args;
}

/** Strips the chart-name segment helm puts in front of template paths (`mychart/templates/x.yaml`). */
export function chartRelative(templatePath: string): string {
  const slash = templatePath.indexOf("/");
  return slash === -1 ? templatePath : templatePath.slice(slash + 1);
}

/** Turns helm's error output into one clear message and, where helm gives it, the place to fix. */
export function describeHelmFailure(run: ToolRun): RenderFailure {
  return parseHelmFailure(run.stderr, run.code);
}

/** The kubeconfig files helm reads (KUBECONFIG, else ~/.kube/config), with their text: without --namespace, the current context's namespace is the release's. */
function kubeconfigText(): string[] {
  const files = process.env.KUBECONFIG ? process.env.KUBECONFIG.split(path.delimiter).filter(Boolean) : [path.join(os.homedir(), ".kube", "config")];
  return files.map((file) => {
    try {
      return `${file}\n${readFileSync(file, "utf8")}`;
    } catch {
      return `${file} (none)`;
    }
  });
}

/**
 * What `helm template` reads: the chart folder (subcharts and ignored files too), the values files,
 * the HELM_* settings and, without --namespace, the kubeconfig. It never reaches the network or a
 * cluster: `lookup` returns nothing and no --validate is passed, so the output is a function of these.
 */
function templateInputs(chartDir: string, valueSet: ValueSet, settings: HelmSettings): RenderInputs {
  const { copy } = settings;
  const environment = { env: ["HELM_", "KUBECONFIG"], extra: settings.namespace ? [] : kubeconfigText() };
  if (!copy) return { dirs: [chartDir], files: valueSet.valuesFiles, ...environment };
  // A copy is the original chart and values files, less and plus what its plan says.
  const plan = [...[...copy.removed].sort().map((file) => `removed ${file}`), ...[...copy.written].sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, text]) => `written ${file} ${text.length}\n${text}`)];
  return {
    dirs: [copy.source],
    files: valueSet.valuesFiles.filter((file) => path.relative(copy.root, file).startsWith("..")),
    env: environment.env,
    extra: [...environment.extra, ...plan],
    relocate: copy.root,
    failures: true,
    prepare: () => copy.materialize(),
  };
}

/** Renders a chart with `helm template`; a failure is returned, never thrown. */
export async function renderChart(chartDir: string, valueSet: ValueSet, settings: HelmSettings): Promise<RenderResult> {
  let ms = 0;
  if (settings.dependencyUpdate) {
    const update = await runTool(settings.binary, ["dependency", "build", chartDir], chartDir);
    ms += update.ms;
    if (update.code !== 0) return { ok: false, failure: { message: describeHelmFailure(update).message, file: "Chart.yaml" }, stderr: update.stderr, ms };
  }
  const run = await runCached(settings.cache, settings.binary, templateArgs(chartDir, valueSet, settings), chartDir, templateInputs(chartDir, valueSet, settings));
  ms += run.ms;
  if (run.code !== 0) return { ok: false, failure: describeHelmFailure(run), stderr: run.stderr, ms };
  return { ok: true, output: run.stdout, ms };
}

export interface RenderedTemplate {
  /** Path as helm prints it after `# Source:`, e.g. `mychart/charts/sub/templates/x.yaml`. */
  source: string;
  text: string;
}

/** Splits `helm template` output into documents, each with the template it came from. */
export function splitRenderedOutput(output: string): RenderedTemplate[] {
  const documents: RenderedTemplate[] = [];
  for (const chunk of output.split(/^---[ \t]*$/m)) {
    const source = /^# Source: (.+)$/m.exec(chunk);
    if (!chunk.trim()) continue;
    documents.push({ source: source ? source[1].trim() : "", text: chunk });
  }
  return documents;
}
