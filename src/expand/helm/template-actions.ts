/** Reading Go template text: where its actions (`{{ … }}`) begin and end. */

/** The index after the action that opens at `start` (`{{ … }}`), skipping strings and comments; the text's end when unclosed. */
export function actionEnd(text: string, start: number): number {
  let i = start + 2;
  const comment = /-?\s*\/\*/y;
  comment.lastIndex = i;
  if (comment.test(text)) {
    const close = text.indexOf("*/", comment.lastIndex);
    if (close === -1) return text.length;
    i = close + 2;
  }
  while (i < text.length) {
    const char = text[i];
    if (char === '"' || char === "'" || char === "`") {
      i = stringEnd(text, i).end;
    } else if (char === "}" && text[i + 1] === "}") {
      return i + 2;
    } else {
      i++;
    }
  }
  return text.length;
}

/**
 * Where a string that opens at `at` ends: after its closing quote; a quoted string left open ends after its
 * line, a raw (backquoted) one at the text's end.
 */
export function stringEnd(text: string, at: number): { end: number; closed: boolean } {
  const quote = text[at];
  if (quote === "`") {
    const close = text.indexOf("`", at + 1);
    return close === -1 ? { end: text.length, closed: false } : { end: close + 1, closed: true };
  }
  let i = at + 1;
  while (i < text.length && text[i] !== quote && text[i] !== "\n") i += text[i] === "\\" ? 2 : 1;
  return { end: i + 1, closed: text[i] === quote };
}
