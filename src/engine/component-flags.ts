import { parseImageReference } from "../core/image-reference.js";
import { arrayOf, formatPath, isRecord } from "../core/json.js";
import { lastAnswerOf } from "../core/memo.js";
import type { JsonObject, K8sObject, Path } from "../core/types.js";
import { commandLineOf, programOf, type CommandLine } from "./command-line.js";
import { KUBEADM_DEFAULT_FLAGS } from "./kubeadm-defaults.js";
import { describeContainer, workloadContainers, type ContainerRef } from "./workload.js";
import type { AppliesTo } from "./rule.js";

/** One place that sets a flag: a command-line item, a kubeadm `extraArgs` entry, or kubeadm's own default. */
export interface FlagSetting {
  value: string;
  /** The item, the `extraArgs` key or list item's `value`; for a kubeadm default, where extraArgs would be. */
  path: Path;
  kubeadmDefault?: true;
}

/** The flags one control-plane program runs with, wherever they are written. */
export interface ComponentFlags {
  /** `kube-apiserver`, `etcd`, ... */
  program: string;
  /** For messages: `container "kube-apiserver"`, `ClusterConfiguration apiServer.extraArgs`. */
  where: string;
  /** The Kubernetes version it runs, when the file says: the image's tag, or kubeadm's `kubernetesVersion`. */
  version: string | undefined;
  /** Where a flag that is absent would be added: the command line, `extraArgs`, or the config's kind. */
  insertPath: Path;
  /** Every setting of a flag, in the order the program reads them; `boolean`: `--flag` alone means true. */
  settings(name: string, boolean: boolean): readonly FlagSetting[];
  /** How a person adds `--name=value` here, e.g. `profiling: "false" under apiServer.extraArgs`. */
  addition(name: string, value: string): string;
}

const KUBEADM_GROUP = /^kubeadm\.k8s\.io\/v1beta[34]$/;

/** The kubeadm config sections that hold a program's flags, and the program. */
const CLUSTER_SECTIONS: ReadonlyArray<{ program: string; path: Path }> = [
  { program: "kube-apiserver", path: ["apiServer"] },
  { program: "kube-controller-manager", path: ["controllerManager"] },
  { program: "kube-scheduler", path: ["scheduler"] },
  { program: "etcd", path: ["etcd", "local"] },
];

/**
 * Every control-plane program an object configures: each container's command line (static pods as
 * kubeadm writes them, or any workload), and the `extraArgs` of kubeadm's ClusterConfiguration and
 * the `kubeletExtraArgs` of its InitConfiguration and JoinConfiguration, kubeadm's defaults included.
 */
export const componentFlagsOf: (object: K8sObject) => readonly ComponentFlags[] = lastAnswerOf(readComponentFlags);

/**
 * componentFlagsOf without the memo. The 58 control-plane flag rules each ask it about every object, one
 * after the other: reading every container's command line 58 times was 3% of a large lint's time.
 */
function readComponentFlags(object: K8sObject): ComponentFlags[] {
  if (KUBEADM_GROUP.test(object.apiVersion)) return kubeadmComponents(object);
  return workloadContainers(object).flatMap((container): ComponentFlags[] => {
    const program = programOf(container);
    if (program === undefined) return [];
    // Read when a rule asks: the rules read the flags of a few programs only, and most containers run others.
    let commandLine: CommandLine | undefined;
    const line = (): CommandLine => (commandLine ??= commandLineOf(container));
    return [
      {
        program,
        get where() {
          return describeContainer(container);
        },
        get version() {
          return typeof container.container.image === "string" ? parseImageReference(container.container.image)?.tag : undefined;
        },
        get insertPath() {
          return line().insertPath;
        },
        settings: (name, boolean) => {
          const flags = line().flags.get(name);
          if (flags) return flags.map((flag) => ({ value: flag.value ?? (boolean ? "true" : (flag.next ?? "")), path: flag.path }));
          return program === "etcd" ? etcdEnvironment(container, name) : [];
        },
        addition: (name, value) => `--${name}=${value}`,
      },
    ];
  });
}

/** The `when` of runsProgram, one function per program, so that the engine asks each once per object. */
const programGates = new Map<string, (object: K8sObject) => boolean>();

/** Whether the object runs or configures `program` (componentFlagsOf's answer, which its callers memoise). */
export function runsProgram(program: string): (object: K8sObject) => boolean {
  let gate = programGates.get(program);
  if (!gate) {
    gate = (object) => componentFlagsOf(object).some((flags) => flags.program === program);
    programGates.set(program, gate);
  }
  return gate;
}

/**
 * `appliesTo` of the rules that read the flags of one program through componentFlagsOf only: workloads and
 * kubeadm's configs that run or configure it. Most workloads run none, and the 60 flag rules are then not called.
 */
export function programObjects(program: string): AppliesTo {
  return { podSpec: true, groups: ["kubeadm.k8s.io"], when: runsProgram(program) };
}

/**
 * etcd reads a flag that the command line does not set from the variable ETCD_<NAME> (`--client-cert-auth`:
 * ETCD_CLIENT_CERT_AUTH); a flag on the command line wins. Only literal values are read.
 */
function etcdEnvironment(container: ContainerRef, name: string): FlagSetting[] {
  const variable = `ETCD_${name.toUpperCase().replace(/-/g, "_")}`;
  return arrayOf(container.container.env).flatMap((item, index): FlagSetting[] =>
    isRecord(item) && item.name === variable && typeof item.value === "string" ? [{ value: item.value, path: [...container.path, "env", index, "value"] }] : [],
  );
}

function kubeadmComponents(object: K8sObject): ComponentFlags[] {
  const body = object.body;
  if (object.kind === "ClusterConfiguration") {
    const etcd = body.etcd;
    const external = isRecord(etcd) && isRecord(etcd.external) ? etcd.external : undefined;
    return CLUSTER_SECTIONS.filter((section) => section.program !== "etcd" || external === undefined).map((section) =>
      kubeadmComponent(object, section.program, section.path, "extraArgs", kubeadmDefaults(section.program, external)),
    );
  }
  if (object.kind === "InitConfiguration" || object.kind === "JoinConfiguration") return [kubeadmComponent(object, "kubelet", ["nodeRegistration"], "kubeletExtraArgs", [])];
  return [];
}

interface DefaultFlag {
  name: string;
  value: string;
  /** The field that gives the value, when the config does (an external etcd's files). */
  path?: Path;
  /** kubeadm leaves the flag out when extraArgs sets this one. */
  unlessSet?: string;
}

function kubeadmDefaults(program: string, external: JsonObject | undefined): DefaultFlag[] {
  const table = Object.entries(KUBEADM_DEFAULT_FLAGS[program] ?? {}).map(([name, value]): DefaultFlag => ({ name, value }));
  if (program !== "kube-apiserver") return table;
  const withAuthz = table.map((flag) => (flag.name === "authorization-mode" ? { ...flag, unlessSet: "authorization-config" } : flag));
  if (external === undefined) return withAuthz;
  // With an external etcd, kubeadm passes the files etcd.external names (the cert and key only as a pair).
  const files: Array<[string, string]> = [["etcd-cafile", "caFile"]];
  if (typeof external.certFile === "string" && external.certFile !== "" && typeof external.keyFile === "string" && external.keyFile !== "")
    files.push(["etcd-certfile", "certFile"], ["etcd-keyfile", "keyFile"]);
  const fromExternal = files.flatMap(([name, field]): DefaultFlag[] => {
    const value = external[field];
    return typeof value === "string" && value !== "" ? [{ name, value, path: ["etcd", "external", field] }] : [];
  });
  return [...withAuthz.filter((flag) => !flag.name.startsWith("etcd-")), ...fromExternal];
}

function kubeadmComponent(object: K8sObject, program: string, sectionPath: Path, field: string, defaults: readonly DefaultFlag[]): ComponentFlags {
  let section: unknown = object.body;
  for (const segment of sectionPath) section = isRecord(section) ? section[segment] : undefined;
  const args = isRecord(section) ? section[field] : undefined;
  const argsPath = [...sectionPath, field];
  const insertPath = args !== undefined && args !== null ? argsPath : isRecord(section) ? sectionPath : ["kind"];
  const listForm = object.apiVersion.endsWith("v1beta4");
  const written = extraArgs(args, argsPath);
  const settings = new Map<string, FlagSetting[]>();
  for (const arg of written) settings.set(arg.name, [...(settings.get(arg.name) ?? []), arg.setting]);
  // kubeadm sorts the arguments by name, then value: of duplicates, the greatest value comes last and wins.
  for (const list of settings.values()) list.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  for (const flag of defaults) {
    if (settings.has(flag.name) || (flag.unlessSet !== undefined && settings.has(flag.unlessSet))) continue;
    settings.set(flag.name, [{ value: flag.value, path: flag.path ?? insertPath, kubeadmDefault: true }]);
  }
  const under = formatPath(argsPath);
  return {
    program,
    where: `${object.kind} ${under}`,
    // Only a ClusterConfiguration names the version; an InitConfiguration's flags follow it.
    version: object.kind === "ClusterConfiguration" && typeof object.body.kubernetesVersion === "string" ? object.body.kubernetesVersion : undefined,
    insertPath,
    settings: (name) => settings.get(name) ?? [],
    addition: (name, value) => (listForm ? `{name: ${name}, value: "${value}"} under ${under}` : `${name}: "${value}" under ${under}`),
  };
}

/** extraArgs as kubeadm reads them: a map of strings (v1beta3) or a list of `{name, value}` (v1beta4). */
function extraArgs(args: unknown, argsPath: Path): Array<{ name: string; setting: FlagSetting }> {
  if (isRecord(args)) {
    return Object.entries(args).flatMap(([name, value]) => (typeof value === "string" ? [{ name, setting: { value, path: [...argsPath, name] } }] : []));
  }
  return arrayOf(args).flatMap((item, index) => {
    if (!isRecord(item) || typeof item.name !== "string") return [];
    const value = typeof item.value === "string" ? item.value : "";
    return [{ name: item.name, setting: { value, path: item.value === undefined ? [...argsPath, index] : [...argsPath, index, "value"] } }];
  });
}

/** The setting that takes effect for a single-valued flag: the last, as Go's flag parsing lets it win. */
export function effectiveSetting(settings: readonly FlagSetting[]): FlagSetting | undefined {
  return settings.at(-1);
}

/**
 * The items of a comma-list flag (`--authorization-mode`, `--enable-admission-plugins`, `--tls-cipher-suites`),
 * as pflag's string slices read them: a repeated flag adds its items to the earlier ones.
 */
export function listItems(settings: readonly FlagSetting[]): Array<{ item: string; setting: FlagSetting }> {
  return settings.flatMap((setting) =>
    setting.value
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item !== "")
      .map((item) => ({ item, setting })),
  );
}

/**
 * The `key=value` pairs of a map flag (`--feature-gates`), as Kubernetes' MapStringBool reads them:
 * a repeated flag adds its pairs, and a later pair for the same key wins.
 */
export function mapEntries(settings: readonly FlagSetting[]): Map<string, { value: string; setting: FlagSetting }> {
  const entries = new Map<string, { value: string; setting: FlagSetting }>();
  for (const setting of settings) {
    for (const pair of setting.value.split(",")) {
      const at = pair.indexOf("=");
      if (at > 0) entries.set(pair.slice(0, at).trim(), { value: pair.slice(at + 1).trim(), setting });
    }
  }
  return entries;
}
