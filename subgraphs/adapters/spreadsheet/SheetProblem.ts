/** A row (or file) of the bureau's folder that could not be used, reported instead of silently dropped. */
export interface SheetProblem {
  /** File name relative to the folder, e.g. '案件登记.csv'. */
  readonly file: string;
  /** Worksheet; null for CSV files. */
  readonly sheet: string | null;
  /** The row number a spreadsheet program shows (the header is row 1 of a CSV); null for a whole-file problem. */
  readonly row: number | null;
  /** The column's header; null when the whole row or file is at fault. */
  readonly column: string | null;
  readonly message: string;
}

/** `file[/sheet] row N column "X": message`, for logs. */
export function describeProblem(p: SheetProblem): string {
  const where = [p.sheet === null ? p.file : `${p.file} / ${p.sheet}`, p.row === null ? null : `row ${p.row}`,
    p.column === null ? null : `column ${p.column}`].filter((part) => part !== null).join(', ');
  return `${where}: ${p.message}`;
}

/**
 * A file that cannot be used at all (missing, unreadable, not CSV/xlsx, required columns absent):
 * the load fails as a whole. At open that stops the source; on a reload the previous data stays.
 */
export class SpreadsheetLoadError extends Error {
  override readonly name = 'SpreadsheetLoadError';
  constructor(readonly file: string, readonly sheet: string | null, message: string, options?: { cause?: unknown }) {
    super(`${sheet === null ? file : `${file} / ${sheet}`}: ${message}`, options);
  }
}
