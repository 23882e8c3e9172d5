import { defineRule, describeContainer, isRecord, lastAnswerOf, recordOf, workloadContainers, type JsonObject, type K8sObject, type Path } from "../../src/engine/api.js";
import { credentialIn, credentialInText, isPlaceholder, parseTokenPattern, textOf, TOKEN_SHAPES, type Credential, type TokenShape } from "./detect.js";

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/** A field holding a credential: where (as the message says it), what, and the path a person edits. */
interface Place {
  path: Path;
  field: string;
  credential: Credential;
}

/** The `--name=value` flag of an argument, or the flag that takes the next argument as its value. */
const INLINE_FLAG = /^(--?[A-Za-z][A-Za-z0-9_.-]*)=(.*)$/s;
const SEPARATE_FLAG = /^--?[A-Za-z][A-Za-z0-9_.-]*$/;
/** `-p` is mysql's, redis-cli's `-a` and many tools' short form for a password given as the next argument. */
const SHORT_PASSWORD_FLAGS = new Set(["-p", "-a"]);

function* argumentPlaces(items: readonly unknown[], path: Path, list: string, who: string, shapes: readonly TokenShape[]): Generator<Place> {
  for (const [index, item] of items.entries()) {
    if (typeof item !== "string") continue;
    const previous = index > 0 ? items[index - 1] : undefined;
    const inline = INLINE_FLAG.exec(item);
    let flag: string | undefined;
    let value = item;
    if (inline) [, flag, value] = inline;
    else if (typeof previous === "string" && SEPARATE_FLAG.test(previous)) flag = SHORT_PASSWORD_FLAGS.has(previous) ? "--password" : previous;
    const credential = credentialIn(flag, value, shapes);
    const shownFlag = inline ? flag : typeof previous === "string" && flag !== undefined ? previous : undefined;
    if (credential) yield { path: [...path, index], field: `${list}[${index}]${shownFlag ? ` (${shownFlag})` : ""} of ${who}`, credential };
  }
}

/** Every `key: string` pair of a JSON document, with its dotted path, for the last-applied annotation. */
function* stringLeaves(value: unknown, at: string): Generator<[string, string, string]> {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* stringLeaves(item, `${at}[${index}]`);
  } else if (isRecord(value)) {
    // An env entry's value belongs to its name.
    if (typeof value.name === "string" && typeof value.value === "string") yield [value.name, value.value, `${at}.value`];
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === "string") yield [key, item, at === "" ? key : `${at}.${key}`];
      else yield* stringLeaves(item, at === "" ? key : `${at}.${key}`);
    }
  }
}

/** What the last-applied annotation reveals: a whole Secret's data, or a credential in any field. */
function lastAppliedPlaces(text: string, path: Path, shapes: readonly TokenShape[]): { secret?: { name: string; keys: string[] }; place?: Place } {
  let applied: unknown;
  try {
    applied = JSON.parse(text);
  } catch {
    const credential = credentialInText(LAST_APPLIED, text, shapes);
    return credential ? { place: { path, field: `annotation "${LAST_APPLIED}"`, credential } } : {};
  }
  if (!isRecord(applied)) return {};
  if (applied.kind === "Secret" && !Object.hasOwn(applied, "sops")) {
    const keys = [...Object.entries(recordOf(applied.data)), ...Object.entries(recordOf(applied.stringData))]
      .filter(([, value]) => typeof value === "string" && !isPlaceholder(value))
      .map(([key]) => key);
    if (keys.length > 0) return { secret: { name: textOf(recordOf(applied.metadata).name), keys } };
  }
  for (const [key, value, at] of stringLeaves(applied, "")) {
    if (at === "metadata.name" || at.startsWith("metadata.annotations")) continue;
    const credential = credentialIn(key, value, shapes);
    if (credential) return { place: { path, field: `annotation "${LAST_APPLIED}" (${at})`, credential } };
  }
  return {};
}

function* containerPlaces(object: K8sObject, shapes: readonly TokenShape[]): Generator<Place> {
  for (const container of workloadContainers(object)) {
    const who = describeContainer(container);
    for (const [index, entry] of (Array.isArray(container.container.env) ? container.container.env : []).entries()) {
      if (!isRecord(entry) || typeof entry.name !== "string" || typeof entry.value !== "string") continue;
      const credential = credentialIn(entry.name, entry.value, shapes);
      if (credential) yield { path: [...container.path, "env", index, "value"], field: `env "${entry.name}" of ${who}`, credential };
    }
    for (const list of ["command", "args"] as const) {
      const items = container.container[list];
      if (Array.isArray(items)) yield* argumentPlaces(items, [...container.path, list], list, who, shapes);
    }
  }
}

function* configMapPlaces(object: K8sObject, shapes: readonly TokenShape[]): Generator<Place> {
  if (object.kind !== "ConfigMap" || object.apiVersion !== "v1") return;
  for (const [key, value] of Object.entries(recordOf(object.body.data))) {
    if (typeof value !== "string") continue;
    const credential = credentialInText(key, value, shapes);
    if (credential) yield { path: ["data", key], field: `ConfigMap key "${key}"`, credential };
  }
  for (const [key, value] of Object.entries(recordOf(object.body.binaryData))) {
    if (typeof value !== "string") continue;
    const credential = credentialInText(key, Buffer.from(value, "base64").toString("utf8"), shapes);
    if (credential) yield { path: ["binaryData", key], field: `ConfigMap binaryData key "${key}"`, credential };
  }
}

/**
 * The token shapes to look for: the built-in ones, then the option's. Made once per run (the options are
 * resolved once, so the same list comes back), not per object, so each pattern is compiled once.
 */
const shapesOf = lastAnswerOf((tokenPatterns: readonly string[]): TokenShape[] => [
  ...TOKEN_SHAPES,
  ...tokenPatterns.map(parseTokenPattern).filter((shape): shape is TokenShape => "pattern" in shape),
]);

export default defineRule({
  meta: {
    id: "literal-credential",
    title: "Credential written into a manifest",
    severity: "high",
    category: "secrets",
    rationale:
      "A password, token or key typed into a container's `env[].value`, its `command`/`args`, a ConfigMap or an annotation is in git, in every " +
      "clone and CI log, and readable by anyone who may read the object (`get` on pods or configmaps, which many roles grant without thinking of " +
      "secrets); it cannot be rotated without a commit. Kubernetes' Secret documentation asks to keep confidential data out of pod specs for this " +
      "reason. `kubectl.kubernetes.io/last-applied-configuration` repeats the whole object that `kubectl apply` sent, a Secret's data included. " +
      "The rule looks for (a) token shapes as their issuers document them: AWS access key ids (`AKIA`/`ASIA` + 16), GitHub tokens " +
      "(`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`, `github_pat_`), GitLab personal access tokens (`glpat-`), Slack tokens (`xoxb-`, `xoxp-`, …) and " +
      "incoming-webhook URLs, Stripe live secret and restricted keys (`sk_live_`, `rk_live_`), Google API keys (`AIza` + 35), JWTs whose first " +
      "part decodes to a JSON header with `alg`, PEM private keys with a body, and URLs with `user:password@`; and (b) a secret-like name " +
      "(password, passwd, pwd, secret, token, api_key, private_key, credentials, access_key, auth, as words of the name; not names that point at one, " +
      "such as `PASSWORD_FILE` or `secretName`) whose value is at least 8 characters, has no spaces, mixes two kinds of characters and has a Shannon " +
      "entropy of at least 3 bits per character. Placeholders never count: empty values, `changeme`-style words, `example`/`dummy`/`xxx`/`***`, " +
      "`${VAR}`, `$(VAR)`, `<…>`, `{{ … }}` left by a template, file paths and secret-store references (`vault:`, `ref+…://`, `arn:aws:`, …). " +
      "Patterns are written here rather than taken from secretlint's recommended preset: measured on the 23 fake secrets of this rule's tests, " +
      "@secretlint/secretlint-rule-preset-recommend 12.0.0 found 9 (the GitHub, GitLab, Slack and connection-string ones; none of the AWS key ids, " +
      "Stripe or Google keys, JWTs, the PEM key or the named values), and its `lintSource` is asynchronous and reads whole files, while rules " +
      "check one parsed field at a time, synchronously, and must say which field holds the value. Messages show the field, the kind " +
      "of credential and at most its first four characters, never the value.",
    remediation:
      "Move the value into a Secret created outside git (an external secret store with External Secrets or the Secrets Store CSI driver, a " +
      "SealedSecret, or SOPS), mount it as a file or reference it with `secretKeyRef`, and rotate the credential: it has been in git.",
    frameworks: [
      { framework: "NSA-CISA", control: "network/secrets" },
      { framework: "MITRE-ATT&CK", control: "T1552.001" },
      { framework: "PCI-DSS", control: "8.6" },
    ],
    equivalents: { kubeLinter: ["env-var-secret"] },
    options: {
      tokenPatterns: {
        type: "string[]",
        items: "name=regex",
        description:
          "The organisation's own token formats, each `name=regex` (JavaScript syntax), e.g. `Acme API key=acme_[0-9a-f]{32}`. A match anywhere in a " +
          "checked field is reported with the name; an invalid regular expression is a configuration error.",
        default: [],
      },
    },
    messages: {
      literalValue: '{{field}} holds a literal {{kind}} ("{{start}}").',
      knownToken: '{{field}} holds a {{kind}} ("{{start}}").',
      lastAppliedSecret: 'annotation "{{annotation}}" repeats the data of Secret "{{secret}}" (keys {{keys}}).',
    },
    example: {
      bad: "env:\n  - name: DB_PASSWORD\n    value: hunter2-Prod-2024",
      good: "env:\n  - name: DB_PASSWORD_FILE\n    value: /run/secrets/db/password",
    },
  },
  *check(object, context) {
    const shapes = shapesOf(context.options.tokenPatterns);
    const report = ({ path, field, credential }: Place) =>
      ({ path, messageId: credential.named ? "literalValue" : "knownToken", data: { field, kind: credential.kind, start: credential.start } }) as const;
    for (const place of containerPlaces(object, shapes)) yield report(place);
    for (const place of configMapPlaces(object, shapes)) yield report(place);
    const annotations: JsonObject = recordOf(recordOf(object.body.metadata).annotations);
    for (const [key, value] of Object.entries(annotations)) {
      if (typeof value !== "string") continue;
      const path = ["metadata", "annotations", key];
      if (key === LAST_APPLIED) {
        const { secret, place } = lastAppliedPlaces(value, path, shapes);
        if (secret) yield { path, messageId: "lastAppliedSecret", data: { annotation: key, secret: secret.name, keys: secret.keys.map((k) => `"${k}"`).join(", ") } };
        else if (place) yield report(place);
        continue;
      }
      const credential = credentialInText(key, value, shapes);
      if (credential) yield report({ path, field: `annotation "${key}"`, credential });
    }
  },
});
