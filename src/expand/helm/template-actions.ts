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
    if (char === '"' || char === "'") {
      i++;
      while (i < text.length && text[i] !== char && text[i] !== "\n") i += text[i] === "\\" ? 2 : 1;
      i++;
    } else if (char === "`") {
      const close = text.indexOf("`", i + 1);
      i = close === -1 ? text.length : close + 1;
    } else if (char === "}" && text[i + 1] === "}") {
      return i + 2;
    } else {
      i++;
    }
  }
  return text.length;
}
