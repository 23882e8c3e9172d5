import { arrayOf } from "../core/json.js";
import type { Path } from "../core/types.js";
import type { ContainerRef } from "./workload.js";

/** One `--name=value` or `--name` item of a container's command line, with the path of that item. */
export interface CommandLineFlag {
  name: string;
  /** The text after `=`, if any. */
  value: string | undefined;
  /** The next item when it is not a flag: the value of `--name value`, unless the flag is a boolean. */
  next: string | undefined;
  path: Path;
}

/** A container's command line (`command`, then `args`, as the runtime joins them), read as flags. */
export interface CommandLine {
  /** The program: the last path segment of the first item, e.g. `kube-apiserver` for `/usr/local/bin/kube-apiserver`. */
  program: string | undefined;
  /** Where a flag that is not there would go: `args` when the container has them, else `command`. */
  insertPath: Path;
  /** Every occurrence of each flag, in order; Go's flag parsing lets the last one win. */
  flags: ReadonlyMap<string, readonly CommandLineFlag[]>;
}

const FLAG = /^--?([A-Za-z0-9][\w.-]*)(?:=(.*))?$/s;

export function commandLineOf(ref: ContainerRef): CommandLine {
  const items: Array<{ text: string; path: Path }> = [];
  for (const field of ["command", "args"] as const) {
    arrayOf(ref.container[field]).forEach((item, index) => {
      if (typeof item === "string") items.push({ text: item, path: [...ref.path, field, index] });
    });
  }
  const flags = new Map<string, CommandLineFlag[]>();
  // Go's flag parsing (pflag and the standard library's) stops at `--`: what follows is arguments.
  const end = items.findIndex((item) => item.text === "--");
  items.slice(0, end === -1 ? items.length : end).forEach(({ text, path }, index) => {
    const match = FLAG.exec(text);
    if (!match) return;
    const next = items.at(index + 1);
    const list = flags.get(match[1]);
    const flag = { name: match[1], value: match[2], next: next && !next.text.startsWith("-") ? next.text : undefined, path };
    if (list) list.push(flag);
    else flags.set(match[1], [flag]);
  });
  const hasArgs = arrayOf(ref.container.args).length > 0;
  return {
    program: programNamed(items.at(0)?.text),
    insertPath: [...ref.path, hasArgs || ref.container.command === undefined ? "args" : "command"],
    flags,
  };
}

/** The program of a command line whose first item is `first`: its last path segment, unless it is a flag. */
function programNamed(first: string | undefined): string | undefined {
  return first?.startsWith("-") ? undefined : first?.split("/").at(-1);
}

/** The program of a container's command line (`commandLineOf(ref).program`), without reading its flags. */
export function programOf(ref: ContainerRef): string | undefined {
  for (const field of ["command", "args"] as const) {
    for (const item of arrayOf(ref.container[field])) if (typeof item === "string") return programNamed(item);
  }
  return undefined;
}

/** The value a flag takes effect with: the last occurrence's, as Go's flag parsing does. */
export function effectiveFlag(commandLine: CommandLine, name: string): CommandLineFlag | undefined {
  return commandLine.flags.get(name)?.at(-1);
}
