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
  /** `items: "name=regex"`: each item is a name, `=`, and a regular expression that compiles. */
  | { type: "string[]"; description: string; default: readonly string[]; items?: "name=regex" };

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

/** What is wrong with a `name=regex` item, or undefined when nothing is. */
export function namedRegexProblem(item: string): string | undefined {
  const at = item.indexOf("=");
  if (at <= 0 || item.slice(0, at).trim() === "" || at === item.length - 1) return `"${item}" is not name=regex`;
  try {
    new RegExp(item.slice(at + 1));
    return undefined;
  } catch (error) {
    return `"${item.slice(0, at)}" has an invalid regular expression (${(error as Error).message})`;
  }
}

export function optionMatches(spec: OptionSpec, value: unknown): boolean {
  if (spec.type === "string[]") {
    if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) return false;
    return spec.items === undefined || value.every((item: string) => namedRegexProblem(item) === undefined);
  }
  if (spec.type === "string" && spec.pattern !== undefined) return typeof value === "string" && new RegExp(`^(?:${spec.pattern})$`).test(value);
  return typeof value === spec.type;
}

export function describeOptionType(spec: OptionSpec): string {
  if (spec.type === "string" && spec.pattern !== undefined) return `a string matching ${spec.pattern}`;
  if (spec.type === "string[]" && spec.items !== undefined) return "a list of name=regex strings";
  return spec.type === "string[]" ? "a list of strings" : `a ${spec.type}`;
}

/** What is wrong with setting option `name` of rule `ruleId` to `value`, or undefined when nothing is. */
export function optionProblem(ruleId: string, specs: OptionSpecs | undefined, name: string, value: unknown): string | undefined {
  const spec = specs?.[name];
  if (!spec) {
    const known = Object.keys(specs ?? {});
    return `rule "${ruleId}" has no option "${name}"${known.length > 0 ? ` (options: ${known.join(", ")})` : " (it takes no options)"}`;
  }
  if (optionMatches(spec, value)) return undefined;
  const itemProblem = spec.type === "string[]" && spec.items !== undefined && Array.isArray(value) ? value.map((item) => (typeof item === "string" ? namedRegexProblem(item) : undefined)).find((p) => p !== undefined) : undefined;
  return `option "${name}" of "${ruleId}" must be ${describeOptionType(spec)}${itemProblem ? `: ${itemProblem}` : ""}`;
}

/** The declared defaults, overlaid with the configured values. */
export function resolveOptions(specs: OptionSpecs | undefined, configured: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs ?? {})) options[name] = Object.hasOwn(configured, name) ? configured[name] : spec.default;
  return options;
}
