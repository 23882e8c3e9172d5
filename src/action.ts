import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import process from "node:process";
import { ExitCode, debug, error, info, setFailed, setOutput, warning } from "@actions/core";
import packageJson from "../package.json" with { type: "json" };
import { ANNOTATIONS_PER_LEVEL, annotate, type LevelCounts } from "./action/annotations.js";
import { changedFiles, onlyChangedFindings, pullRequestRange } from "./action/changed-files.js";
import { InputError, readInputs } from "./action/inputs.js";
import { writeSummary } from "./action/summary.js";
import { ConfigError } from "./config/model.js";
import type { Finding } from "./engine/finding.js";
import { levelOf } from "./core/severity.js";
import { runVerdict } from "./engine/severity.js";
import { DEFAULT_FAIL_ON, OptionError, formatReport, checkExpandFlags, describeRenderCache, expandSettings, loadRunConfig, omittedWarning, repositoryBase, writeReportFile } from "./options.js";
import { DIAGNOSTIC_RULES } from "./core/diagnostics.js";
import type { RuleMeta } from "./core/rule-meta.js";
import { activeFindings, reportText, type ReportInput } from "./report/report.js";
import { run, type RunResult } from "./run.js";
import { blobBaseOf, locationLinker } from "./report/links.js";
import { complianceReport } from "./report/compliance.js";
import { formatMarkdown } from "./report/markdown.js";
import type { FrameworkSelection } from "./core/framework-selection.js";
import { plural } from "./core/words.js";

/** GitHub Action entry: inputs → run() → SARIF file, log report, annotations, job summary, outputs. */

/**
 * Prints the report with workflow commands switched off, so text taken from the linted files
 * (a message quoting a value that starts with `::`) cannot act as a command.
 */
function printVerbatim(text: string): void {
  const token = randomUUID();
  process.stdout.write(`::stop-commands::${token}\n${text}${text.endsWith("\n") ? "" : "\n"}::${token}::\n`);
}

interface Narrowed {
  findings: Finding[];
  /** What only-changed did, for the summary. */
  note?: string;
  /** Why only-changed could not work on a pull request, for a warning annotation. */
  problem?: string;
}

/** Narrows findings to the pull request's changes; says what it did, or why it did not. */
function applyOnlyChanged(findings: Finding[], workspace: string): Narrowed {
  const range = pullRequestRange(process.env.GITHUB_EVENT_NAME, process.env.GITHUB_EVENT_PATH);
  if ("reason" in range) return { findings, note: `only-changed has no effect: ${range.reason}; every finding is reported.` };
  const changed = changedFiles(workspace, range);
  if (!Array.isArray(changed)) {
    return {
      findings,
      note: `only-changed could not list the pull request's files (${changed.reason}); every finding is reported.`,
      // A shallow checkout lacks the base commit: the fix is in the workflow, so say it loudly.
      problem: `only-changed: ${changed.reason}. Check out with fetch-depth: 0 so both commits are present; every finding is reported.`,
    };
  }
  const kept = onlyChangedFindings(findings, changed);
  const leftOut = activeFindings(findings).length - activeFindings(kept).length;
  return {
    findings: kept,
    note: `Only findings in the ${plural(changed.length, "file")} this pull request changes, and in the charts and overlays those files belong to, are reported; ${plural(leftOut, "finding")} elsewhere ${leftOut === 1 ? "is" : "are"} left out (the SARIF file has all of them).`,
  };
}

/**
 * The compliance report of the frameworks the input names, for the job summary: of every finding,
 * not only a pull request's, since a control passes or fails for the whole of what was linted.
 */
function complianceSummary(result: RunResult, rules: readonly RuleMeta[], frameworks: readonly FrameworkSelection[], workspace: string, blobBase: string | undefined, onlyChanged: boolean): string {
  const compliance = complianceReport({
    findings: result.findings,
    rules,
    ran: result.ran,
    examined: result.examined,
    selections: frameworks,
    stats: result.stats,
    toolVersion: packageJson.version,
  });
  // A job summary is read on GitHub: links go to the commit's files, or nowhere outside a run.
  const link = blobBase ? locationLinker({ cwd: workspace, reportDir: workspace, blobBase, repositoryBase: repositoryBase(workspace) ?? "" }) : () => undefined;
  const note = onlyChanged ? "It covers every linted file, not only those the pull request changes." : undefined;
  return formatMarkdown(compliance, link, { headingLevel: 4, note });
}

async function main(): Promise<void> {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  // Inputs, display paths and SARIF URIs are all relative to the workspace, the repository root.
  process.chdir(workspace);
  const inputs = readInputs();
  checkExpandFlags({ values: inputs.values }, workspace, { values: 'input "values":' });
  const { config, configFile, rules } = await loadRunConfig(workspace, inputs.config);
  if (configFile) info(`kubeward ${packageJson.version}: using config ${configFile}`);
  const failOn = inputs.failOn ?? config.failOn ?? DEFAULT_FAIL_ON;

  const result = await run({
    inputs: inputs.paths,
    cwd: workspace,
    env: process.env,
    config,
    exclude: [],
    rules,
    frameworks: inputs.frameworks,
    readStdin: () => Promise.reject(new InputError('input "paths" cannot name "-": an action has no standard input to lint')),
    expand: expandSettings(
      { values: inputs.values, kubeVersion: inputs.kubeVersion, helm: inputs.helm, kustomize: inputs.kustomize, cache: inputs.cache },
      config,
      configFile,
      workspace,
    ),
  });
  for (const skip of result.skipped) debug(`skipped ${skip.docIndex === undefined ? skip.file : `${skip.file} document ${skip.docIndex + 1}`}: ${skip.reason}`);
  for (const timing of result.timings) debug(`${timing.kind} ${timing.display}: ${Math.round(timing.totalMs)} ms (${Math.round(timing.toolMs)} ms in the tool)`);
  const cacheNote = result.renderCache && describeRenderCache(result.renderCache);
  if (cacheNote) debug(cacheNote);

  const ruleMeta = [...rules.map((rule) => rule.meta), ...result.policyRules, ...DIAGNOSTIC_RULES];
  const report = (findings: readonly Finding[]): ReportInput => ({
    findings,
    rules: ruleMeta,
    toolVersion: packageJson.version,
    stats: result.stats,
    color: false,
    sarif: { allResults: inputs.sarifAllResults, repositoryBase: repositoryBase(workspace) },
  });
  // The SARIF file holds every finding (within GitHub's limits): code scanning does its own narrowing to a pull request's diff.
  const sarifFile = path.resolve(workspace, inputs.sarifFile);
  mkdirSync(path.dirname(sarifFile), { recursive: true });
  const sarif = await formatReport("sarif", report(result.findings));
  writeReportFile(sarifFile, sarif.pieces);
  const sarifNote = sarif.omitted ? omittedWarning(sarif.omitted, "the input sarif-all-results: true") : undefined;

  const narrowed: Narrowed = inputs.onlyChanged ? applyOnlyChanged(result.findings, workspace) : { findings: result.findings };
  printVerbatim(reportText((await formatReport(inputs.format, report(narrowed.findings))).pieces));

  const active = activeFindings(narrowed.findings);
  const counts: LevelCounts = { error: 0, warning: 0, note: 0 };
  for (const finding of active) counts[levelOf(finding.severity)]++;
  // Input that could not be linted fails the step whatever fail-on says; other findings by their level.
  const verdict = runVerdict(active, failOn);
  const unlinted = verdict.unlinted.length;
  const failingByLevel = verdict.failingByLevel.length;
  const failing = unlinted + failingByLevel;
  // The failure message and the only-changed problem are annotations too: they go first, so the
  // per-step limit never hides them, and the findings get the room that is left.
  if (failing > 0) {
    const reasons = [
      ...(unlinted > 0 ? [`${plural(unlinted, "input")} could not be linted (this fails the step whatever fail-on says)`] : []),
      ...(failingByLevel > 0 ? [`${plural(failingByLevel, "finding")} at or above ${failOn} (the fail-on level)`] : []),
    ];
    setFailed(`kubeward: ${reasons.join(" and ")}; see the annotations, the job summary or the log.`);
  }
  if (narrowed.problem) warning(narrowed.problem);
  if (sarifNote) warning(`kubeward: ${sarifNote}`);
  const room: LevelCounts = {
    error: ANNOTATIONS_PER_LEVEL - (failing > 0 ? 1 : 0),
    warning: ANNOTATIONS_PER_LEVEL - (narrowed.problem ? 1 : 0) - (sarifNote ? 1 : 0),
    note: ANNOTATIONS_PER_LEVEL,
  };
  const omittedAnnotations = inputs.annotations ? annotate(active, room) : undefined;

  setOutput("sarif-file", sarifFile);
  setOutput("findings", active.length);
  setOutput("errors", counts.error);
  setOutput("warnings", counts.warning);
  setOutput("notes", counts.note);

  if (process.env.GITHUB_STEP_SUMMARY) {
    const blobBase = blobBaseOf(process.env);
    try {
      await writeSummary({
        findings: active,
        suppressed: narrowed.findings.length - active.length,
        stats: result.stats,
        rules: ruleMeta,
        failOn,
        failing,
        unlinted,
        omittedAnnotations,
        onlyChanged: narrowed.note,
        sarifOmitted: sarifNote,
        blobBase,
        sarifFile: path.relative(workspace, sarifFile) || sarifFile,
        compliance: inputs.frameworks.length ? complianceSummary(result, ruleMeta, inputs.frameworks, workspace, blobBase, inputs.onlyChanged) : undefined,
      });
    } catch (summaryError) {
      warning(`kubeward could not write the job summary: ${(summaryError as Error).message}`);
    }
  }
}

main().catch((failure: unknown) => {
  if (failure instanceof ConfigError) {
    // An annotation on the config file's line, where the fix goes.
    const where = failure.file ? { file: path.relative(process.cwd(), path.resolve(failure.file)), startLine: failure.line, startColumn: failure.column } : {};
    error(`configuration error: ${failure.message}`, { title: "kubeward configuration", ...where });
    process.exitCode = ExitCode.Failure;
  } else if (failure instanceof InputError || failure instanceof OptionError) {
    setFailed(`kubeward: ${failure.message}`);
  } else {
    setFailed(`kubeward: internal error: ${(failure as Error).stack ?? String(failure)}\nPlease report this.`);
  }
});
