import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { displayPath } from "../core/display-path.js";
import type { InputProblem, K8sObject } from "../core/types.js";
import { parseManifest } from "../manifest/parse.js";
import { readManifest } from "../manifest/read.js";
import { isPolicyObject } from "./vap.js";

/**
 * The objects of `--policies` folders and files (YAML and JSON, folders read recursively): the policies
 * and bindings, and every object as a possible params object. Problems reading them are the run's.
 */
export function readPolicyFiles(entries: readonly string[], cwd: string): { objects: K8sObject[]; all: K8sObject[]; problems: InputProblem[] } {
  const all: K8sObject[] = [];
  const problems: InputProblem[] = [];
  const visit = (file: string): void => {
    const stats = statSync(file, { throwIfNoEntry: false });
    if (stats?.isDirectory()) {
      for (const name of readdirSync(file).sort()) {
        const child = path.join(file, name);
        if (statSync(child, { throwIfNoEntry: false })?.isDirectory() || /\.(ya?ml|json)$/.test(name)) visit(child);
      }
      return;
    }
    const display = displayPath(cwd, file);
    const read = readManifest(file, display);
    if ("problem" in read) problems.push(read.problem);
    if (!("text" in read)) return;
    const parsed = parseManifest(display, read.text);
    all.push(...parsed.objects);
    problems.push(...parsed.problems);
  };
  for (const entry of entries) visit(path.resolve(cwd, entry));
  return { objects: all.filter(isPolicyObject), all, problems };
}
