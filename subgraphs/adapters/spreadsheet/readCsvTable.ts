import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { SpreadsheetLoadError } from './SheetProblem.ts';
import type { Cell, SheetTable } from './SheetTable.ts';

/**
 * A CSV file of the folder as a table. UTF-8 (with or without the BOM Excel's "CSV UTF-8" writes),
 * or GB 18030 / GBK, which Excel's plain "CSV" writes on Chinese Windows. Quoted cells may span
 * lines. Row numbers are the ones a spreadsheet program shows (header = row 1); blank rows are not
 * data and are passed over.
 */
export async function readCsvTable(dir: string, file: string): Promise<SheetTable> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(dir, file));
  } catch (error) {
    throw new SpreadsheetLoadError(file, null, 'cannot be read', { cause: error });
  }
  let records: string[][];
  try {
    records = parse(decode(bytes), { bom: true, relax_column_count: true });
  } catch (error) {
    throw new SpreadsheetLoadError(file, null, `is not valid CSV (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  const [header, ...body] = records;
  if (header === undefined) throw new SpreadsheetLoadError(file, null, 'is empty (no header row)');
  const rows = body.flatMap((cells, i) => {
    const values: Cell[] = cells.map((c) => (c === '' ? null : c));
    return values.every((v) => v === null) ? [] : [{ row: i + 2, cells: values }];
  });
  return { file, sheet: null, headers: header.map((h) => h.trim()), rows };
}

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
