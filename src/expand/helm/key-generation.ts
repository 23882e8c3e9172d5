/**
 * Key generation made cheap in the instrumented copies of a chart (instrument.ts): Sprig's
 * `genPrivateKey "rsa"` makes a 4096-bit RSA key, and `genCA`, `genSelfSignedCert` and `genSignedCert`
 * each a 2048-bit one, which takes helm from a tenth of a second to seconds of CPU per key, at random
 * (bitnami/etcd's JWT key: 1.5–2.3 s of a 2 s render, against 0.05 s with a P-256 key). The copies are
 * evidence of where lines and values come from; a generated key is a generated value whatever its type
 * (`renderedFieldFacts` finds it by comparing with the real render, which keeps the chart's own generators).
 */
import { actionEnd, stringEnd } from "./template-actions.js";

const GENERATOR = /\bgen(?:PrivateKey|CA|SelfSignedCert|SignedCert)\b/;
/** The certificate generators by the number of arguments they take; each `…WithKey` variant takes a PEM key after them. */
const CERTIFICATE_GENERATORS = new Map([
  ["genCA", 2],
  ["genSelfSignedCert", 4],
  ["genSignedCert", 5],
]);
const SLOW_KEY_TYPE = /^\s+"(?:rsa|dsa)"/;
const FAST_KEY_TYPE = '"ecdsa"';
const FAST_KEY = ` (genPrivateKey ${FAST_KEY_TYPE})`;

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

/**
 * The template with its RSA and DSA key generators, in its actions only, made with P-256 keys: `genPrivateKey
 * "rsa"` becomes `genPrivateKey "ecdsa"`, `genCA "ca" 365` becomes `genCAWithKey "ca" 365 (genPrivateKey
 * "ecdsa")`. A call whose arguments cannot be read for certain (one piped in, a count that differs) is left
 * as it is; so is every template with no generator in it.
 */
export function fasterKeyGeneration(template: string): string {
  if (!GENERATOR.test(template)) return template;
  let result = "";
  let from = 0;
  for (let open = template.indexOf("{{", from); open !== -1; open = template.indexOf("{{", from)) {
    const end = actionEnd(template, open);
    result += template.slice(from, open) + withEdits(template.slice(open, end), keyEdits(template.slice(open, end)));
    from = end;
  }
  return result + template.slice(from);
}

function withEdits(text: string, edits: Edit[]): string {
  let result = text;
  for (const edit of edits.sort((a, b) => b.at - a.at)) result = result.slice(0, edit.at) + edit.insert + result.slice(edit.at + edit.remove);
  return result;
}

/** The edits of one action (`{{ … }}`, delimiters included), found outside its strings and comments. */
function keyEdits(action: string): Edit[] {
  const edits: Edit[] = [];
  if (/^\{\{-?\s*\/\*/.test(action)) return edits;
  for (let i = 2; i < action.length; ) {
    const char = action[i];
    if (char === '"' || char === "'" || char === "`") {
      i = quotedEnd(action, i) ?? action.length;
      continue;
    }
    const name = /^[A-Za-z]\w*/.exec(action.slice(i))?.[0];
    if (!name) {
      i++;
      continue;
    }
    const nameEnd = i + name.length;
    // A field (`.genCA`) or a variable (`$genCA`) is not a call.
    const called = !/[.$\w]/.test(action[i - 1]);
    if (called && name === "genPrivateKey") {
      const keyType = SLOW_KEY_TYPE.exec(action.slice(nameEnd));
      if (keyType) edits.push({ at: nameEnd + keyType[0].indexOf('"'), remove: keyType[0].trimStart().length, insert: FAST_KEY_TYPE });
    }
    const arity = called ? CERTIFICATE_GENERATORS.get(name) : undefined;
    const command = arity === undefined || pipedInto(action, i) ? undefined : commandArguments(action, nameEnd);
    if (command !== undefined && command.count === arity) edits.push({ at: nameEnd, remove: 0, insert: "WithKey" }, { at: command.end, remove: 0, insert: FAST_KEY });
    i = nameEnd;
  }
  return edits;
}

/** Whether the call at `at` takes its last argument from a pipe (`365 | genCA "ca"`). */
function pipedInto(action: string, at: number): boolean {
  return /\|\s*$/.test(action.slice(0, at));
}

/** The index after a quoted string or raw string that opens at `at`; undefined when it does not close. */
function quotedEnd(text: string, at: number): number | undefined {
  const { end, closed } = stringEnd(text, at);
  return closed ? end : undefined;
}

/** Where the command whose arguments start at `from` ends (after its last argument), and how many it has. */
function commandArguments(action: string, from: number): { count: number; end: number } | undefined {
  let count = 0;
  let i = from;
  for (;;) {
    const argumentEnd = i;
    while (i < action.length && /\s/.test(action[i])) i++;
    const rest = action.slice(i);
    if (rest === "" || rest.startsWith("}}") || rest.startsWith("|") || rest.startsWith(")") || (i > argumentEnd && rest.startsWith("-}}"))) {
      return { count, end: argumentEnd };
    }
    if (i === argumentEnd && count > 0) return undefined;
    const end = termEnd(action, i);
    if (end === undefined) return undefined;
    count++;
    i = end;
  }
}

/** The index after one argument: a string, a parenthesized pipeline (with any fields after it), or a word. */
function termEnd(action: string, at: number): number | undefined {
  let i = at;
  let depth = 0;
  while (i < action.length) {
    const char = action[i];
    if (char === '"' || char === "'" || char === "`") {
      const end = quotedEnd(action, i);
      if (end === undefined) return undefined;
      i = end;
    } else if (char === "(") {
      depth++;
      i++;
    } else if (char === ")") {
      if (depth === 0) break;
      depth--;
      i++;
    } else if (depth === 0 && (/\s/.test(char) || char === "|" || action.startsWith("}}", i))) {
      break;
    } else {
      i++;
    }
  }
  return depth === 0 && i > at ? i : undefined;
}
