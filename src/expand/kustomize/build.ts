import { existsSync } from "node:fs";
import path from "node:path";
import { runCached, type RenderCache, type RenderInputs } from "../render-cache.js";
import type { ToolRun } from "../tools.js";
import type { KustomizationTree } from "./model.js";

/** How to run Kustomize: a standalone `kustomize` or the copy built into `kubectl`. */
export interface KustomizeSettings {
  binary: string;
  flavour: "kustomize" | "kubectl";
  /** Pass `--enable-helm`, so `helmCharts:` entries are rendered (needs helm on PATH). */
  enableHelm: boolean;
  /** Where unchanged builds are read back from, if anywhere. */
  cache?: RenderCache;
  /** What the build reads, when it can be keyed (see buildInputs). */
  inputs?: RenderInputs;
}

/** A failed build: Kustomize's own message, cleaned, and the file it names when it names one that exists. */
export interface BuildFailure {
  message: string;
  file?: string;
}

export type BuildResult = { ok: true; output: string; ms: number } | { ok: false; failure: BuildFailure; ms: number };

/** `kustomize build [--enable-helm] DIR` or `kubectl kustomize [--enable-helm] DIR`. */
export function buildArgs(dir: string, settings: Omit<KustomizeSettings, "binary">): string[] {
  const command = settings.flavour === "kubectl" ? ["kustomize"] : ["build"];
  return [...command, ...(settings.enableHelm ? ["--enable-helm"] : []), dir];
}

/**
 * What a build reads: the folder of every kustomization in the tree (under Kustomize's default load
 * restrictor a kustomization reads files only inside its own folder) and every file the tree names.
 * Undefined when the build reaches beyond them: remote bases, and `helmCharts:` with --enable-helm
 * (helm may pull the chart, and its binary is not the one named here).
 */
export function buildInputs(tree: KustomizationTree, usedFiles: readonly string[], enableHelm: boolean): RenderInputs | undefined {
  const layers = [...tree.layers.values()];
  if (tree.remote.length > 0 || (enableHelm && layers.some((layer) => layer.helmCharts.length > 0))) return undefined;
  return { dirs: layers.flatMap((layer) => [layer.dir, ...layer.inputDirs]), files: usedFiles, skip: [".git"], env: ["KUSTOMIZE_", "HELM_"] };
}

/** Builds the kustomization in `dir`; a failure is returned, never thrown. */
export async function buildKustomization(dir: string, settings: KustomizeSettings): Promise<BuildResult> {
  const run = await runCached(settings.cache, settings.binary, buildArgs(path.resolve(dir), settings), path.resolve(dir), settings.inputs);
  if (run.code !== 0) return { ok: false, failure: describeKustomizeFailure(run, dir), ms: run.ms };
  return { ok: true, output: run.stdout, ms: run.ms };
}

const WARNING = /^#?\s*Warning:\s*/i;
/** klog lines such as `I1123 08:51:47.314172   18757 log.go:245] …`. */
const KLOG = /^[IWEF]\d{4} \d\d:\d\d:\d\d\.\d+\s+\d+ [\w.]+:\d+\]/;

/** Turns Kustomize's error output into one readable sentence and, when it names one that exists, the file at fault. */
export function describeKustomizeFailure(run: ToolRun, dir: string): BuildFailure {
  const lines = run.stderr.split("\n");
  const panic = lines.findIndex((line) => /^goroutine \d+ \[/.test(line));
  const kept = (panic === -1 ? lines : lines.slice(0, panic))
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() && !WARNING.test(line.trim()) && !KLOG.test(line.trim()));
  const start = kept.findIndex((line) => /^(Error|error|panic):/.test(line.trim()));
  let message = (start === -1 ? kept : kept.slice(start)).join("\n").trim();
  message = message
    .replace(/^(Error|error):\s*/, "")
    .replace(/ with config: `[\s\S]*?`/g, "")
    .replace(/(?:accumulating resources: )?accumulation err='([\s\S]*)': must build at directory: [\s\S]*$/, "$1")
    .replace(/evalsymlink failure on '([^']+)' : lstat [^:]+: no such file or directory/g, "$1 does not exist")
    .replace(/\s*\n\s*/g, " ")
    .trim();
  if (!message) message = `kustomize exited with code ${run.code}`;
  return { message, file: namedFile(message, dir) };
}

/** The first existing file a Kustomize error names, as a path built from `dir`. */
function namedFile(message: string, dir: string): string | undefined {
  const root = path.resolve(dir);
  const mentions = [
    ...[...message.matchAll(/in File: ([^\s'"]+)/g)].map((match) => match[1]),
    ...[...message.matchAll(/from '([^']+)'/g)].map((match) => match[1]),
    ...[...message.matchAll(/(\/[^\s'":]+\.(?:ya?ml|json))\b/g)].map((match) => match[1]),
  ];
  for (const mention of mentions) {
    const absolute = path.resolve(root, mention);
    if (!existsSync(absolute) || !/\.(ya?ml|json)$|\/Kustomization$/i.test(absolute)) continue;
    const relative = path.relative(root, absolute);
    return path.isAbsolute(dir) || relative.startsWith("..") ? absolute : path.join(dir, relative);
  }
  return undefined;
}
