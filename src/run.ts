import path from "node:path";
import { closestMatch, type Config } from "./config/model.js";
import { discover } from "./discover/discover.js";
import { displayPath } from "./core/display-path.js";
import type { ExpandSettings, Expansion, ExpansionTiming } from "./expand/expand.js";
import type { RenderCacheStats } from "./expand/render-cache.js";
import { DIAGNOSTIC_RULES, UNKNOWN_IGNORED_RULE } from "./core/diagnostics.js";
import { activeRules, createLinter, problemFinding } from "./engine/engine.js";
import { type Finding, compareFindings } from "./engine/finding.js";
import type { Rule } from "./engine/rule.js";
import { ignoreMentions } from "./manifest/ignores.js";
import { parseManifest } from "./manifest/parse.js";
import { decodeManifest, readManifest } from "./manifest/read.js";
import { sourceText, type SourceText } from "./manifest/text.js";
import type { InputProblem, SkippedDocument } from "./core/types.js";
import { rulesOfFrameworks, type FrameworkSelection } from "./core/framework-selection.js";
import type { RuleMeta } from "./core/rule-meta.js";
import type { K8sObject } from "./core/types.js";
import type { PolicySet } from "./policy/vap.js";

export interface RunOptions {
  inputs: readonly string[];
  cwd: string;
  /** The environment helm and kustomize are looked up in (KUBEWARD_HELM, KUBEWARD_KUSTOMIZE, PATH). */
  env: Readonly<Record<string, string | undefined>>;
  config: Config;
  /** Extra exclude globs from the command line. */
  exclude: readonly string[];
  rules: readonly Rule[];
  /** Only the rules of these frameworks run; none given, the config's `frameworks:`, else every rule. */
  frameworks?: readonly FrameworkSelection[];
  readStdin: () => Promise<Buffer>;
  /** Folders (or files) of ValidatingAdmissionPolicies, bindings and params objects applied to the run's objects; not linted themselves. */
  policies?: readonly string[];
  /** How to render charts and build overlays; the working directory and environment are taken from `cwd` and `env`. */
  expand: Omit<ExpandSettings, "cwd" | "env">;
}

export interface RunResult {
  findings: Finding[];
  skipped: SkippedDocument[];
  stats: { files: number; objects: number; bytes: number };
  /** Per chart or overlay: time inside helm/kubectl and in all. */
  timings: ExpansionTiming[];
  /** How the render cache did, when it was on and the run had charts or overlays. */
  renderCache?: RenderCacheStats;
  /** The rules of the ValidatingAdmissionPolicies the run found (`vap/<name>`), for the report's rule metadata. */
  policyRules: RuleMeta[];
  /** Ids of the rules that ran: those of the selected frameworks that the config leaves on. */
  ran: ReadonlySet<string>;
  /** Ids of the rules that ran and met an object they check. */
  examined: ReadonlySet<string>;
}

/** The whole pipeline: discover → read → parse → lint. Never throws for bad input. */
export async function run(options: RunOptions): Promise<RunResult> {
  // The config's globs are relative to its own folder, which may be above the working directory.
  const configDir = options.config.file ? path.dirname(path.resolve(options.cwd, options.config.file)) : options.cwd;
  const discovery = await discover(options.inputs, {
    cwd: options.cwd,
    include: { patterns: options.config.include, base: configDir },
    exclude: [
      { patterns: options.config.exclude, base: configDir },
      { patterns: options.exclude, base: options.cwd },
    ],
  });
  const charts = discovery.sources.flatMap((source) => (source.kind === "helm" ? [source.dir] : []));
  const overlays = discovery.sources.flatMap((source) => (source.kind === "kustomize" ? [source.dir] : []));
  const expansion = await expandCharts(charts, overlays, { ...options.expand, cwd: options.cwd, env: options.env });
  const problems: InputProblem[] = [...discovery.problems, ...expansion.problems];
  const skipped: SkippedDocument[] = [...expansion.skipped];
  // Every plain file is read before any is linted, so that the policies among them apply to all objects.
  const reads = [];
  for (const source of discovery.sources) {
    if (source.kind === "helm" || source.kind === "kustomize") continue;
    const kustomizeReason = source.kind === "manifests" ? expansion.skipReason(source.file) : undefined;
    if (kustomizeReason) {
      skipped.push({ file: source.display, reason: kustomizeReason });
      continue;
    }
    const read = source.kind === "stdin" ? decodeManifest(await options.readStdin(), "-") : readManifest(source.file, source.display);
    if ("problem" in read) problems.push(read.problem);
    else if ("skip" in read) skipped.push({ file: source.display, reason: read.skip });
    else reads.push({ display: source.display, text: read.text });
  }
  const { policies, policyFiles } = await admissionPolicies(options, expansion.objects, reads);
  problems.push(...policyFiles.problems);
  const allRules = [...options.rules, ...policies.rules];
  const selected = rulesOfFrameworks(allRules, options.frameworks?.length ? options.frameworks : options.config.frameworks);
  const active = activeRules(selected, options.config.rules);
  const linter = createLinter(active, { podTemplates: options.config.podTemplates, messageData: false });
  policies.observe(policyFiles.all);
  policies.observe(expansion.objects);
  linter.lint(expansion.objects);
  let objects = expansion.objects.length;
  let bytes = 0;
  const unknownIgnores = unknownIgnoredRules(allRules);
  const ignoreFindings: Finding[] = [];

  // A file at a time: each file's objects are linted as soon as it is parsed, and not kept after. Each read is
  // taken off the list, so its text is not held to the end: the objects kept keep the YAML reader's own copy of it
  // (src/manifest/listener-read.ts), and both copies of every file would otherwise be alive at once.
  const pending = reads.splice(0).reverse();
  for (let read = pending.pop(); read; read = pending.pop()) {
    bytes += read.text.length;
    if (read.text.includes("kubeward-ignore")) ignoreFindings.push(...unknownIgnores(read.display, sourceText(read.text)));
    const parsed = parseManifest(read.display, read.text);
    policies.observe(parsed.objects);
    linter.lint(parsed.objects);
    objects += parsed.objects.length;
    for (const problem of parsed.problems) problems.push(problem);
    for (const skip of parsed.skipped) skipped.push(skip);
  }

  // The --policies files are not linted; only the policies' own rules say what is wrong with them (unbound, invalid CEL).
  const policyLinter = createLinter(active.filter((entry) => policies.rules.includes(entry.rule)));
  policyLinter.lint(policyFiles.objects);

  const findings = problems.map(problemFinding);
  for (const finding of linter.finish()) findings.push(finding);
  for (const finding of policyLinter.finish()) findings.push(finding);
  // Chart and Kustomize files are read while findings are located, so only now are they all known.
  for (const { file, source } of expansion.sourcesRead()) findings.push(...unknownIgnores(displayPath(options.cwd, file), source));
  findings.push(...ignoreFindings);
  return {
    findings: withDiagnosticSettings(findings, options.config).sort(compareFindings),
    skipped,
    stats: { files: discovery.sources.length, objects, bytes },
    timings: expansion.timings,
    renderCache: expansion.renderCache,
    policyRules: policies.rules.map((rule) => rule.meta),
    ran: new Set(active.map(({ rule }) => rule.meta.id)),
    examined: linter.examined(),
  };
}

/** What expanding no chart and no overlay gives: nothing, and no file left to Kustomize. */
const NO_EXPANSION: Expansion = { objects: [], problems: [], skipped: [], timings: [], skipReason: () => undefined, sourcesRead: () => [] };

/**
 * Renders the charts and builds the overlays. The expansion code (Helm, Kustomize, their source maps) is a
 * tenth of the CLI: imported only when a run has a chart or an overlay, so plain manifests start faster.
 */
async function expandCharts(charts: readonly string[], overlays: readonly string[], settings: ExpandSettings): Promise<Expansion> {
  if (charts.length === 0 && overlays.length === 0) return NO_EXPANSION;
  const { expandSources } = await import("./expand/expand.js");
  return expandSources(charts, overlays, settings);
}

const NO_POLICY_FILES = { objects: [], all: [], problems: [] };
const NO_POLICIES: PolicySet = { rules: [], observe: () => undefined };
const ADMISSION_API = "admissionregistration.k8s.io";

/**
 * The run's ValidatingAdmissionPolicies, bindings and params: from --policies and among the inputs. The
 * policy code carries the CEL evaluator, so it is imported only when a run may have a policy: most have none.
 */
async function admissionPolicies(
  options: RunOptions,
  expanded: readonly K8sObject[],
  reads: ReadonlyArray<{ display: string; text: string }>,
): Promise<{ policies: PolicySet; policyFiles: { objects: K8sObject[]; all: K8sObject[]; problems: InputProblem[] } }> {
  const inputsMayHold = expanded.some((object) => object.apiVersion.startsWith(`${ADMISSION_API}/`)) || reads.some((read) => read.text.includes(ADMISSION_API));
  if (!inputsMayHold && !options.policies?.length) return { policies: NO_POLICIES, policyFiles: NO_POLICY_FILES };
  const [{ isPolicyObject, policySet }, { readPolicyFiles }] = await Promise.all([import("./policy/vap.js"), import("./policy/policy-files.js")]);
  const policyFiles = readPolicyFiles(options.policies ?? [], options.cwd);
  const policyObjects: K8sObject[] = [...policyFiles.objects, ...expanded.filter(isPolicyObject)];
  for (const read of reads) {
    if (read.text.includes(ADMISSION_API)) policyObjects.push(...parseManifest(read.display, read.text).objects.filter(isPolicyObject));
  }
  return { policies: policySet(policyObjects), policyFiles };
}

const DIAGNOSTIC_IDS = new Set(DIAGNOSTIC_RULES.map((meta) => meta.id));

/** For a file's text: a finding at each id a `kubeward-ignore` comment names that is no rule, with a did-you-mean. */
function unknownIgnoredRules(rules: readonly Rule[]): (file: string, source: SourceText) => Finding[] {
  const ids = [...rules.map((rule) => rule.meta.id), ...DIAGNOSTIC_IDS];
  const known = new Set(ids);
  const meta = DIAGNOSTIC_RULES.find((candidate) => candidate.id === UNKNOWN_IGNORED_RULE);
  if (!meta) throw new Error(`${UNKNOWN_IGNORED_RULE} is missing from DIAGNOSTIC_RULES`);
  const { severity } = meta;
  return (file, source) =>
    ignoreMentions(source)
      .filter((mention) => !known.has(mention.rule))
      .map((mention) => {
        const hint = closestMatch(mention.rule, ids);
        return {
          ruleId: UNKNOWN_IGNORED_RULE,
          severity,
          message: `kubeward-ignore names "${mention.rule}", which is no rule${hint ? ` (did you mean "${hint}"?)` : ""}, so the comment suppresses nothing for it; \`kubeward rules\` lists them.`,
          file,
          region: { startLine: mention.line, startColumn: mention.column, endLine: mention.line, endColumn: mention.endColumn },
        };
      });
}

/** Diagnostics as the config sets them: one turned off is neither reported nor failing; a severity replaces the default. */
function withDiagnosticSettings(findings: Finding[], config: Config): Finding[] {
  if (!Object.keys(config.rules).some((id) => DIAGNOSTIC_IDS.has(id))) return findings;
  const kept: Finding[] = [];
  for (const finding of findings) {
    const setting = DIAGNOSTIC_IDS.has(finding.ruleId) ? config.rules[finding.ruleId] : undefined;
    if (setting?.enabled === false) continue;
    kept.push(setting?.severity ? { ...finding, severity: setting.severity } : finding);
  }
  return kept;
}
