import type { Path, PathSegment } from "../core/types.js";

/**
 * A field path as Kubernetes writes one in a validation's `fieldPath`: `spec.containers[0].image`,
 * `.spec.replicas`, `metadata.labels['app.kubernetes.io/name']`. The error's offset is in the text.
 */
export function parseFieldPath(text: string): { path: Path } | { error: string; offset: number } {
  const path: PathSegment[] = [];
  let i = text.startsWith(".") ? 1 : 0;
  if (text.startsWith("object.")) i = "object.".length;
  while (i < text.length) {
    if (text[i] === "[") {
      const close = text.indexOf("]", i);
      if (close < 0) return { error: "a [ in the field path has no ]", offset: i };
      const inner = text.slice(i + 1, close).trim();
      const quoted = /^'([^']*)'$/.exec(inner) ?? /^"([^"]*)"$/.exec(inner);
      if (quoted) path.push(quoted[1]);
      else if (/^\d+$/.test(inner)) path.push(Number(inner));
      else return { error: `a field path index must be a number or a quoted key, not "${inner}"`, offset: i + 1 };
      i = close + 1;
      if (text[i] === ".") i++;
      continue;
    }
    const match = /^[^.[\]\s]+/.exec(text.slice(i));
    if (!match) return { error: `unexpected "${text[i]}" in the field path`, offset: i };
    path.push(match[0]);
    i += match[0].length;
    if (text[i] === ".") {
      i++;
      if (i >= text.length) return { error: "the field path ends with a dot", offset: i - 1 };
    }
  }
  if (path.length === 0) return { error: "the field path is empty", offset: 0 };
  return { path };
}
