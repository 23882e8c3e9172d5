import { describeSetter, inheritanceNote, levelSettings, type Path, type PodSpecRef } from "../../src/engine/api.js";

/** What sets one profile-type check apart from the others: the securityContext field, the values allowed in it, and its name. */
export interface ProfileType<Words extends string> {
  /** The securityContext field and its key, e.g. `seccompProfile` and `type`. */
  field: string;
  key: string;
  /** The values Pod Security Admission accepts; any other string is reported. */
  allowed: readonly string[];
  /** The setting as a message names it, e.g. `seccomp profile type`. */
  words: Words;
}

/** One forbidden value, at the field that sets it, with the data its message takes. */
export interface ForbiddenValue {
  path: Path;
  data: { who: string; value: string; inheritance: string };
}

export interface ProfileTypeCheck<Words extends string> {
  /** The message template a rule declares for this check. */
  message: `{{who}} sets ${Words} {{value}}{{inheritance}}.`;
  /** Each forbidden value the pod or one of its containers sets, pod level first; each level is judged on its own. */
  forbidden(pod: PodSpecRef): Generator<ForbiddenValue>;
}

/**
 * A check of a securityContext value that only a few strings may take (seccomp, AppArmor, SELinux): the
 * rule declares its message and yields its forbidden values under the message id it chose.
 */
export function profileType<const Words extends string>({ field, key, allowed, words }: ProfileType<Words>): ProfileTypeCheck<Words> {
  const allowedValues: ReadonlySet<string> = new Set(allowed);
  return {
    message: `{{who}} sets ${words} {{value}}{{inheritance}}.`,
    *forbidden(pod) {
      for (const setting of levelSettings(pod, field, key)) {
        if (typeof setting.value !== "string" || allowedValues.has(setting.value)) continue;
        yield { path: setting.path, data: { who: describeSetter(pod, setting), value: setting.value, inheritance: inheritanceNote(pod, setting) } };
      }
    },
  };
}
