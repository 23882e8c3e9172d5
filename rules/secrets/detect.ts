/**
 * Finding credentials in text: token shapes from their issuers' documented formats, and a secret-like
 * name with a value that is no placeholder and random enough. Nothing here returns a secret in full:
 * callers print `preview` (at most four characters).
 */

export interface TokenShape {
  /** What the token is, as messages name it ("GitHub token"). */
  kind: string;
  pattern: RegExp;
  /** A further check on a match the pattern cannot express (a JWT's header decodes to JSON with `alg`). */
  accept?: (match: string) => boolean;
}

/** A token found in text: its kind and where it is, so only its start is ever shown. */
export interface TokenHit {
  kind: string;
  token: string;
}

function isJwt(token: string): boolean {
  try {
    const header: unknown = JSON.parse(Buffer.from(token.split(".")[0], "base64url").toString("utf8"));
    return typeof header === "object" && header !== null && typeof (header as Record<string, unknown>).alg === "string";
  } catch {
    return false;
  }
}

/**
 * Formats as their issuers document them: AWS access key ids (IAM user guide, "AKIA" long-term, "ASIA"
 * temporary, 20 characters); GitHub's prefixed tokens (ghp_/gho_/ghu_/ghs_/ghr_ and github_pat_);
 * GitLab personal access tokens (glpat-); Slack bot/user tokens (xoxb-/xoxp-, …) and incoming-webhook
 * URLs; Stripe live secret and restricted keys; Google API keys (AIza + 35); JWTs (RFC 7519); PEM
 * private keys (RFC 7468) with a body.
 */
export const TOKEN_SHAPES: readonly TokenShape[] = [
  { kind: "AWS access key id", pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g },
  { kind: "GitHub token", pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g },
  { kind: "GitHub token", pattern: /\bgithub_pat_[A-Za-z0-9_]{22,}\b/g },
  { kind: "GitLab token", pattern: /\bglpat-[A-Za-z0-9_-]{20,}/g },
  { kind: "Slack token", pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { kind: "Slack webhook URL", pattern: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{16,}/g },
  { kind: "Stripe key", pattern: /\b[sr]k_live_[A-Za-z0-9]{16,}\b/g },
  { kind: "Google API key", pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { kind: "JWT", pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/g, accept: isJwt },
  { kind: "private key", pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----\s*(?:[A-Za-z0-9-]+: [^\n]*\n\s*)*[A-Za-z0-9+/=]{40,}/g },
];

/** `scheme://user:password@host`: the password part, when one is written. */
const CONNECTION_STRING = /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/'"]+:([^\s@/'"]+)@[^\s/'"]+/gi;

export interface PatternProblem {
  item: string;
  problem: string;
}

/** `name=regex` items of the literal-credential rule's `tokenPatterns` option, or what is wrong with one. */
export function parseTokenPattern(item: string): TokenShape | PatternProblem {
  const at = item.indexOf("=");
  if (at <= 0 || at === item.length - 1) return { item, problem: "must be name=regex" };
  try {
    return { kind: item.slice(0, at).trim(), pattern: new RegExp(item.slice(at + 1), "g") };
  } catch (error) {
    return { item, problem: (error as Error).message };
  }
}

/** The global copy of each shape's pattern, made once (see firstToken). */
const globalPatterns = new WeakMap<RegExp, RegExp>();

function globalPattern(pattern: RegExp): RegExp {
  let global = globalPatterns.get(pattern);
  if (!global) {
    global = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
    globalPatterns.set(pattern, global);
  }
  return global;
}

/**
 * The first match of a global pattern in `text` from which `accept` makes a hit, visiting matches as
 * `matchAll` does (an empty match moves on by one character, or code point with the u or v flag).
 * The pattern is shared, so its `lastIndex` is reset before and after: nothing else runs in between.
 */
function firstMatch<T>(pattern: RegExp, text: string, accept: (match: RegExpExecArray) => T | undefined): T | undefined {
  pattern.lastIndex = 0;
  try {
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      if (match[0] === "") {
        const wide = (pattern.unicode || pattern.flags.includes("v")) && (text.codePointAt(pattern.lastIndex) ?? 0) > 0xffff;
        pattern.lastIndex += wide ? 2 : 1;
      }
      const hit = accept(match);
      if (hit !== undefined) return hit;
    }
    return undefined;
  } finally {
    pattern.lastIndex = 0;
  }
}

/**
 * The first token of a known shape in `text` (in the order of `shapes`, then connection strings), placeholders
 * (AWS's documented `…EXAMPLE` keys) left out. Every string field of every workload is looked at: a new RegExp
 * and a `matchAll` iterator per shape per field, and every match when the first is what counts, were most
 * of literal-credential's time, the costliest rule.
 */
export function firstToken(text: string, shapes: readonly TokenShape[]): TokenHit | undefined {
  for (const shape of shapes) {
    const hit = firstMatch(globalPattern(shape.pattern), text, ([token]) =>
      token === "" || isPlaceholder(token) || (shape.accept && !shape.accept(token)) ? undefined : { kind: shape.kind, token },
    );
    if (hit) return hit;
  }
  return firstMatch(CONNECTION_STRING, text, (match) => (isPlaceholder(decodeURIComponentSafe(match[1])) ? undefined : { kind: "connection string with a password", token: match[0] }));
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Names that say their value is a credential, matched on words of the name (`DB_PASSWORD`,
 * `apiKey`, `--auth-token`), and names that say the value only points at one (`PASSWORD_FILE`,
 * `secretName`, `TOKEN_URL`) or configures one (`AUTH_ENABLED`, `TOKEN_TTL`).
 */
const SECRET_NAME = /(?:^|_)(?:password|passwd|pass|pwd|secret|token|apikey|api_key|privatekey|private_key|credentials?|accesskey|access_key|secretkey|secret_key|auth)(?:_|$)/;
const POINTER_NAME =
  /(?:^|_)(?:file|path|dir|name|ref|key_ref|url|uri|endpoint|host|enabled|enable|disabled|type|ttl|expiry|expiration|length|header|mode|method|provider|policy|id|kind|format|mount|location|source|secret_name|timeout|duration|refresh|size|max|min|count|audience|issuer|scope|scopes|env|from_secret)$/;

/** `DB_PASSWORD`, `dbPassword`, `--db-password`, `db.password` → `db_password`. */
export function nameWords(name: string): string {
  return name
    .replace(/^-+/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toLowerCase();
}

/** A digest of a secret (`checksum/secret`, Helm's restart-on-change annotation) or a public half is not the secret. */
const NOT_THE_SECRET = /(?:^|_)(?:checksum|hash|digest|sha\d*|md5|public|pub)(?:_|$)/;

/**
 * Verdicts by name, for a few thousand names at most: every env entry of every container is asked about, a
 * repository repeats a few hundred names across its workloads, and each verdict costs four replaces and three tests.
 */
const secretLikeNames = new Map<string, boolean>();
const SECRET_LIKE_NAMES_LIMIT = 10_000;

export function isSecretLikeName(name: string): boolean {
  let verdict = secretLikeNames.get(name);
  if (verdict === undefined) {
    const words = nameWords(name);
    verdict = SECRET_NAME.test(words) && !POINTER_NAME.test(words) && !NOT_THE_SECRET.test(words);
    if (secretLikeNames.size >= SECRET_LIKE_NAMES_LIMIT) secretLikeNames.clear();
    secretLikeNames.set(name, verdict);
  }
  return verdict;
}

/** What a secret-like name's value holds, as messages say it. */
export function secretKindOf(name: string): string {
  const words = nameWords(name);
  if (/(?:^|_)(?:password|passwd|pass|pwd)(?:_|$)/.test(words)) return "password";
  if (/(?:^|_)token(?:_|$)/.test(words)) return "token";
  if (/(?:^|_)(?:apikey|api_key)(?:_|$)/.test(words)) return "API key";
  if (/(?:^|_)(?:privatekey|private_key)(?:_|$)/.test(words)) return "private key";
  if (/(?:^|_)(?:accesskey|access_key|secretkey|secret_key)(?:_|$)/.test(words)) return "access key";
  if (/(?:^|_)credentials?(?:_|$)/.test(words)) return "credential";
  return "secret";
}

/** Words that mark a value written to be replaced, or a well-known default no one means as a secret. */
const PLACEHOLDER_WORDS =
  /changeme|change[_-]me|change[_-]?it|replace[_-]?me|replace[_-]?this|example|dummy|sample|placeholder|redacted|your[_-]|my[_-]?(?:password|secret|token)|^(?:password|passwd|secret|token|test|testing|none|null|nil|undefined|default|admin|root|user|guest|pass|todo|tbd|fixme|foo|bar|baz|foobar|true|false|yes|no|on|off)\d*$|xxx|\*\*\*|\.\.\./i;

/** A template expression, a reference to a variable, a file or a secret store: not a secret itself. */
const REFERENCE =
  /^\$\{[^}]*\}|^\$\([^)]*\)|^\$[A-Za-z_][A-Za-z0-9_]*$|^<[^>]*>$|\{\{.*\}\}|^%[A-Za-z_]+%$|^@@[^@]+@@$|^(?:\/|\.\/|\.\.\/|~\/)|^(?:file|vault|ref\+[a-z0-9]+|secretsmanager|ssm|awssm|gcpsm|sm|azurekeyvault|akv|op|env|secret|k8s|kms|arn):|^arn:aws:|^projects\/[^/]+\/secrets\//i;

export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim().replace(/^['"]|['"]$/g, "");
  if (trimmed === "") return true;
  if (/^(.)\1*$/.test(trimmed)) return true;
  return PLACEHOLDER_WORDS.test(trimmed) || REFERENCE.test(trimmed);
}

/** Shannon entropy of `text` in bits per character. */
export function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Below these a value under a secret-like name reads as a word, a flag or a number, not a credential. */
export const MIN_LENGTH = 8;
export const MIN_ENTROPY = 3;

/**
 * Values that name something rather than hold a secret: an option list (`jwt,sign-method=RS256,ttl=10m`),
 * a `namespace/name` reference, an environment variable's name (`OIDC_CLIENT_SECRET`).
 */
const IDENTIFIER = /^[^,\s]+(?:,[^,\s]+)*,[\w.-]+=|^[a-z0-9-]+\/[a-z0-9.-]+$|^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/**
 * A lowercase DNS-style name of words (`etcd-cluster-k8s`; an etcd cluster token is an identifier):
 * most of its parts have no digit, where a key in groups (`8312341g-5678-abcd-…`) is mostly digits.
 */
function isWordName(value: string): boolean {
  if (!/^[a-z0-9]+(?:[-.][a-z0-9]+)+$/.test(value)) return false;
  const parts = value.split(/[-.]/);
  return parts.filter((part) => /\d/.test(part)).length * 2 < parts.length;
}

/**
 * Whether the value of a secret-like name looks like a real credential: no placeholder or reference,
 * no spaces (prose, a command), at least MIN_LENGTH characters, MIN_ENTROPY bits per character, and
 * more than one kind of character (a lowercase word or a number alone is a setting, not a password).
 */
export function looksLikeCredential(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length < MIN_LENGTH || /\s/.test(trimmed) || isPlaceholder(trimmed)) return false;
  if (/^\d+(?:\.\d+)*[a-z]*$/i.test(trimmed) && /^\d/.test(trimmed)) return false;
  if (IDENTIFIER.test(trimmed) || isWordName(trimmed)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(trimmed)).length;
  return classes >= 2 && entropy(trimmed) >= MIN_ENTROPY;
}

/** At most the first four characters, never more than half of a short value, then an ellipsis. */
export function preview(secret: string): string {
  const shown = Math.min(4, Math.floor(secret.length / 2));
  return `${secret.slice(0, shown)}…`;
}

/** A credential found in one field: what kind, and its start. */
export interface Credential {
  kind: string;
  start: string;
  /** Under a secret-like name (the message says "literal"), rather than found by its shape. */
  named: boolean;
}

/** The credential in `value` under `name` (undefined for a list item without a name): a known shape first, then the name's verdict. */
export function credentialIn(name: string | undefined, value: string, shapes: readonly TokenShape[]): Credential | undefined {
  const hit = firstToken(value, shapes);
  if (hit) return { kind: hit.kind, start: preview(hit.token), named: false };
  if (name !== undefined && isSecretLikeName(name) && looksLikeCredential(value)) return { kind: secretKindOf(name), start: preview(value.trim()), named: true };
  return undefined;
}

/** `KEY=value`, `key: value` and `"key": "value",` lines of a config file kept in a ConfigMap value. */
const ASSIGNMENT = /^[ \t]*["']?([A-Za-z_][A-Za-z0-9_.-]*)["']?[ \t]*[:=][ \t]*["']?([^"'\s#,]+)["']?[ \t]*,?[ \t]*(?:#.*)?$/gm;

/** The credential in a multi-line value: a token shape anywhere, or a secret-like assignment on one of its lines. */
export function credentialInText(name: string, text: string, shapes: readonly TokenShape[]): Credential | undefined {
  if (!text.includes("\n")) return credentialIn(name, text, shapes);
  const hit = firstToken(text, shapes);
  if (hit) return { kind: hit.kind, start: preview(hit.token), named: false };
  for (const match of text.matchAll(ASSIGNMENT)) {
    if (isSecretLikeName(match[1]) && looksLikeCredential(match[2])) return { kind: `${secretKindOf(match[1])} (${match[1]})`, start: preview(match[2]), named: true };
  }
  return undefined;
}

/** A field read as text for a message: a string as written, anything else as nothing. */
export function textOf(value: unknown): string {
  return typeof value === "string" ? value : "";
}
