import { statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import packageJson from "../package.json" with { type: "json" };
import { ConfigError, closestMatch } from "./config/model.js";
import { failsAt, levelOf, FAIL_LEVELS } from "./core/severity.js";
import { runVerdict } from "./engine/severity.js";
import { DEFAULT_FAIL_ON, OptionError, formatReport, checkExpandFlags, describeRenderCache, expandSettings, loadRunConfig, omittedWarning, repositoryBase, writeReportFile } from "./options.js";
import { DIAGNOSTIC_RULES } from "./core/diagnostics.js";
import type { Rule } from "./engine/rule.js";
import type { RuleMeta } from "./core/rule-meta.js";
import { describeReadError } from "./core/read-error.js";
import { FORMATS, activeFindings, type ReportInput, type ReportPiece } from "./report/report.js";
import { run, type RunResult } from "./run.js";
import { FRAMEWORK_SELECTIONS, type FrameworkSelection } from "./core/framework-selection.js";
import type { Config } from "./config/model.js";
import type { Finding } from "./engine/finding.js";

const USAGE = `Usage: kubeward lint [PATH ...] [options]     lint files, folders, globs, or - for stdin (default: .)
       kubeward report [PATH ...] [options]   a compliance report: per framework and control, pass or fail
       kubeward rules [RULE-ID]                 list the rules, or print one rule's documentation
       kubeward rules --format json             every rule's metadata as JSON (see kubeward rules --help)

Options:
      --format FORMAT    text (default), compact, json or sarif
  -o, --output FILE      write the report to FILE instead of standard output
      --fail-on LEVEL    error, warning (default), note or none, or a severity (critical, high, medium, low):
                         the lowest that makes the exit code 1; input that could not be linted always does
                         (unless its diagnostic is off in the config)
      --sarif-all-results  write every result to SARIF, past GitHub code scanning's limits (25,000 results
                         per run, 10 MB gzipped); by default the most severe are kept and the rest counted
  -c, --config FILE      configuration file (default: the nearest .kubeward.yaml upward)
      --framework NAME   run only the rules of a framework: pss-baseline, pss-restricted, cis, nsa, pci-dss
                         or mitre (repeatable; replaces the config's frameworks:)
      --exclude GLOB     skip matching files and folders (repeatable; node_modules and .git always)
      --rules DIR        custom rules (CEL) from the YAML files in DIR, besides the config's customRules: (repeatable;
                         see docs/custom-rules.md)
      --policies DIR     ValidatingAdmissionPolicies, their bindings and params objects in DIR (or a file) are
                         evaluated against the linted objects, like those among the inputs (repeatable)
  -q, --quiet            show errors only (the exit code still follows --fail-on)
  -v, --verbose          say which files and documents were skipped and why, and time each chart and overlay

Helm charts (folders with Chart.yaml) are rendered with \`helm template\`:
  -f, --values FILE      values file for every chart (repeatable; after the chart's values.yaml)
      --set KEY=VALUE    value for every chart (repeatable)
      --kube-version V   Kubernetes version for Capabilities.KubeVersion
      --api-versions V   API version for Capabilities.APIVersions (repeatable)
      --namespace NS     release namespace
      --release-name N   release name (default: kubeward)
      --chart-ci-values  also render each chart with every ci/*-values.yaml
      --helm-dependency-update   run \`helm dependency build\` first (may use the network)
      --helm PATH        helm binary (default: KUBEWARD_HELM, then PATH)
Kustomize overlays (folders with kustomization.yaml) are built with \`kustomize build\` or \`kubectl kustomize\`:
      --kustomize PATH   kustomize or kubectl binary (default: KUBEWARD_KUSTOMIZE, then kustomize, then kubectl on PATH)
      --enable-helm      pass --enable-helm to kustomize (helmCharts: entries)
      --no-cache         render every chart and overlay, without the render cache (node_modules/.cache/kubeward,
                         else $XDG_CACHE_HOME/kubeward or ~/.cache/kubeward), which skips unchanged ones
  -h, --help             show this help
      --version          print the version

Exit codes: 0 nothing at or above the fail level, 1 findings or input that could not be linted, 2 usage or configuration error.

kubeward report takes the options above but --fail-on, --sarif-all-results and --quiet, and:
      --format FORMAT    html (default: one self-contained page) or markdown (compact, for a GitHub job summary)
  -o, --output FILE      write the report to FILE instead of standard output; links to findings are relative to its folder
      --framework NAME   a framework to report on (repeatable; default: the config's frameworks:, else all six)
A report is no gate: it exits 0 when written, whatever it finds; 1 when input could not be linted, 2 on a usage error.`;

const RULES_USAGE = `Usage: kubeward rules                  list the rules: id, severity/level, frameworks, equivalents
       kubeward rules RULE-ID          print one rule's documentation (Markdown, as in docs/rules/)
       kubeward rules --format json    every rule and kubeward/* diagnostic as JSON, for scripts and editors

The custom rules of the config (-c FILE, else the nearest .kubeward.yaml) and of --rules DIR are listed too.

--format json prints {"rules": [...]}, in the order of \`kubeward rules\` with the kubeward/* diagnostics last.
Each entry has these fields (more may be added; none is renamed or removed):
  id                rule id, as in findings, ignore comments and .kubeward.yaml
  title             one line
  severity          default severity: critical, high, medium or low
  level             the SARIF level it maps to: error, warning or note
  category          pod-security, workload, rbac, namespaces, network, mesh, control-plane, secrets, input or custom
  enabledByDefault  false for a rule that runs only when turned on in .kubeward.yaml
  unlintedInput     true for a diagnostic of input that could not be linted (fails the run whatever --fail-on says)
  frameworks        [{framework, control, title?}]: PSS, CIS, NSA-CISA, PCI-DSS or MITRE-ATT&CK controls the rule serves
  equivalents       {kubeLinter?, polaris?, checkov?, trivy?, kubeScore?}: ids of the same check in other tools
  options           [{name, type, default, description}]: what .kubeward.yaml may set for the rule
  messages          [{id, template}]: the rule's messages, {{name}} standing for a value of the finding
  helpUri           the rule's documentation page`;

class UsageError extends Error {}

/** A mistake that one line explains (a report that cannot be written): no usage text after it. Exit code 2. */
class PlainError extends Error {}

/** A stream the CLI writes to: the process's standard output or error, or a buffer in tests. */
export interface OutputStream {
  /** A Buffer is UTF-8 text (a report's encoded pieces). */
  write(text: string | Buffer): unknown;
  isTTY?: boolean;
}

/** Everything a run reads from or writes to its surroundings, so the CLI can run inside another program. */
export interface CliEnvironment {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdin: AsyncIterable<Buffer | string>;
  stdout: OutputStream;
  stderr: OutputStream;
}

async function readAll(stream: AsyncIterable<Buffer | string>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

function useColor(stream: OutputStream, env: CliEnvironment["env"]): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return Boolean(stream.isTTY);
}

/** The allowed value named, in any letter case. */
function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  const found = allowed.find((candidate) => candidate === value.toLowerCase());
  if (found === undefined) throw new UsageError(`${flag} must be one of ${allowed.join(", ")} (got "${value}")`);
  return found;
}

function listRules(ruleList: readonly Rule[]): string {
  const rows = ruleList.map(({ meta }) => {
    const frameworks = meta.frameworks.map((ref) => (ref.framework === "PSS" ? `PSS ${ref.control}` : `${ref.framework} ${ref.control}`));
    const equivalents = Object.values(meta.equivalents).flat().filter(Boolean);
    const severity = `${meta.severity}/${levelOf(meta.severity)}${meta.enabledByDefault === false ? " (off)" : ""}`;
    return [meta.id, severity, frameworks.join(", "), equivalents.join(", ")];
  });
  const header = ["RULE", "SEVERITY", "FRAMEWORKS", "EQUIVALENTS"];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const format = (row: string[]): string => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join("  ").trimEnd();
  return `${[header, ...rows].map(format).join("\n")}\n\n${rows.length} rules. \`kubeward rules RULE-ID\` prints one rule's documentation.\n`;
}

/** Writes the report to `file`, relative to `cwd`; a failure names the file as given. */
function writeReport(file: string, cwd: string, pieces: Iterable<ReportPiece>): void {
  try {
    writeReportFile(path.resolve(cwd, file), pieces);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? `the folder ${path.dirname(file)} does not exist` : code === "EISDIR" ? "it is a folder" : describeReadError(error);
    throw new PlainError(`cannot write the report to ${file}: ${reason}.`);
  }
}

/** The options of every command that runs the rules: what to read, how to expand it, which rules. */
const RUN_OPTIONS = {
  format: { type: "string" },
  output: { type: "string", short: "o" },
  config: { type: "string", short: "c" },
  framework: { type: "string", multiple: true },
  exclude: { type: "string", multiple: true },
  rules: { type: "string", multiple: true },
  policies: { type: "string", multiple: true },
  verbose: { type: "boolean", short: "v" },
  values: { type: "string", short: "f", multiple: true },
  set: { type: "string", multiple: true },
  "kube-version": { type: "string" },
  "api-versions": { type: "string", multiple: true },
  namespace: { type: "string" },
  "release-name": { type: "string" },
  "chart-ci-values": { type: "boolean" },
  "helm-dependency-update": { type: "boolean" },
  helm: { type: "string" },
  kustomize: { type: "string" },
  "enable-helm": { type: "boolean" },
  "no-cache": { type: "boolean" },
} as const;

const LINT_OPTIONS = {
  ...RUN_OPTIONS,
  "fail-on": { type: "string" },
  "sarif-all-results": { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
} as const;

type OptionSpecs = NonNullable<Parameters<typeof parseArgs>[0]>["options"] & object;
type Parsed<T extends OptionSpecs> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: T }>>;
type RunValues = Parsed<typeof RUN_OPTIONS>["values"];

/** parseArgs, with a did-you-mean for an unknown option. */
function parseCommandArgs<T extends OptionSpecs>(args: string[], options: T): Parsed<T> {
  try {
    return parseArgs({ args, allowPositionals: true, options });
  } catch (error) {
    const unknown = /^Unknown option '(-{1,2}[^']+)'/.exec((error as Error).message)?.[1];
    if (!unknown) throw error;
    const names = [...Object.keys(options).map((name) => `--${name}`), "--help"];
    const hint = closestMatch(unknown.replace(/=.*$/, ""), names);
    throw new UsageError(`unknown option "${unknown}"${hint ? ` (did you mean "${hint}"?)` : ""}`);
  }
}

/** The `--framework` values, checked. */
function frameworkFlags(values: RunValues): FrameworkSelection[] {
  return (values.framework ?? []).flatMap((name) => oneOf(name, FRAMEWORK_SELECTIONS, "--framework") ?? []);
}

interface LintedRun {
  result: RunResult;
  config: Config;
  /** Every rule and diagnostic the run's findings may name: built-in, custom and the policies' own. */
  ruleMeta: RuleMeta[];
  /** The frameworks whose rules ran (none: every rule). */
  frameworks: FrameworkSelection[];
}

/**
 * Reads, expands and lints the inputs as the shared options say (`lint` and `report` alike), with
 * the frameworks `selectFrameworks` picks for the config selecting the rules; under --verbose,
 * says what was skipped and how long charts took.
 */
async function lintInputs(
  values: RunValues,
  positionals: string[],
  selectFrameworks: (config: Config) => FrameworkSelection[],
  io: CliEnvironment,
): Promise<LintedRun> {
  const expandFlags = {
    values: values.values,
    set: values.set,
    kubeVersion: values["kube-version"],
    apiVersions: values["api-versions"],
    namespace: values.namespace,
    releaseName: values["release-name"],
    chartCiValues: values["chart-ci-values"],
    helmDependencyUpdate: values["helm-dependency-update"],
    helm: values.helm,
    kustomize: values.kustomize,
    enableHelm: values["enable-helm"],
    cache: values["no-cache"] ? false : undefined,
  };
  const { cwd } = io;
  checkExpandFlags(expandFlags, cwd, { values: "-f/--values", set: "--set" });
  for (const dir of [...(values.rules ?? []), ...(values.policies ?? [])]) {
    if (!statSync(path.resolve(cwd, dir), { throwIfNoEntry: false })) throw new OptionError(`${values.rules?.includes(dir) ? "--rules" : "--policies"} ${dir}: no such file or folder`);
  }
  const { config, configFile, rules: runRules } = await loadRunConfig(cwd, values.config, values.rules);
  const frameworks = selectFrameworks(config);

  const result = await run({
    inputs: positionals.length ? positionals : ["."],
    cwd,
    env: io.env,
    config,
    exclude: values.exclude ?? [],
    rules: runRules,
    policies: values.policies,
    frameworks,
    readStdin: () => readAll(io.stdin),
    expand: expandSettings(expandFlags, config, configFile, cwd),
  });

  if (values.verbose) {
    if (configFile) io.stderr.write(`kubeward: using config ${configFile}\n`);
    for (const skip of result.skipped) {
      const where = skip.docIndex === undefined ? skip.file : `${skip.file} document ${skip.docIndex + 1}`;
      io.stderr.write(`kubeward: skipped ${where}: ${skip.reason}\n`);
    }
    for (const timing of result.timings) {
      const tool = timing.kind === "helm" ? "helm" : "kustomize";
      io.stderr.write(`kubeward: ${timing.kind} ${timing.display}: ${Math.round(timing.totalMs)} ms (${Math.round(timing.toolMs)} ms in ${tool})\n`);
    }
    const cacheNote = result.renderCache && describeRenderCache(result.renderCache);
    if (cacheNote) io.stderr.write(`kubeward: ${cacheNote}\n`);
  }
  const ruleMeta = [...runRules.map((rule) => rule.meta), ...result.policyRules, ...DIAGNOSTIC_RULES];
  return { result, config, frameworks, ruleMeta };
}

/** Says that input could not be linted and how to accept it; `why` says what that does to the exit code. */
function unlintedMessage(unlinted: readonly Finding[], why: string): string {
  const what = unlinted.length === 1 ? "1 input could not be linted" : `${unlinted.length} inputs could not be linted`;
  const off = [...new Set(unlinted.map((finding) => `${finding.ruleId}: off`))].join(", ");
  return `kubeward: ${what}, ${why}; fix the input, or accept it with rules: {${off}} in .kubeward.yaml.\n`;
}

async function lint(args: string[], io: CliEnvironment): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, LINT_OPTIONS);
  const format = oneOf(values.format, FORMATS, "--format") ?? "text";
  const cliFailOn = oneOf(values["fail-on"], FAIL_LEVELS, "--fail-on");
  const { cwd } = io;
  // run() falls back on the config's frameworks: when no --framework is given.
  const flags = frameworkFlags(values);
  const { result, config, ruleMeta } = await lintInputs(values, positionals, () => flags, io);
  const failOn = cliFailOn ?? config.failOn ?? DEFAULT_FAIL_ON;

  // --quiet changes what is shown, not what fails the run: --fail-on decides that.
  const shown = values.quiet && format !== "sarif" ? result.findings.filter((f) => levelOf(f.severity) === "error") : result.findings;
  const input: ReportInput = {
    findings: shown,
    hidden: activeFindings(result.findings).length - activeFindings(shown).length,
    rules: ruleMeta,
    toolVersion: packageJson.version,
    stats: result.stats,
    color: format === "text" && !values.output && useColor(io.stdout, io.env),
    sarif: { allResults: values["sarif-all-results"], repositoryBase: format === "sarif" ? repositoryBase(cwd) : undefined },
  };
  const report = await formatReport(format, input);
  if (values.output) writeReport(values.output, cwd, report.pieces);
  else for (const piece of report.pieces) io.stdout.write(piece);
  if (report.omitted) io.stderr.write(`kubeward: warning: ${omittedWarning(report.omitted, "--sarif-all-results")}\n`);

  const active = activeFindings(result.findings);
  const { unlinted, fails } = runVerdict(active, failOn);
  // Say why the run fails when --fail-on alone would have let it pass.
  if (unlinted.length > 0 && !active.some((finding) => failsAt(finding.severity, failOn))) {
    io.stderr.write(unlintedMessage(unlinted, "which fails the run whatever --fail-on says"));
  }
  return fails ? 1 : 0;
}

const REPORT_FORMATS = ["html", "markdown"] as const;

/** The compliance model and its formats, loaded only by `kubeward report`: `lint`, the common start, never needs them. */
async function complianceFormatters() {
  const [compliance, html, markdown, links] = await Promise.all([
    import("./report/compliance.js"),
    import("./report/html.js"),
    import("./report/markdown.js"),
    import("./report/links.js"),
  ]);
  return { ...compliance, ...html, ...markdown, ...links };
}

/**
 * `kubeward report`: the run `lint` makes, told per framework and control. Findings do not fail it
 * (a report is no gate); input that could not be linted does, as in `lint`, since the report is then incomplete.
 */
async function report(args: string[], io: CliEnvironment): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, RUN_OPTIONS);
  const format = oneOf(values.format, REPORT_FORMATS, "--format") ?? "html";
  const flags = frameworkFlags(values);
  const { cwd } = io;
  // The frameworks named, else the config's, else all of them; the rules of exactly those run.
  const pick = (config: Config): FrameworkSelection[] => {
    const named = flags.length ? flags : config.frameworks;
    return named.length ? [...new Set(named)] : [...FRAMEWORK_SELECTIONS];
  };
  const { result, frameworks: selections, ruleMeta } = await lintInputs(values, positionals, pick, io);

  const { complianceReport, formatHtml, formatMarkdown, blobBaseOf, locationLinker } = await complianceFormatters();
  const compliance = complianceReport({
    findings: result.findings,
    rules: ruleMeta,
    ran: result.ran,
    examined: result.examined,
    selections,
    stats: result.stats,
    toolVersion: packageJson.version,
  });
  const link = locationLinker({
    cwd,
    reportDir: values.output ? path.dirname(path.resolve(cwd, values.output)) : cwd,
    blobBase: blobBaseOf(io.env),
    repositoryBase: repositoryBase(cwd),
  });
  const text = format === "html" ? formatHtml(compliance, link, { generatedAt: new Date() }) : formatMarkdown(compliance, link);
  if (values.output) writeReport(values.output, cwd, [text]);
  else io.stdout.write(text);

  const { unlinted } = runVerdict(activeFindings(result.findings), "none");
  if (unlinted.length > 0) io.stderr.write(unlintedMessage(unlinted, `which fails the run (the report lists ${unlinted.length === 1 ? "it" : "them"})`));
  return unlinted.length > 0 ? 1 : 0;
}

const RULE_LIST_FORMATS = ["text", "json"] as const;
const RULES_OPTIONS = { format: { type: "string" }, config: { type: "string", short: "c" }, rules: { type: "string", multiple: true } } as const;

/** The rule documentation writers, imported by `kubeward rules` only: a lint never needs them at start-up. */
async function ruleDocs() {
  const [{ renderRuleDoc }, { ruleListJson }] = await Promise.all([import("./docs/rule-doc.js"), import("./docs/rule-list.js")]);
  return { renderRuleDoc, ruleListJson };
}

async function rules(args: string[], io: CliEnvironment): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: RULES_OPTIONS });
  // Custom rules are rules like the others: the config's customRules and --rules files are listed too.
  const ruleList = (await loadRunConfig(io.cwd, values.config, values.rules)).rules;
  const allMeta = [...ruleList.map((rule) => rule.meta), ...DIAGNOSTIC_RULES];
  const format = oneOf(values.format, RULE_LIST_FORMATS, "--format") ?? "text";
  if (positionals.length > 1) throw new UsageError(`rules takes at most one rule id (got ${positionals.length})`);
  const id = positionals.at(0);
  if (id === undefined) {
    io.stdout.write(format === "json" ? (await ruleDocs()).ruleListJson(allMeta) : listRules(ruleList));
    return 0;
  }
  if (format === "json") throw new UsageError("--format json lists every rule; leave out the rule id");
  const meta = allMeta.find((candidate) => candidate.id === id);
  if (!meta) {
    const hint = closestMatch(id, allMeta.map((candidate) => candidate.id));
    throw new PlainError(`unknown rule "${id}"${hint ? ` (did you mean "${hint}"?)` : ""}; \`kubeward rules\` lists them`);
  }
  io.stdout.write((await ruleDocs()).renderRuleDoc(meta));
  return 0;
}

/** Runs the kubeward command line `argv` (without node and the script) in `io`, and returns the exit code. */
export async function main(argv: readonly string[], io: CliEnvironment): Promise<number> {
  try {
    const command = argv.at(0);
    const rest = argv.slice(1);
    if (command === undefined || command === "-h" || command === "--help" || command === "help") {
      io.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === "--version") {
      io.stdout.write(`${packageJson.version}\n`);
      return 0;
    }
    if (rest.includes("-h") || rest.includes("--help")) {
      io.stdout.write(`${command === "rules" ? RULES_USAGE : USAGE}\n`);
      return 0;
    }
    if (command === "lint") return await lint(rest, io);
    if (command === "report") return await report(rest, io);
    if (command === "rules") return await rules(rest, io);
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`kubeward: configuration error: ${error.describe()}\n`);
      return 2;
    }
    if (error instanceof PlainError || error instanceof OptionError) {
      io.stderr.write(`kubeward: ${error.message}\n`);
      return 2;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr.write(`kubeward: ${(error as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    io.stderr.write(`kubeward: internal error: ${(error as Error).stack ?? String(error)}\nPlease report this.\n`);
    return 2;
  }
}
