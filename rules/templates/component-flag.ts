import { commandLineOf, defineRule, describeContainer, effectiveFlag, workloadContainers, type Rule, type RuleMeta } from "../../src/engine/api.js";

/** What a flag's value must be; `unset` is the component's own default, which decides when the flag is absent. */
export type FlagRequirement =
  | { kind: "equals"; value: string; unset: "passes" | "fails" }
  | { kind: "set"; unset: "fails" }
  | { kind: "listIncludes"; item: string; unset: "passes" | "fails" }
  | { kind: "listExcludes"; item: string; unset: "passes" }
  | { kind: "atLeast"; minimum: number; unset: "passes" | "fails" };

/** What sets one control-plane flag rule apart from the others: the program, the flag and what its value must be. */
export interface ComponentFlag {
  /** The program as the container runs it, e.g. `kube-apiserver`. */
  component: string;
  /** Without dashes, e.g. `anonymous-auth`. */
  flag: string;
  /** Whether Go parses it as a boolean: `--flag` alone means true, and the next item is not its value. */
  boolean?: boolean;
  requirement: FlagRequirement;
  /** What the value should be, for messages: e.g. `false`, `a list that includes NodeRestriction`. */
  expected: string;
  meta: Omit<RuleMeta, "example">;
}

function satisfies(requirement: FlagRequirement, value: string): boolean {
  const items = value.split(",").map((item) => item.trim());
  switch (requirement.kind) {
    case "equals":
      return value === requirement.value;
    case "set":
      return value !== "";
    case "listIncludes":
      return items.includes(requirement.item);
    case "listExcludes":
      return !items.includes(requirement.item);
    case "atLeast":
      return Number(value) >= requirement.minimum;
  }
}

/** A value that meets the requirement, for the example in the docs. */
function goodValue(requirement: FlagRequirement): string {
  switch (requirement.kind) {
    case "equals":
      return requirement.value;
    case "listIncludes":
      return requirement.item;
    case "atLeast":
      return String(requirement.minimum);
    default:
      return "<value>";
  }
}

/**
 * A rule over a control-plane component's command line (the static pods of kube-apiserver, etcd, the
 * controller manager and the scheduler): it reports the flag where it is set wrongly, or the command
 * line when the flag is absent and the component's default is unsafe.
 */
export function componentFlagRule({ component, flag, boolean = false, requirement, expected, meta }: ComponentFlag): Rule {
  const pod = (args: string): string =>
    `containers:\n  - name: ${component}\n    image: registry.k8s.io/${component}:v1.33.0\n    command:\n      - ${component}${args}`;
  return defineRule({
    meta: {
      ...meta,
      messages: {
        wrongValue: `{{container}} runs ${component} with --${flag}={{value}}; it should be ${expected}.`,
        missing: `{{container}} runs ${component} without --${flag}; it should be ${expected}.`,
      },
      example: {
        bad: pod(requirement.unset === "fails" ? "" : `\n      - --${flag}=${requirement.kind === "listExcludes" ? requirement.item : ""}`),
        good: pod(`\n      - --${flag}=${goodValue(requirement)}`),
      },
    },
    *check(object) {
      for (const container of workloadContainers(object)) {
        const commandLine = commandLineOf(container);
        if (commandLine.program !== component) continue;
        const set = effectiveFlag(commandLine, flag);
        if (!set) {
          if (requirement.unset === "fails") yield { path: commandLine.insertPath, messageId: "missing", data: { container: describeContainer(container) } };
          continue;
        }
        const value = set.value ?? (boolean ? "true" : (set.next ?? ""));
        if (!satisfies(requirement, value)) yield { path: set.path, messageId: "wrongValue", data: { container: describeContainer(container), value } };
      }
    },
  });
}
