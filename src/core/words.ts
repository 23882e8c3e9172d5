/** `1 file`, `3 files`: a count with its noun. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
