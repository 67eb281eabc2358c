/**
 * `search` as every bureau adapter answers it (SQLite's LIKE is the reference): a substring of any of
 * the texts, ASCII letters in either case, nothing else folded, no wildcards.
 */
export function matchesSearch(search: string | undefined, ...texts: string[]): boolean {
  if (search === undefined) return true;
  const wanted = foldAscii(search);
  return texts.some((text) => foldAscii(text).includes(wanted));
}

function foldAscii(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
