import { controlTitle } from "../core/frameworks.js";
import { helpUri, type RuleMeta } from "../core/rule-meta.js";
import { levelOf } from "../core/severity.js";

const TOOL_NAMES: Record<string, string> = { kubeLinter: "kube-linter", polaris: "Polaris", checkov: "Checkov", trivy: "Trivy", kubeScore: "kube-score" };

/** The scope of a rule that reads one object at a time. */
const SINGLE_OBJECT_SCOPE = "Each object is judged on its own: no other object of the run changes the verdict.";

/** The markdown page of a rule, generated from its metadata only (docs/rules/<id>.md, `kubeward rules ID`). */
export function renderRuleDoc(meta: RuleMeta): string {
  const lines = [
    `# ${meta.id}`,
    "",
    `**${meta.title}**`,
    "",
    `| | |`,
    `| --- | --- |`,
    `| Severity | ${meta.severity} (reported as ${levelOf(meta.severity)}) |`,
    `| Category | ${meta.category} |`,
  ];
  if (meta.enabledByDefault === false) lines.push(`| Default | off: runs only when \`.kubeward.yaml\` turns it on (\`on\`, a severity, or \`enabled: true\`) |`);
  const frameworks = meta.frameworks.map((ref) => {
    const title = controlTitle(ref);
    return `${ref.framework} ${ref.control}${title ? ` (${title})` : ""}`;
  });
  if (frameworks.length) lines.push(`| Frameworks | ${frameworks.join("; ")} |`);
  const equivalents = Object.entries(meta.equivalents)
    .filter((entry): entry is [string, string[]] => Array.isArray(entry[1]) && entry[1].length > 0)
    .map(([tool, ids]) => `${TOOL_NAMES[tool] ?? tool}: ${ids.map((id) => `\`${id}\``).join(", ")}`);
  if (equivalents.length) lines.push(`| Equivalent checks | ${equivalents.join("; ")} |`);
  lines.push("", "## Why", "", meta.rationale, "", "## How to fix", "", meta.remediation);
  if (meta.category !== "input") lines.push("", "## Scope", "", meta.scope ?? SINGLE_OBJECT_SCOPE);
  if (meta.example) {
    lines.push("", "## Example", "", "Flagged:", "", "```yaml", meta.example.bad, "```", "", "Passes:", "", "```yaml", meta.example.good, "```");
  }
  const messages = Object.entries(meta.messages ?? {});
  if (messages.length) {
    lines.push("", "## Messages", "", "`{{name}}` stands for a value of the finding, such as a container's name.", "", "| Id | Message |", "| --- | --- |");
    for (const [id, template] of messages) lines.push(`| \`${id}\` | ${template.replace(/\|/g, "\\|")} |`);
  }
  const options = Object.entries(meta.options ?? {});
  if (options.length) {
    lines.push("", "## Options", "", "| Option | Type | Default | Description |", "| --- | --- | --- | --- |");
    for (const [name, spec] of options) lines.push(`| \`${name}\` | ${spec.type} | \`${JSON.stringify(spec.default)}\` | ${spec.description} |`);
  }
  if (meta.category !== "input") {
    lines.push(
      "",
      "## Configuration and suppression",
      "",
      "```yaml",
      "# .kubeward.yaml",
      "rules:",
      meta.enabledByDefault === false
        ? `  ${meta.id}: on           # or a severity: critical, high, medium, low`
        : `  ${meta.id}: off          # or a severity: critical, high, medium, low`,
      "```",
      "",
      `Suppress one finding with \`# kubeward-ignore ${meta.id} -- reason\` on the line or the line before, or a whole object with the annotation \`kubeward.io/ignore: "${meta.id}"\`.`,
    );
  } else if (meta.unlintedInput) {
    lines.push(
      "",
      "## Configuration",
      "",
      "A finding of this rule fails the run (exit code 1, or a failed step in the GitHub Action) whatever `--fail-on` says, so input that could not be linted never passes CI silently. Its severity cannot be changed. To accept such input, turn the rule off; it is then neither reported nor failing:",
      "",
      "```yaml",
      "# .kubeward.yaml",
      "rules:",
      `  ${meta.id}: off`,
      "```",
    );
  } else {
    lines.push(
      "",
      "## Configuration",
      "",
      "A finding of this rule fails the run like any other finding at or above the fail level.",
      "",
      "```yaml",
      "# .kubeward.yaml",
      "rules:",
      `  ${meta.id}: off          # or a severity: critical, high, medium, low`,
      "```",
    );
  }
  lines.push("", `<!-- Generated from the rule's metadata by \`npm run docs\`; do not edit. Source: ${helpUri(meta.id)} -->`, "");
  return lines.join("\n");
}
