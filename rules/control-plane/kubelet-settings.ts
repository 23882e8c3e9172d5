import {
  commandLineOf,
  componentFlagsOf,
  describeContainer,
  effectiveFlag,
  effectiveSetting,
  isKubeadmConfiguration,
  isKubeletConfiguration,
  isRecord,
  KUBEADM_KINDS,
  runsProgram,
  workloadContainers,
  type AppliesTo,
  type CommandLine,
  type ComponentFlags,
  type K8sObject,
  type ObjectIndex,
  type Path,
} from "../../src/engine/api.js";

/** A kubelet setting as both of its spellings name it: the KubeletConfiguration field and the command-line flag. */
export interface KubeletSetting {
  field: readonly string[];
  flag: string;
  type: "boolean" | "integer" | "string" | "duration" | "list";
}

/** A value as the kubelet reads it: a boolean, a number, a string (durations too) or a list of strings. */
export type KubeletValue = boolean | number | string | readonly string[];

export interface SetValue {
  value: KubeletValue;
  /** The field, or the command-line item, that sets it. */
  path: Path;
}

/**
 * One place a kubelet's settings are written: a KubeletConfiguration, or flags: the command line of a
 * container running `kubelet`, or kubeadm's `nodeRegistration.kubeletExtraArgs`.
 */
export interface KubeletSource {
  form: "config" | "flags";
  /** Who the message names: `KubeletConfiguration`, `container "kubelet"` or `InitConfiguration nodeRegistration.kubeletExtraArgs`. */
  where: string;
  read(setting: KubeletSetting): SetValue | undefined;
  /**
   * Where a setting that is not written is reported: the nearest written parent mapping of the field,
   * or the command line. Undefined when something this source cannot see decides (a `--config` file).
   */
  missingPath(setting: KubeletSetting): Path | undefined;
  /** The setting as this source spells it: `authentication.anonymous.enabled`, `--anonymous-auth` or `anonymous-auth`. */
  name(setting: KubeletSetting): string;
  /** The text to add for a good value, e.g. `authentication.anonymous.enabled: false` or `--anonymous-auth=false`. */
  written(setting: KubeletSetting, value: string): string;
}

function configValue(value: unknown, type: KubeletSetting["type"]): KubeletValue | undefined {
  switch (type) {
    case "boolean":
      return typeof value === "boolean" ? value : undefined;
    case "integer":
      return typeof value === "number" && Number.isInteger(value) ? value : undefined;
    case "string":
    case "duration":
      return typeof value === "string" ? value : undefined;
    case "list":
      return Array.isArray(value) && value.every((item) => typeof item === "string") ? (value) : undefined;
  }
}

/** A flag's text as the kubelet parses it; undefined when it does not parse (the kubelet would refuse to start). */
function flagValue(text: string, type: KubeletSetting["type"]): KubeletValue | undefined {
  switch (type) {
    case "boolean":
      // Go's strconv.ParseBool, which pflag uses for boolean flags.
      if (["1", "t", "T", "true", "TRUE", "True"].includes(text)) return true;
      if (["0", "f", "F", "false", "FALSE", "False"].includes(text)) return false;
      return undefined;
    case "integer":
      return /^-?\d+$/.test(text) ? Number(text) : undefined;
    case "string":
    case "duration":
      return text;
    case "list":
      return text.split(",").map((item) => item.trim()).filter((item) => item !== "");
  }
}

function configSource(object: K8sObject): KubeletSource {
  return {
    form: "config",
    where: "KubeletConfiguration",
    read(setting) {
      let node: unknown = object.body;
      for (const key of setting.field) node = isRecord(node) ? node[key] : undefined;
      const value = configValue(node, setting.type);
      return value === undefined ? undefined : { value, path: setting.field };
    },
    missingPath(setting) {
      // The deepest parent mapping that is written, or the object's kind line.
      let node: unknown = object.body;
      let depth = 0;
      for (; depth < setting.field.length - 1; depth++) {
        const child = isRecord(node) ? node[setting.field[depth]] : undefined;
        if (!isRecord(child)) break;
        node = child;
      }
      return depth === 0 ? ["kind"] : setting.field.slice(0, depth);
    },
    name: (setting) => setting.field.join("."),
    written: (setting, value) => `${setting.field.join(".")}: ${value}`,
  };
}

/** A flag's text (undefined: given without one) and the item or extraArgs entry that writes it. */
interface FlagText {
  value: string | undefined;
  path: Path;
}

function flagSource(where: string, flagText: (setting: KubeletSetting) => FlagText | undefined, spelling: Pick<KubeletSource, "missingPath" | "name" | "written">): KubeletSource {
  return {
    form: "flags",
    where,
    read(setting) {
      const set = flagText(setting);
      if (set?.value === undefined) return undefined;
      const value = flagValue(set.value, setting.type);
      return value === undefined ? undefined : { value, path: set.path };
    },
    ...spelling,
  };
}

function commandLineSource(commandLine: CommandLine, where: string): KubeletSource {
  const flagText = (setting: KubeletSetting): FlagText | undefined => {
    const set = effectiveFlag(commandLine, setting.flag);
    // pflag: a boolean flag takes its value only after `=`; `--flag value` is for the others.
    return set && { value: set.value ?? (setting.type === "boolean" ? "true" : set.next), path: set.path };
  };
  return flagSource(where, flagText, {
    // With --config, a flag that is not given takes the file's value, which this command line does not show.
    missingPath: () => (effectiveFlag(commandLine, "config") ? undefined : commandLine.insertPath),
    name: (setting) => `--${setting.flag}`,
    written: (setting, value) => `--${setting.flag}=${value}`,
  });
}

/** How every kubelet rule reads kubeadm's kubeletExtraArgs, for its rationale. */
export const KUBELET_EXTRA_ARGS_NOTE =
  " kubeadm's `nodeRegistration.kubeletExtraArgs` (InitConfiguration, JoinConfiguration; the v1beta3 map and the v1beta4 list) are " +
  "read as the flags kubeadm writes to kubeadm-flags.env for that node: a wrong value is reported at the key or the list item's " +
  "value, as command-line flags take precedence over the config file. A flag they leave out is not reported there: kubeadm runs " +
  "the kubelet with `--config`, whose values are checked where the KubeletConfiguration is; that one is still reported when one " +
  "node's flags override it, since kubeadm uploads it to the kubelet-config ConfigMap that every joining node reads.";

/** kubeadm writes `kubeletExtraArgs` as `--name=value` flags, after `--config`: they override the KubeletConfiguration. */
function kubeletExtraArgsSource(flags: ComponentFlags): KubeletSource {
  // No bare boolean form: each entry has its value after `=`.
  return flagSource(flags.where, (setting) => effectiveSetting(flags.settings(setting.flag, false)), {
    // kubeadm runs the kubelet with --config=/var/lib/kubelet/config.yaml: a flag left out takes the file's value.
    missingPath: () => undefined,
    name: (setting) => setting.flag,
    written: (setting, value) => flags.addition(setting.flag, value),
  });
}

/**
 * Every place the object writes kubelet settings: itself, if it is a KubeletConfiguration, the
 * `kubeletExtraArgs` of a kubeadm InitConfiguration or JoinConfiguration, or each container that runs `kubelet`.
 */
export function kubeletSources(object: K8sObject): KubeletSource[] {
  if (isKubeletConfiguration(object)) return [configSource(object)];
  if (isKubeadmConfiguration(object)) return componentFlagsOf(object).filter((flags) => flags.program === "kubelet").map(kubeletExtraArgsSource);
  const sources: KubeletSource[] = [];
  for (const container of workloadContainers(object)) {
    const commandLine = commandLineOf(container);
    if (commandLine.program === "kubelet") sources.push(commandLineSource(commandLine, describeContainer(container)));
  }
  return sources;
}

const runsKubelet = runsProgram("kubelet");

/**
 * What the kubelet rules read (kubeletSources): KubeletConfigurations, and kubeadm configs and workloads that run
 * the kubelet (componentFlagsOf, memoised, tells those cheaply; kubeletSources reads the same command lines).
 */
export const KUBELET_OBJECTS: AppliesTo = {
  podSpec: true,
  kinds: ["KubeletConfiguration"],
  groups: ["kubeadm.k8s.io"],
  when: (object) => isKubeletConfiguration(object) || runsKubelet(object),
};

/** Whether the object writes kubelet settings at all: what every kubelet rule examines. */
export function examinesKubelet(object: K8sObject): boolean {
  return kubeletSources(object).length > 0;
}

/** Display paths of the files that hold a kubeadm configuration, per index: kubeadm reads a KubeletConfiguration written beside it. */
const kubeadmFiles = new WeakMap<ObjectIndex, ReadonlySet<string>>();

/** Kinds a rule that asks `readByKubeadm` must list in `lookupKinds`. */
export const KUBEADM_LOOKUP_KINDS = KUBEADM_KINDS;

/**
 * Whether kubeadm reads this KubeletConfiguration: it is a document of a file that also holds an
 * InitConfiguration, ClusterConfiguration or JoinConfiguration (`kubeadm init --config` reads them all),
 * so kubeadm's defaults fill what it leaves out.
 */
export function readByKubeadm(file: string, others: ObjectIndex): boolean {
  let files = kubeadmFiles.get(others);
  if (!files) {
    files = new Set(KUBEADM_KINDS.flatMap((kind) => others.ofKind(kind).filter(isKubeadmConfiguration).map((object) => object.origin.file)));
    kubeadmFiles.set(others, files);
  }
  return files.has(file);
}

/** A value as a message shows it. */
export function describeValue(value: KubeletValue | undefined): string {
  if (value === undefined) return "unset";
  if (value === "") return '""';
  if (Array.isArray(value)) return value.join(",");
  return String(value);
}

/** A Go duration (`0`, `0s`, `4h0m0s`, `1.5h`) that is zero; text that is no duration is not. */
export function isZeroDuration(text: string): boolean {
  if (text === "0") return true;
  if (!/^[+-]?((\d+(\.\d*)?|\.\d+)(ns|us|\u00b5s|ms|s|m|h))+$/.test(text)) return false;
  return (text.match(/\d+(\.\d*)?|\.\d+/g) ?? []).every((number) => Number(number) === 0);
}
