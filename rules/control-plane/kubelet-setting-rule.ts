import { defineRule, type Path, type Rule, type RuleMeta } from "../../src/engine/api.js";
import { describeValue, examinesKubelet, KUBEADM_LOOKUP_KINDS, KUBELET_EXTRA_ARGS_NOTE, KUBELET_OBJECTS, kubeletSources, readByKubeadm, type KubeletSetting, type KubeletValue } from "./kubelet-settings.js";

/** What the kubelet does with a setting nobody writes, in each place it can be written. */
export interface KubeletDefaults {
  /** A KubeletConfiguration's default (the v1beta1 defaulting); undefined when the field stays empty. */
  config: KubeletValue | undefined;
  /** The command line's default without `--config` (the kubelet's legacy flag defaults where they differ). */
  flags: KubeletValue | undefined;
  /** kubeadm's, for a KubeletConfiguration it reads: the value it fills in, or forces whatever is written. */
  kubeadm?: { value: KubeletValue; forced: boolean };
}

export interface KubeletSettingSpec {
  setting: KubeletSetting;
  defaults: KubeletDefaults;
  /** Whether the value (undefined: the field is empty) is the unsafe state the rule finds. */
  isBad: (value: KubeletValue | undefined) => boolean;
  /** The value to write instead, e.g. `false` or `Webhook`; for a path, a placeholder such as `/etc/kubernetes/pki/ca.crt`. */
  good: string;
  /** What the bad state lets happen, for messages: e.g. `anonymous requests reach the kubelet API`. */
  risk: string;
  /** A written value that the v1beta1 defaulting treats as empty and replaces with the default (a zero duration). */
  configReadsAsUnset?: (value: KubeletValue) => boolean;
  meta: Omit<RuleMeta, "messages">;
}

/**
 * A rule over one kubelet setting, in a KubeletConfiguration, on a kubelet command line and in kubeadm's
 * kubeletExtraArgs: it reports the field or flag where it is set to the unsafe value, or, when it is not set
 * and the default there is unsafe, its nearest written parent mapping (or the object's kind line) or the command line. A KubeletConfiguration written
 * beside kubeadm's configuration takes kubeadm's defaults, so such reports wait until every object is read.
 */
export function kubeletSettingRule({ setting, defaults, isBad, good, risk, configReadsAsUnset, meta }: KubeletSettingSpec): Rule {
  const messages = {
    wrongValue: `{{where}} sets {{setting}} to {{value}}: ${risk}; set it to ${good}.`,
    missing: `{{where}} does not set {{setting}}, so it is {{value}}: ${risk}; add {{fix}}.`,
  } as const;
  // A rule whose defaults are all safe never reports a missing setting, so it does not declare that message.
  const defaultsBad = [defaults.config, defaults.flags, ...(defaults.kubeadm ? [defaults.kubeadm.value] : [])].some(isBad);
  return defineRule({
    meta: {
      ...meta,
      rationale: meta.rationale + KUBELET_EXTRA_ARGS_NOTE,
      ...(defaults.kubeadm && {
        scope:
          "A KubeletConfiguration, a kubelet command line or kubeadm's kubeletExtraArgs is read on its own, except that a " +
          "KubeletConfiguration linted together with a kubeadm InitConfiguration, ClusterConfiguration or JoinConfiguration (one " +
          "chart rendering, one Kustomize build, or all plain manifests of a run) gets the value kubeadm fills in for this setting.",
      }),
      messages: (defaultsBad ? messages : { wrongValue: messages.wrongValue }) as typeof messages,
    },
    lookupKinds: defaults.kubeadm ? KUBEADM_LOOKUP_KINDS : undefined,
    examines: examinesKubelet,
    appliesTo: KUBELET_OBJECTS,
    *check(object) {
      for (const source of kubeletSources(object)) {
        const read = source.read(setting);
        const set = read && source.form === "config" && configReadsAsUnset?.(read.value) ? undefined : read;
        const missingPath = set ? undefined : source.missingPath(setting);
        if (!set && !missingPath) continue;
        const verdict = (value: KubeletValue | undefined, written: boolean) => {
          if (!isBad(value)) return undefined;
          const data = { where: source.where, setting: source.name(setting), value: describeValue(value) };
          return written ? { messageId: "wrongValue" as const, data } : { messageId: "missing" as const, data: { ...data, fix: source.written(setting, good) } };
        };
        const path: Path = set ? set.path : (missingPath ?? []);
        const kubeadm = defaults.kubeadm;
        if (source.form === "config" && kubeadm) {
          const file = object.origin.file;
          yield {
            path,
            settle: (others) => {
              if (!readByKubeadm(file, others)) return verdict(set ? set.value : defaults.config, set !== undefined);
              // kubeadm fills a field left at its zero value (an empty string too).
              if (kubeadm.forced || !set || set.value === "") return verdict(kubeadm.value, false);
              return verdict(set.value, true);
            },
          };
          continue;
        }
        const found = set ? verdict(set.value, true) : verdict(source.form === "config" ? defaults.config : defaults.flags, false);
        if (found) yield { path, ...found };
      }
    },
  });
}
