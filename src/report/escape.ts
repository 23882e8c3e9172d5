/** Text put into HTML and Markdown reports, made inert. */

/** Text for an HTML element or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Text for a Markdown paragraph, list item or table cell (GitHub-flavoured): `&`, `<` and `>` as character references, and the
 * punctuation that would start emphasis, code, a link or end a cell backslash-escaped.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[&<>]/g, (char) => `&#${char.charCodeAt(0)};`)
    .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`)
    .replace(/\r?\n/g, " ");
}
