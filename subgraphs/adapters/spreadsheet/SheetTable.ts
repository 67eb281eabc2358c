/** One cell as read: CSV gives text, xlsx also numbers, booleans and dates; empty is null. */
export type Cell = string | number | boolean | Date | null;

/** The rows of one CSV file or one worksheet, with the numbers a spreadsheet program shows. */
export interface SheetTable {
  /** File name relative to the folder, e.g. '案件登记.csv' or '监测数据/ST0001.csv'. */
  readonly file: string;
  /** Worksheet name; null for a CSV file. */
  readonly sheet: string | null;
  readonly headers: readonly string[];
  readonly rows: ReadonlyArray<{ readonly row: number; readonly cells: readonly Cell[] }>;
}
