import { execFile } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export type ToolName = "helm" | "kustomize" | "kubectl";

/** How to get each tool, for the diagnostic when one is missing. */
export const INSTALL_HINTS: Record<ToolName, string> = {
  helm: "install Helm 3 or 4 (https://helm.sh/docs/intro/install/) or point --helm / KUBEWARD_HELM at it",
  kustomize: "install kustomize or kubectl (which has kustomize built in), or point --kustomize / KUBEWARD_KUSTOMIZE at it",
  kubectl: "install kubectl or kustomize, or point --kustomize / KUBEWARD_KUSTOMIZE at it",
};

/** An existing file this process may run. */
export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** First executable named `name` on PATH. */
export function findOnPath(name: string, searchPath: string): string | undefined {
  const extensions = process.platform === "win32" ? ["", ".exe", ".cmd"] : [""];
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    for (const extension of extensions) {
      const candidate = path.join(dir, name + extension);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

export interface ToolRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * The environment helm, kustomize and kubectl run in: this process's, with Go's garbage collector set to
 * collect half as often (GOGC=200, and a soft 512 MiB limit) unless the user set either. Why: a build or a
 * render is a short process, and with Go's default a kubectl kustomize build spent a quarter of its CPU
 * collecting garbage it would have dropped at exit; the output is the same.
 */
export function toolEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (env.GOGC !== undefined || env.GOMEMLIMIT !== undefined) return env;
  return { ...env, GOGC: "200", GOMEMLIMIT: "512MiB" };
}

/** Runs a tool without a shell; never rejects (a failure to start is exit code 127 with the reason). */
export function runTool(file: string, args: readonly string[], cwd: string, timeoutMs = 300_000): Promise<ToolRun> {
  const start = performance.now();
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env: toolEnvironment(process.env), maxBuffer: 1 << 30, timeout: timeoutMs, encoding: "utf8" }, (error, stdout, stderr) => {
      const ms = performance.now() - start;
      if (!error) {
        resolve({ code: 0, stdout, stderr, ms });
        return;
      }
      const failure = error as NodeJS.ErrnoException & { code?: number | string; killed?: boolean };
      const reason = failure.killed ? `timed out after ${timeoutMs / 1000} s` : typeof failure.code === "string" ? `${failure.code}: ${failure.message}` : "";
      resolve({ code: typeof failure.code === "number" ? failure.code : 127, stdout, stderr: stderr || reason, ms });
    });
  });
}

/** Maps items with at most `limit` calls in flight (default: one per CPU), keeping input order. */
export async function mapBounded<T, R>(items: readonly T[], fn: (item: T) => Promise<R>, limit = os.availableParallelism()): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
