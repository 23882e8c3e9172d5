/**
 * Regular expressions: the standard `matches` and Kubernetes' `find` / `findAll`
 * (https://kubernetes.io/docs/reference/using-api/cel/#kubernetes-regex-library).
 *
 * Patterns are RE2 (Go's regexp), checked by @bufbuild/re2, a linear-time RE2 engine, so lookaround
 * and backreferences are errors as in Kubernetes. `matches` runs on that engine. It only answers
 * yes/no, so `find` and `findAll` first ask it whether there is any match and only then locate
 * matches with a JS RegExp translated from the RE2 pattern (the two agree on RE2's leftmost-first
 * semantics for the patterns RE2 accepts); their input is capped because a JS RegExp can backtrack.
 */
import { celFunc, celMethod, CelScalar } from "@bufbuild/cel";
import { RE2JS } from "@bufbuild/re2";
import { asInt, asString, fail, Library } from "./define.js";

const { BOOL, STRING } = CelScalar;

/** Longest pattern accepted (Kubernetes has none; kubeward's guard against pathological patterns). */
export const MAX_PATTERN_LENGTH = 4096;
/** Longest input `find` / `findAll` search, since a JS RegExp can backtrack (`matches` is linear and has no cap). */
export const MAX_FIND_INPUT_LENGTH = 65_536;

const re2Cache = new Map<string, RE2JS>();
const jsCache = new Map<string, RegExp>();
const CACHE_SIZE = 256;

function remember<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    if (cache.size >= CACHE_SIZE) {
      for (const oldest of cache.keys()) {
        cache.delete(oldest);
        break;
      }
    }
    cache.set(key, value);
  }
  return value;
}

function re2(pattern: string): RE2JS {
  if (pattern.length > MAX_PATTERN_LENGTH) fail(`regex pattern is longer than ${MAX_PATTERN_LENGTH} characters`);
  return remember(re2Cache, pattern, () => {
    try {
      return RE2JS.compile(pattern);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const hint = /\(\?<?[=!]|\\[1-9]/.test(pattern) ? " (lookaround and backreferences are not RE2 syntax)" : "";
      fail(`invalid regex '${pattern}': ${reason}${hint}`);
    }
  });
}

/** RE2 syntax → JS RegExp, for what the two spell differently; what has no JS spelling is an error. */
function toJs(pattern: string): RegExp {
  return remember(jsCache, pattern, () => {
    let source = pattern;
    let flags = "gu";
    const leading = /^\(\?([imsU]+)\)/.exec(source);
    if (leading) {
      if (leading[1].includes("U")) unsupported(pattern, "the U (ungreedy) flag");
      flags += leading[1];
      source = source.slice(leading[0].length);
    }
    if (/\(\?[a-zA-Z-]+[:)]/.test(source)) unsupported(pattern, "inline flags other than a leading (?i), (?m) or (?s)");
    if (/\[\[:|\\Q|\\C/.test(source)) unsupported(pattern, "POSIX classes, \\Q…\\E and \\C");
    source = source
      .replace(/\(\?P</g, "(?<")
      .replace(/\\A/g, "(?<![\\s\\S])")
      .replace(/\\z/g, "(?![\\s\\S])")
      .replace(/\\([pP])([A-Za-z])/g, "\\$1{$2}");
    try {
      return new RegExp(source, flags);
    } catch {
      // RE2 accepts escapes that unicode-mode JS rejects (such as \- outside a class)
      try {
        return new RegExp(source, flags.replace("u", ""));
      } catch {
        return unsupported(pattern, "this RE2 syntax");
      }
    }
  });
}

function unsupported(pattern: string, what: string): never {
  fail(`regex '${pattern}': kubeward's find/findAll do not support ${what}`);
}

/** Go's FindAllString: successive non-overlapping matches; an empty match right after a match is skipped. */
function findAll(input: string, pattern: string, limit: number): string[] {
  if (limit === 0 || !re2(pattern).test(input)) return [];
  if (input.length > MAX_FIND_INPUT_LENGTH) fail(`find/findAll input is longer than ${MAX_FIND_INPUT_LENGTH} characters`);
  const regex = toJs(pattern);
  const found: string[] = [];
  let previousEnd = -1;
  for (let position = 0; position <= input.length && (limit < 0 || found.length < limit); ) {
    regex.lastIndex = position;
    const match = regex.exec(input);
    if (match === null) break;
    const start = match.index;
    const end = start + match[0].length;
    if (end === start) {
      if (start !== previousEnd) found.push("");
      const code = input.codePointAt(start);
      position = start + (code !== undefined && code > 0xffff ? 2 : 1);
    } else {
      found.push(match[0]);
      position = end;
    }
    previousEnd = end;
  }
  return found;
}

/** Replaces the standard `matches` (same signature) with one that caches patterns and explains RE2 errors. */
export const MATCHES = celMethod("matches", STRING, [STRING], BOOL, function (pattern) {
  return re2(pattern).test(this);
});

/** The standard's function form, `matches(text, pattern)`, which @bufbuild/cel lacks. */
export const MATCHES_FUNCTION = celFunc("matches", [STRING, STRING], BOOL, (text, pattern) => re2(pattern).test(text));

export const REGEX = new Library()
  .method("find", 1, (target, [pattern]) => {
    const input = asString(target);
    const regex = asString(pattern);
    if (input === undefined || regex === undefined) return undefined;
    return findAll(input, regex, 1)[0] ?? "";
  })
  .method("findAll", 1, (target, [pattern]) => {
    const input = asString(target);
    const regex = asString(pattern);
    if (input === undefined || regex === undefined) return undefined;
    return findAll(input, regex, -1);
  })
  .method("findAll", 2, (target, [pattern, limit]) => {
    const input = asString(target);
    const regex = asString(pattern);
    const n = asInt(limit);
    if (input === undefined || regex === undefined || n === undefined) return undefined;
    return findAll(input, regex, n < 0n ? -1 : Number(n));
  });
