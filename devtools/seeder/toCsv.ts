import type { WrittenRow } from '../../subgraphs/adapters/spreadsheet/SheetSpec.ts';

/**
 * CSV as Excel's "CSV UTF-8" saves it: a byte-order mark, CRLF row ends, cells quoted when they hold
 * a comma, a quote, a line break or edge spaces (RFC 4180 quoting). Numbers are written in their
 * shortest round-tripping form, so 17-digit doubles come back unchanged.
 */
export function toCsv(columns: readonly string[], rows: Iterable<WrittenRow>): string {
  const lines = [columns.map(quote).join(',')];
  for (const row of rows) lines.push(columns.map((c) => quote(cellText(row[c] ?? null))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function cellText(value: string | number | null): string {
  return value === null ? '' : typeof value === 'number' ? String(value) : value;
}

function quote(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
