import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

/** The YAML files under `dir`, in every subfolder; none when `dir` is absent (../shared on a machine without it). */
export function manifestFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return manifestFiles(file);
    return /\.ya?ml$/.test(name) ? [file] : [];
  });
}

/** A scratch folder for one test file, removed after it; `folder(name)` makes a new folder in it. */
export function scratchFolders(prefix: string): { scratch: string; folder: (name: string) => string } {
  const scratch = mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });
  let folders = 0;
  return {
    scratch,
    folder: (name) => {
      const dir = path.join(scratch, `${name}-${folders++}`);
      mkdirSync(dir, { recursive: true });
      return dir;
    },
  };
}
