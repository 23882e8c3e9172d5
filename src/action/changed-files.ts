import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { Finding } from "../engine/finding.js";
import { relatedLocations } from "../report/report.js";
import { isUnlintedInput } from "../engine/severity.js";

/** The commits a pull request compares. */
export interface PullRequestRange {
  base: string;
  head: string;
}

const PULL_REQUEST_EVENTS = ["pull_request", "pull_request_target"];

function commit(value: unknown): string | undefined {
  return typeof value === "string" && /^[0-9a-f]{7,64}$/i.test(value) ? value : undefined;
}

/** The base and head commits of the triggering pull request, or why there are none. */
export function pullRequestRange(eventName: string | undefined, eventPath: string | undefined): PullRequestRange | { reason: string } {
  if (!eventName || !PULL_REQUEST_EVENTS.includes(eventName)) return { reason: `the event is ${eventName ?? "unknown"}, not a pull request` };
  if (!eventPath) return { reason: "GITHUB_EVENT_PATH is not set" };
  let event: unknown;
  try {
    event = JSON.parse(readFileSync(eventPath, "utf8"));
  } catch (error) {
    return { reason: `the event file ${eventPath} cannot be read: ${(error as Error).message}` };
  }
  const pullRequest = (event as { pull_request?: { base?: { sha?: unknown }; head?: { sha?: unknown } } } | null)?.pull_request;
  const base = commit(pullRequest?.base?.sha);
  const head = commit(pullRequest?.head?.sha);
  if (!base || !head) return { reason: "the event has no pull_request.base.sha and pull_request.head.sha" };
  return { base, head };
}

function gitDiffNames(workspace: string, range: string): string[] {
  // --relative: names relative to the workspace, which may be a folder inside the repository.
  const output = execFileSync("git", ["diff", "--name-only", "--relative", "-z", range, "--"], {
    cwd: workspace,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 1 << 28,
  });
  return output.split("\0").filter(Boolean);
}

/**
 * Files the pull request changes (added, modified, renamed or deleted), relative to the workspace:
 * against the merge base, as GitHub shows them, or between the two commits when there is no merge base.
 */
export function changedFiles(workspace: string, range: PullRequestRange): string[] | { reason: string } {
  try {
    return gitDiffNames(workspace, `${range.base}...${range.head}`);
  } catch {
    try {
      return gitDiffNames(workspace, `${range.base}..${range.head}`);
    } catch (error) {
      // With encoding "utf8" a failed git reports its stderr as text; a git that did not start has none.
      const stderr = ((error as { stderr?: string }).stderr ?? "").trim();
      return { reason: `git diff ${range.base}..${range.head} failed${stderr ? `: ${stderr}` : ""}` };
    }
  }
}

function withoutDotSlash(file: string): string {
  return file.replace(/^(\.\/)+/, "");
}

function folderOf(file: string): string {
  const slash = file.lastIndexOf("/");
  return slash === -1 ? "." : file.slice(0, slash);
}

const KUSTOMIZATION_FILES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

/**
 * Keeps the findings a pull request is responsible for: in a changed file, with a related location
 * (a values.yaml line) in one, rendered from a chart or overlay folder that holds one, or built by
 * kustomize from a file whose folder's kustomization changed (a base's, outside the overlay). Input
 * that could not be linted is always kept: nobody can tell what it would have shown.
 */
export function onlyChangedFindings(findings: readonly Finding[], changed: readonly string[]): Finding[] {
  const files = new Set(changed.map(withoutDotSlash));
  const folders = new Set<string>();
  const kustomizationFolders = new Set<string>();
  for (const file of files) {
    for (let folder = folderOf(file); ; folder = folderOf(folder)) {
      folders.add(folder);
      if (folder === ".") break;
    }
    if (KUSTOMIZATION_FILES.some((name) => file === name || file.endsWith(`/${name}`))) kustomizationFolders.add(folderOf(file));
  }
  return findings.filter((finding) => {
    if (isUnlintedInput(finding)) return true;
    const file = withoutDotSlash(finding.file);
    if (files.has(file) || relatedLocations(finding).some((related) => files.has(withoutDotSlash(related.file)))) return true;
    if (finding.source === undefined) return false;
    return folders.has(withoutDotSlash(finding.source).replace(/\/+$/, "") || ".") || kustomizationFolders.has(folderOf(file));
  });
}
