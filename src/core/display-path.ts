import path from "node:path";

/** Path as shown to people and written to SARIF: relative to the working directory, forward slashes. */
export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file) || path.basename(file);
  return relative.split(path.sep).join("/");
}
