import type { Severity } from "./rule-meta.js";

/**
 * Rule options, declared once in a rule's metadata: the config loader validates them, the docs list
 * them, the rule tester rejects undeclared ones, and the rule reads them typed.
 */
export type OptionSpec =
  /** `pattern`: a regular expression the whole value must match, checked where the type is. */
  | { type: "string"; description: string; default: string; pattern?: string }
  | { type: "boolean"; description: string; default: boolean }
  | { type: "number"; description: string; default: number }
  | { type: "string[]"; description: string; default: readonly string[] };

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

type ValueOf<Spec extends OptionSpec> = Spec["type"] extends "string[]"
  ? readonly string[]
  : Spec["type"] extends "number"
    ? number
    : Spec["type"] extends "boolean"
      ? boolean
      : string;

/** The options a rule's `check` receives: every declared option, configured or defaulted. */
export type OptionValues<Specs extends OptionSpecs> = { readonly [Name in keyof Specs]: ValueOf<Specs[Name]> };

/** How a rule is configured: on or off, its severity, its options. */
export interface RuleSetting {
  enabled?: boolean;
  severity?: Severity;
  options?: Record<string, unknown>;
}

export function optionMatches(spec: OptionSpec, value: unknown): boolean {
  if (spec.type === "string[]") return Array.isArray(value) && value.every((item) => typeof item === "string");
  if (spec.type === "string" && spec.pattern !== undefined) return typeof value === "string" && new RegExp(`^(?:${spec.pattern})$`).test(value);
  return typeof value === spec.type;
}

export function describeOptionType(spec: OptionSpec): string {
  if (spec.type === "string" && spec.pattern !== undefined) return `a string matching ${spec.pattern}`;
  return spec.type === "string[]" ? "a list of strings" : `a ${spec.type}`;
}

/** What is wrong with setting option `name` of rule `ruleId` to `value`, or undefined when nothing is. */
export function optionProblem(ruleId: string, specs: OptionSpecs | undefined, name: string, value: unknown): string | undefined {
  const spec = specs?.[name];
  if (!spec) {
    const known = Object.keys(specs ?? {});
    return `rule "${ruleId}" has no option "${name}"${known.length > 0 ? ` (options: ${known.join(", ")})` : " (it takes no options)"}`;
  }
  return optionMatches(spec, value) ? undefined : `option "${name}" of "${ruleId}" must be ${describeOptionType(spec)}`;
}

/** The declared defaults, overlaid with the configured values. */
export function resolveOptions(specs: OptionSpecs | undefined, configured: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs ?? {})) options[name] = Object.hasOwn(configured, name) ? configured[name] : spec.default;
  return options;
}
