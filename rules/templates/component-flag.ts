import { componentFlagsOf, defineRule, effectiveSetting, listItems, mapEntries, programObjects, type ComponentFlags, type FlagSetting, type Rule, type RuleMeta } from "../../src/engine/api.js";

/**
 * What a flag's value must be. `unset` says what the program's own default does when the flag is
 * absent (and kubeadm's defaults count as set). List kinds read every occurrence, as string slices do.
 */
export type FlagRequirement =
  | { kind: "equals"; value: string; unset: "passes" | "fails" }
  | { kind: "oneOf"; values: readonly string[]; unset: "passes" | "fails" }
  | { kind: "notEquals"; value: string }
  | { kind: "set" }
  | { kind: "absent" }
  | { kind: "listIncludes"; item: string }
  | { kind: "listExcludes"; item: string; unset: "passes" | "fails" }
  | { kind: "listWithin"; allowed: readonly string[] }
  | { kind: "atLeast"; minimum: number; unset: "passes" | "fails" }
  | { kind: "gateNotFalse"; gate: string }
  | { kind: "positiveDuration" };

/** A Go duration (`time.ParseDuration`): `300ms`, `60s`, `1h30m`; a sign and a plain 0 are Go's too. */
const DURATION = /^[-+]?(0|(\d+(\.\d*)?|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h))+$/;

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
  /** A value to write, for messages and the docs' example: e.g. kubeadm's path for a file flag. */
  suggested?: string;
  /** A value that breaks the requirement, for the docs' example, when the default passes. */
  violating?: string;
  /** The rule applies only when this other flag names a file (audit log rotation needs an audit log file). */
  onlyWithFile?: string;
  /** The Kubernetes minor version from which the flag matters: older versions (by image tag or kubernetesVersion) are passed over. */
  sinceMinor?: number;
  /** The rule does not apply when this other flag is set (`--authorization-config` replaces `--authorization-mode`). */
  skipWith?: string;
  meta: Omit<RuleMeta, "example" | "category">;
}

/** A value that meets the requirement, given the current one (for list flags, the current list plus or minus an item). */
function goodValue({ requirement, suggested }: ComponentFlag, current: readonly string[]): string {
  // For a list without the bad item, what is left of the list is the fix; the suggestion only when nothing is.
  if (suggested !== undefined && requirement.kind !== "listExcludes") return suggested;
  switch (requirement.kind) {
    case "equals":
      return requirement.value;
    case "oneOf":
      return requirement.values[0] ?? "";
    case "listIncludes":
      return [...current, requirement.item].join(",");
    case "listExcludes":
      return current.filter((item) => item !== requirement.item).join(",") || (suggested ?? "");
    case "listWithin":
      return current.filter((item) => requirement.allowed.includes(item)).join(",") || requirement.allowed.join(",");
    case "atLeast":
      return String(requirement.minimum);
    case "gateNotFalse":
      return `${requirement.gate}=true`;
    default:
      return "<value>";
  }
}

type Verdict = { wrong: FlagSetting; value: string; current: string[] } | { missing: true; current: string[] } | undefined;

/** Whether the flag as the program reads it breaks the requirement, and where. */
function verdict({ requirement, flag, boolean = false }: ComponentFlag, component: ComponentFlags): Verdict {
  const settings = component.settings(flag, boolean);
  const last = effectiveSetting(settings);
  const items = listItems(settings);
  const current = items.map(({ item }) => item);
  if (last === undefined) {
    const unsetFails = requirement.kind === "set" || requirement.kind === "listIncludes" || ("unset" in requirement && requirement.unset === "fails");
    return unsetFails ? { missing: true, current } : undefined;
  }
  switch (requirement.kind) {
    case "equals":
      return last.value === requirement.value ? undefined : { wrong: last, value: last.value, current };
    case "oneOf":
      return requirement.values.includes(last.value) ? undefined : { wrong: last, value: last.value, current };
    case "notEquals":
      return last.value !== requirement.value ? undefined : { wrong: last, value: last.value, current };
    case "set":
      return last.value !== "" ? undefined : { wrong: last, value: last.value, current };
    case "absent":
      return { wrong: last, value: last.value, current };
    case "atLeast":
      return Number(last.value) >= requirement.minimum ? undefined : { wrong: last, value: last.value, current };
    case "listIncludes":
      return current.includes(requirement.item) ? undefined : { wrong: last, value: current.join(","), current };
    case "listExcludes": {
      const bad = items.find(({ item }) => item === requirement.item);
      return bad ? { wrong: bad.setting, value: bad.setting.value, current } : undefined;
    }
    case "listWithin": {
      const bad = items.filter(({ item }) => !requirement.allowed.includes(item));
      return bad[0] ? { wrong: bad[0].setting, value: bad.map(({ item }) => item).join(","), current } : undefined;
    }
    case "positiveDuration":
      return DURATION.test(last.value) && !last.value.startsWith("-") && /[1-9]/.test(last.value) ? undefined : { wrong: last, value: last.value, current };
    case "gateNotFalse": {
      const gate = mapEntries(settings).get(requirement.gate);
      return gate?.value.toLowerCase() === "false" ? { wrong: gate.setting, value: gate.setting.value, current } : undefined;
    }
  }
}

/** Whether the rule looks at this program's flags at all. */
function applies({ onlyWithFile, skipWith, sinceMinor }: ComponentFlag, component: ComponentFlags): boolean {
  const minor = /^v?1\.(\d+)(\.|$)/.exec(component.version ?? "")?.[1];
  if (sinceMinor !== undefined && minor !== undefined && Number(minor) < sinceMinor) return false;
  if (skipWith !== undefined && component.settings(skipWith, false).length > 0) return false;
  if (onlyWithFile === undefined) return true;
  const file = effectiveSetting(component.settings(onlyWithFile, false))?.value;
  return file !== undefined && file !== "" && file !== "-";
}

/**
 * A rule over a control-plane program's flags: the command line of its static pod (or any container
 * that runs it) and kubeadm's `extraArgs` for it. It reports the item, key or value that sets the flag
 * wrongly, or the place the flag belongs when it is absent and the program's default is unsafe.
 */
export function componentFlagRule(spec: ComponentFlag): Rule {
  const { component, flag, requirement, expected, meta } = spec;
  const pod = (args: string): string =>
    `containers:\n  - name: ${component}\n    image: registry.k8s.io/${component}:${component === "etcd" ? "3.5.21-0" : "v1.33.0"}\n    command:\n      - ${component}${args}`;
  const badValue =
    spec.violating ??
    (requirement.kind === "listExcludes" ? requirement.item : requirement.kind === "gateNotFalse" ? `${requirement.gate}=false` : requirement.kind === "notEquals" ? requirement.value : (spec.suggested ?? ""));
  const unsetPasses = !(requirement.kind === "set" || requirement.kind === "listIncludes" || ("unset" in requirement && requirement.unset === "fails"));
  const wrongValue = `${component} in {{where}} runs with --${flag}={{value}}; it should be ${expected}: {{fix}}.` as const;
  const missing = `${component} in {{where}} runs without --${flag}; it should be ${expected}: add {{fix}}.` as const;
  return defineRule({
    meta: {
      ...meta,
      category: "control-plane",
      // A flag whose absence is safe is never reported missing, so its rule declares no such message.
      messages: (unsetPasses ? { wrongValue } : { wrongValue, missing }) as { wrongValue: typeof wrongValue; missing: typeof missing },
      example: {
        bad: pod(unsetPasses ? `\n      - --${flag}=${badValue}` : ""),
        good: pod(requirement.kind === "absent" ? "" : `\n      - --${flag}=${goodValue(spec, [])}`),
      },
    },
    examines: (object) => componentFlagsOf(object).some((component) => component.program === spec.component),
    appliesTo: programObjects(component),
    *check(object) {
      for (const component of componentFlagsOf(object)) {
        if (component.program !== spec.component || !applies(spec, component)) continue;
        const found = verdict(spec, component);
        if (found === undefined) continue;
        const value = goodValue(spec, found.current);
        if ("missing" in found) {
          yield { path: component.insertPath, messageId: "missing", data: { where: component.where, fix: component.addition(flag, value) } };
          continue;
        }
        const fix = requirement.kind === "absent" || (requirement.kind === "listExcludes" && value === "") ? "remove it" : `set ${component.addition(flag, value)}`;
        yield { path: found.wrong.path, messageId: "wrongValue", data: { where: component.where, value: found.value, fix } };
      }
    },
  });
}
