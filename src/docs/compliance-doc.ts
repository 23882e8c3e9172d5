import { FRAMEWORKS, type Coverage } from "../core/frameworks.js";
import { FRAMEWORK_OF, FRAMEWORK_SELECTIONS } from "../core/framework-selection.js";
import type { Framework, RuleMeta } from "../core/rule-meta.js";
import { plural } from "../core/words.js";
import { CONTROL_STATUSES, STATUS_LABEL, type ControlStatus } from "../report/compliance.js";
import { escapeMarkdown } from "../report/escape.js";
import { MARKDOWN_LIMITS } from "../report/markdown.js";
import { docFileName } from "./pages.js";

/** docs/compliance.md: how to make and read a compliance report, and each framework's coverage, from the framework data. */

const COVERAGE_LABEL: Readonly<Record<Coverage, string>> = { checked: "checked", partial: "partly checked", "not-static": "not checkable statically" };

const STATUS_MEANING: Readonly<Record<ControlStatus, string>> = {
  fail: "A rule that checks the control has findings (not suppressed). They are listed under the control, each linking to its file and line. Rules marked (off) did not run.",
  pass: "The control's rules ran, met objects they check among the inputs, and found nothing wrong with them. A pass speaks for those objects only: read it together with what was linted.",
  "not-static":
    "The framework data says a linter cannot check the control from manifests: it asks for runtime evidence, a process or people. The report shows the data's note on what a linter cannot see; such a control never counts as a pass.",
  "not-checked":
    "Nothing of this run checked the control: kubeward has no rule for it, its rules are turned off in the configuration, or they found nothing among the inputs to check (no kube-apiserver manifest for an API server flag, no KubeletConfiguration or kubelet command line for a kubelet setting, no Role for an RBAC grant, no pod spec for a Pod Security control). The status says which.",
};

function coverageCell(coverage: Coverage, limits: string | undefined): string {
  return limits && coverage !== "checked" ? `${COVERAGE_LABEL[coverage]}: ${escapeMarkdown(limits)}` : COVERAGE_LABEL[coverage];
}

function frameworkTable(framework: Framework, rules: readonly RuleMeta[]): string[] {
  const data = FRAMEWORKS[framework];
  const rulesOf = new Map<string, RuleMeta[]>();
  for (const meta of rules) {
    for (const ref of meta.frameworks) {
      if (ref.framework !== framework) continue;
      const list = rulesOf.get(ref.control) ?? [];
      if (!list.includes(meta)) list.push(meta);
      rulesOf.set(ref.control, list);
    }
  }
  const controls = Object.entries(data.controls);
  const counts = (Object.keys(COVERAGE_LABEL) as Coverage[]).map((coverage) => `${controls.filter(([, control]) => control.coverage === coverage).length} ${COVERAGE_LABEL[coverage]}`);
  const selections = FRAMEWORK_SELECTIONS.filter((selection) => FRAMEWORK_OF[selection] === framework).map((selection) => `\`${selection}\``);
  const rows = controls.map(([id, control]) => {
    const ruleLinks = (rulesOf.get(id) ?? [])
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((meta) => `[${meta.id}](rules/${docFileName(meta.id)})${meta.enabledByDefault === false ? " (off by default)" : ""}`);
    return `| ${escapeMarkdown(id)} | ${escapeMarkdown(control.title)} | ${coverageCell(control.coverage, control.limits)} | ${ruleLinks.join(", ")} |`;
  });
  return [
    `### ${data.fullName}${data.version ? ` ${data.version}` : ""}`,
    "",
    `Selected by ${selections.join(" and ")}${framework === "PSS" ? " (`pss-baseline` takes the `baseline/` controls, `pss-restricted` both levels, as the restricted profile includes the baseline)" : ""}. [The framework](${data.informationUri}). ${plural(controls.length, "control")}: ${counts.join(", ")}.`,
    "",
    "| Control | Title | Coverage | Rules |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
  ];
}

export function renderComplianceDoc(rules: readonly RuleMeta[]): string {
  const statuses = CONTROL_STATUSES.map((status) => `| ${STATUS_LABEL[status]} | ${STATUS_MEANING[status]} |`);
  return [
    "# Compliance reports",
    "",
    "`kubeward report` answers \"how do these manifests stand against framework X\": for each selected framework and each of its",
    "controls, whether the manifests pass, fail, or cannot be judged by a linter at all, with the failing objects and their",
    "file:line links, and totals. It makes the same run as `kubeward lint` (same paths, configuration, Helm and Kustomize options).",
    "",
    "## Making a report",
    "",
    "```sh",
    "kubeward report fixtures/demo --framework pci-dss --format html -o report.html   # one self-contained page",
    "kubeward report k8s/ --framework pss-restricted --framework cis --format markdown -o compliance.md",
    "kubeward report charts/shop -f prod-values.yaml                                  # HTML on standard output, every framework",
    "```",
    "",
    `- \`--framework\` (repeatable): ${FRAMEWORK_SELECTIONS.map((selection) => `\`${selection}\``).join(", ")}. Without it, the configuration's`,
    "  `frameworks:`, else all six. Only the rules of the selected frameworks run.",
    "- `--format html` (the default) writes one self-contained page: inline style and script, nothing fetched (no fonts, images",
    "  or scripts from elsewhere; only the links you click lead out, to the rules' documentation and the frameworks' sites).",
    "  It has a chart and totals per framework, a table of its controls, and under each failing control its findings; checkboxes",
    "  filter by severity and framework and the counts follow; printing shows everything, without the filters.",
    `- \`--format markdown\` writes the same content compactly, for a GitHub job summary (1 MiB at most per step): at most`,
    `  ${MARKDOWN_LIMITS.perControl} findings are listed under a control and ${MARKDOWN_LIMITS.total.toLocaleString("en-US")} in all, the rest counted ("… and N more"); the HTML report lists every one.`,
    "- `-o FILE` writes to a file (default: standard output). Finding links are relative to the report's folder (`../k8s/web.yaml#L12`),",
    "  so the page works next to a checkout; when `GITHUB_SERVER_URL`, `GITHUB_REPOSITORY` and `GITHUB_SHA` are set (a GitHub",
    "  Actions run), they point at the commit's file on GitHub instead.",
    "- A report is no gate: the exit code is 0 when it is written, whatever it finds. Input that could not be linted (a file",
    "  that does not parse, a chart that fails to render) makes it 1, as for `lint`: the report names that input at the top,",
    "  since what it holds is in no control. Usage errors (such as `--format sarif`, which is `lint`'s) exit 2.",
    "- The GitHub Action's job summary shows the Markdown report of each framework its `framework` input names (of every linted",
    "  file, also under `only-changed`).",
    "",
    "![The compliance report of fixtures/demo for pss-restricted and pci-dss](compliance-report.png)",
    "",
    "`node scripts/screenshot-report.mjs` (after `npm run build`, with Debian's `chromium`) makes this picture again.",
    "",
    "## Reading a report",
    "",
    "| Status | Meaning |",
    "| --- | --- |",
    ...statuses,
    "",
    "A control marked **partly checked** passes or fails as above, but its rules see only part of what it asks; the rest, named",
    "under the control, needs another kind of evidence. A finding that a `kubeward-ignore` comment or the `kubeward.io/ignore`",
    "annotation suppresses fails no control (the report counts them). A finding of a rule that serves several controls is",
    "listed under each of them and counted once in the framework's totals.",
    "",
    "## What each framework covers",
    "",
    "Generated from the framework data (`src/core/frameworks.ts`) and the rules' metadata; `npm run docs` rewrites it. *Checked*: the",
    "rules check what the control asks of manifests; *partly checked*: they check some of it; *not checkable statically*: a linter",
    "cannot tell. [docs/rules/README.md](rules/README.md#out-of-scope) lists checks that need a live cluster or node.",
    "",
    ...(Object.keys(FRAMEWORKS) as Framework[]).flatMap((framework) => frameworkTable(framework, rules)),
    "<!-- Generated by `npm run docs`; do not edit. -->",
    "",
  ].join("\n");
}
