/**
 * Corrections to @bufbuild/cel's strings extension where it departs from cel-go's (which Kubernetes
 * runs): `replace` with a negative count replaces every occurrence, and `split` with a count keeps
 * the unsplit remainder in its last element (Go's strings.Replace and strings.SplitN). They replace
 * the library's overloads of the same signature.
 */
import { celList, celMethod, CelScalar } from "@bufbuild/cel";

const { INT, STRING } = CelScalar;

/** Go's strings.Replace: at most `count` replacements, all when negative; "" matches before each character and at the end. */
function replace(text: string, old: string, replacement: string, count: number): string {
  if (count === 0 || old === replacement) return text;
  if (old === "") {
    const chars = Array.from(text);
    let out = "";
    let done = 0;
    for (let i = 0; i <= chars.length; i++) {
      if (count < 0 || done < count) {
        out += replacement;
        done++;
      }
      if (i < chars.length) out += chars[i];
    }
    return out;
  }
  const pieces = text.split(old);
  const limit = count < 0 ? pieces.length - 1 : Math.min(count, pieces.length - 1);
  return pieces.slice(0, limit + 1).join(replacement) + (limit + 1 < pieces.length ? old + pieces.slice(limit + 1).join(old) : "");
}

/** Go's strings.SplitN: none when 0, all when negative, else at most `count` pieces, the last one unsplit. */
function split(text: string, separator: string, count: number): string[] {
  if (count === 0) return [];
  const all = separator === "" ? Array.from(text) : text.split(separator);
  if (count < 0 || all.length <= count) return all;
  return [...all.slice(0, count - 1), all.slice(count - 1).join(separator)];
}

export const STRING_FIXES = [
  celMethod("replace", STRING, [STRING, STRING], STRING, function (old, replacement) {
    return replace(this, old, replacement, -1);
  }),
  celMethod("replace", STRING, [STRING, STRING, INT], STRING, function (old, replacement, count) {
    return replace(this, old, replacement, Number(count));
  }),
  celMethod("split", STRING, [STRING], CelScalar.DYN, function (separator) {
    return celList(split(this, separator, -1));
  }),
  celMethod("split", STRING, [STRING, INT], CelScalar.DYN, function (separator, count) {
    return celList(split(this, separator, Number(count)));
  }),
];
