import path from "node:path";
import { readYamlDocument } from "../../manifest/yaml-file.js";
import { findKustomizationFile, isDirectory, isRemoteReference, readTextFile } from "./kustomization-file.js";
import { itemsAt, stringOf } from "./layer-context.js";

/** Local folders a kustomization file names in `resources`, `bases` and `components` (for finding roots without reading resources). */
function referencedFolders(dir: string): string[] {
  const file = findKustomizationFile(dir);
  const read = file === undefined ? undefined : readTextFile(file);
  if (!file || !read || "failure" in read) return [];
  const root = readYamlDocument(read.text, file).value;
  const folders: string[] = [];
  for (const field of ["resources", "bases", "components"]) {
    for (const { item } of itemsAt(root, field)) {
      const entry = stringOf(item);
      if (entry === undefined || isRemoteReference(entry)) continue;
      const target = path.join(dir, entry);
      if (isDirectory(target)) folders.push(target);
    }
  }
  return folders;
}

/**
 * Among the kustomization folders found in one run, those no other one in the set builds on
 * (directly or through folders outside the set): a base is linted through its overlays, not twice.
 * Folders that build on each other (a cycle) are all kept, so the build reports the cycle.
 */
export function rootKustomizations(dirs: readonly string[]): string[] {
  const references = new Map<string, string[]>();
  const referencesOf = (dir: string): string[] => {
    const key = path.resolve(dir);
    let found = references.get(key);
    if (!found) {
      found = referencedFolders(dir).map((folder) => path.resolve(folder));
      references.set(key, found);
    }
    return found;
  };
  const reach = new Map<string, Set<string>>();
  const reachable = (dir: string): Set<string> => {
    const key = path.resolve(dir);
    const known = reach.get(key);
    if (known) return known;
    const seen = new Set<string>();
    const stack = [key];
    for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
      for (const next of referencesOf(current)) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    reach.set(key, seen);
    return seen;
  };
  const keys = dirs.map((dir) => path.resolve(dir));
  return dirs.filter((_, i) => {
    const key = keys[i];
    return !keys.some((other) => other !== key && reachable(other).has(key) && !reachable(key).has(other));
  });
}
