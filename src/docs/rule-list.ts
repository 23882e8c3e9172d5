import { controlTitle } from "../core/frameworks.js";
import { helpUri, type FrameworkRef, type RuleMeta } from "../core/rule-meta.js";
import type { OptionSpec } from "../core/rule-options.js";
import { levelOf, type Level } from "../core/severity.js";

/** One entry of `kubeward rules --format json`; the fields are described in `kubeward rules --help`. */
export interface RuleListEntry {
  id: string;
  title: string;
  severity: RuleMeta["severity"];
  level: Level;
  category: RuleMeta["category"];
  enabledByDefault: boolean;
  unlintedInput: boolean;
  frameworks: Array<FrameworkRef & { title?: string }>;
  equivalents: RuleMeta["equivalents"];
  options: Array<{ name: string; pattern?: string; items?: "name=regex" } & Pick<OptionSpec, "type" | "default" | "description">>;
  messages: Array<{ id: string; template: string }>;
  helpUri: string;
}

function withTitle(ref: FrameworkRef): FrameworkRef & { title?: string } {
  const title = controlTitle(ref);
  return title === undefined ? { ...ref } : { ...ref, title };
}

export function ruleListEntry(meta: RuleMeta): RuleListEntry {
  return {
    id: meta.id,
    title: meta.title,
    severity: meta.severity,
    level: levelOf(meta.severity),
    category: meta.category,
    enabledByDefault: meta.enabledByDefault ?? true,
    unlintedInput: meta.unlintedInput ?? false,
    frameworks: meta.frameworks.map(withTitle),
    equivalents: meta.equivalents,
    options: Object.entries(meta.options ?? {}).map(([name, spec]) => ({
      name,
      type: spec.type,
      default: spec.default,
      description: spec.description,
      ...(spec.type === "string" && spec.pattern !== undefined && { pattern: spec.pattern }),
      ...(spec.type === "string[]" && spec.items !== undefined && { items: spec.items }),
    })),
    messages: Object.entries(meta.messages ?? {}).map(([id, template]) => ({ id, template })),
    helpUri: helpUri(meta.id),
  };
}

/** The metadata of `metas` as `{"rules": [...]}`, in their order. */
export function ruleListJson(metas: readonly RuleMeta[]): string {
  return `${JSON.stringify({ rules: metas.map(ruleListEntry) }, null, 2)}\n`;
}
