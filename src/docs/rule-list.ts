import { helpUri, type RuleMeta } from "../core/rule-meta.js";
import { levelOf } from "../core/severity.js";

/** One rule as `kubeward rules --format json` prints it, for scripts and editors. */
export interface RuleListEntry {
  id: string;
  title: string;
  severity: RuleMeta["severity"];
  level: ReturnType<typeof levelOf>;
  category: RuleMeta["category"];
  enabledByDefault: boolean;
  /** Input that could not be linted, which fails a run whatever the fail level. */
  unlintedInput: boolean;
  frameworks: RuleMeta["frameworks"];
  equivalents: RuleMeta["equivalents"];
  options: { name: string; type: string; default: unknown; description: string }[];
  helpUri: string;
}

/** Every rule's metadata as plain JSON, in registry order. */
export function ruleListJson(metas: readonly RuleMeta[]): string {
  const entries: RuleListEntry[] = metas.map((meta) => ({
    id: meta.id,
    title: meta.title,
    severity: meta.severity,
    level: levelOf(meta.severity),
    category: meta.category,
    enabledByDefault: meta.enabledByDefault ?? true,
    unlintedInput: meta.unlintedInput ?? false,
    frameworks: meta.frameworks,
    equivalents: meta.equivalents,
    options: Object.entries(meta.options ?? {}).map(([name, spec]) => ({ name, type: spec.type, default: spec.default, description: spec.description })),
    helpUri: helpUri(meta.id),
  }));
  return `${JSON.stringify({ rules: entries }, null, 2)}\n`;
}
