import type { SourceText } from "./text.js";

/** Rule id → reason, for the rules a comment suppresses. */
export type IgnoredRules = ReadonlyMap<string, string | undefined>;

const NONE: IgnoredRules = new Map();

// Ids may hold dots: a policy's rule is `vap/<policy name>`, and policy names are DNS subdomains.
// `# kubeward-ignore a,b -- reason` in YAML, or `{{/* kubeward-ignore a -- reason */}}` in a Helm template.
const IGNORE_COMMENT = /(?:#|\{\{-?\s*\/\*)\s*kubeward-ignore\s+([A-Za-z0-9_\-/., ]+?)\s*(?:--\s*(.*?))?\s*(?:\*\/\s*-?\}\}.*)?$/;

interface IgnoreComment {
  rules: IgnoredRules;
  /** The comment is alone on its line, so it also covers the line after it. */
  standalone: boolean;
}

/** A rule id as a `kubeward-ignore` comment writes it, with its 1-based line and columns (end exclusive). */
export interface IgnoredRuleMention {
  rule: string;
  line: number;
  column: number;
  endColumn: number;
}

/** Every rule id the file's `kubeward-ignore` comments name, where it is written. */
export function ignoreMentions(source: SourceText): IgnoredRuleMention[] {
  const mentions: IgnoredRuleMention[] = [];
  if (!source.text.includes("kubeward-ignore")) return mentions;
  for (let line = 1; line <= source.lineCount; line++) {
    const text = source.lineText(line);
    const match = IGNORE_COMMENT.exec(text);
    if (!match) continue;
    const listStart = match.index + match[0].indexOf(match[1], match[0].indexOf("kubeward-ignore") + "kubeward-ignore".length);
    for (const id of match[1].matchAll(/[^\s,]+/g)) {
      const column = listStart + id.index + 1;
      mentions.push({ rule: id[0], line, column, endColumn: column + id[0].length });
    }
  }
  return mentions;
}

/**
 * `kubeward-ignore` comments of a file, read on first use: a comment covers its own line, and the
 * next line when it stands alone.
 */
export function ignoreIndex(source: SourceText): (line: number) => IgnoredRules {
  let byLine: Map<number, IgnoreComment> | undefined;
  const comments = (): Map<number, IgnoreComment> => {
    if (byLine) return byLine;
    byLine = new Map();
    if (!source.text.includes("kubeward-ignore")) return byLine;
    for (let line = 1; line <= source.lineCount; line++) {
      const text = source.lineText(line);
      const match = IGNORE_COMMENT.exec(text);
      if (!match) continue;
      const reason = (match[2] as string | undefined)?.replace(/\s*\*\/\s*-?\}\}.*$/, "") || undefined;
      const rules = new Map(match[1].split(/[\s,]+/).filter(Boolean).map((rule) => [rule, reason] as const));
      byLine.set(line, { rules, standalone: /^\s*(#|\{\{-?\s*\/\*)/.test(text) });
    }
    return byLine;
  };
  return (line) => {
    const sameLine = comments().get(line);
    const lineBefore = comments().get(line - 1);
    if (!sameLine && !lineBefore?.standalone) return NONE;
    const found = new Map(sameLine?.rules ?? []);
    if (lineBefore?.standalone) for (const [rule, reason] of lineBefore.rules) found.set(rule, reason);
    return found;
  };
}
