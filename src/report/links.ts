import path from "node:path";
import type { Finding } from "../engine/finding.js";

/** Links from a report to the lines its findings are on. */

/** `file:line:column`, as the text report shows a finding's place. */
export function locationText(finding: Finding): string {
  return finding.file ? `${finding.file}:${finding.region.startLine}:${finding.region.startColumn}` : "(no file)";
}

/** `https://github.com/owner/repo/blob/sha` from the variables a GitHub runner sets; undefined outside one. */
export function blobBaseOf(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
  return server && repository && sha ? `${server}/${repository}/blob/${sha}` : undefined;
}

function encodePath(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}

/** The line of a file in the repository at `blobBase`'s commit; undefined for a path that leaves the repository. */
export function blobUrl(blobBase: string, repositoryPath: string, line: number): string | undefined {
  const normalized = path.posix.normalize(repositoryPath);
  if (normalized.startsWith("../") || path.posix.isAbsolute(normalized)) return undefined;
  return `${blobBase}/${encodePath(normalized)}#L${line}`;
}

/** A finding's link, or undefined when it has no place on disk. */
export type Linker = (finding: Finding) => string | undefined;

export interface LinkSettings {
  /** The folder finding paths (display paths) are relative to. */
  cwd: string;
  /** The folder the report is written to: relative links start there. */
  reportDir: string;
  /** Link to the repository's web pages instead (see blobBaseOf). */
  blobBase?: string;
  /** `cwd`'s path from the repository root (see repositoryBase); needed for blob links. */
  repositoryBase?: string;
}

/**
 * Links to findings' lines: on the repository's web pages when they are known (a GitHub run), else
 * relative to the report's folder, so the links work wherever the report and the files are moved together.
 */
export function locationLinker(settings: LinkSettings): Linker {
  const { cwd, reportDir, blobBase, repositoryBase } = settings;
  return (finding) => {
    if (!finding.file || finding.file === "-") return undefined;
    const line = finding.region.startLine;
    if (blobBase !== undefined && repositoryBase !== undefined) {
      const url = blobUrl(blobBase, path.posix.join(repositoryBase, finding.file), line);
      if (url) return url;
    }
    const relative = path.relative(reportDir, path.resolve(cwd, finding.file)).split(path.sep).join("/");
    return `${encodePath(relative)}#L${line}`;
  };
}
