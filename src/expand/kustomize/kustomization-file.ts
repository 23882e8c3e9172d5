import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { KUSTOMIZATION_FILE_NAMES } from "../../core/file-names.js";

/** The kustomization file in `dir`, if it has one. */
export function findKustomizationFile(dir: string): string | undefined {
  for (const name of KUSTOMIZATION_FILE_NAMES) {
    const file = path.join(dir, name);
    if (isFile(file)) return file;
  }
  return undefined;
}

export function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** URLs, `git@` and `github.com/…` style references, and anything with a `?ref=`: Kustomize fetches these. */
export function isRemoteReference(reference: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(reference) ||
    reference.startsWith("git@") ||
    /^(github\.com|gitlab\.com|bitbucket\.org)\//i.test(reference) ||
    /[?&](ref|version|submodules|timeout)=/.test(reference)
  );
}

/** A file's text, or the sentence saying why it cannot be read. */
export function readTextFile(file: string): { text: string } | { failure: string } {
  try {
    return { text: readFileSync(file, "utf8") };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return { failure: `Cannot read ${file} (${reason}).` };
  }
}
