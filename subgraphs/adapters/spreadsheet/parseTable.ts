import type { z } from 'zod';
import type { SheetProblem } from './SheetProblem.ts';
import { SpreadsheetLoadError } from './SheetProblem.ts';
import type { SheetTable } from './SheetTable.ts';

export interface ParsedRow<T> {
  readonly row: number;
  readonly value: T;
}

export interface ParsedTable<T> {
  readonly rows: ReadonlyArray<ParsedRow<T>>;
  readonly problems: readonly SheetProblem[];
}

/**
 * Validates every row of a table against a sheet's schema (an object keyed by column header). A row
 * that fails is skipped and reported once per failing column, with its row number and the column's
 * header. Columns of the schema missing from the header fail the whole file (nothing in it could be
 * read right); extra columns are ignored.
 *
 * Each cell goes through its column's schema directly rather than through the object schema: the
 * result and the issues are the same, without building and copying an object per row, which made a
 * folder's ~30,000 readings rows several times slower to load.
 */
export function parseTable<Shape extends z.ZodRawShape>(table: SheetTable, schema: z.ZodObject<Shape>): ParsedTable<z.output<z.ZodObject<Shape>>> {
  const { file, sheet, headers } = table;
  const columns = Object.keys(schema.shape);
  const missing = columns.filter((column) => !headers.includes(column));
  if (missing.length > 0) throw new SpreadsheetLoadError(file, sheet, `lacks the column(s) ${missing.join(', ')}`);
  // The first column of each header counts; a repeated header is ignored like any extra column.
  const fields = columns.map((column) => ({ column, index: headers.indexOf(column), schema: schema.shape[column] as z.ZodType }));

  const rows: Array<ParsedRow<z.output<z.ZodObject<Shape>>>> = [];
  const problems: SheetProblem[] = [];
  for (const { row, cells } of table.rows) {
    // A null-prototype object: even a column named __proto__ stays plain data.
    const value: Record<string, unknown> = Object.create(null);
    let ok = true;
    for (const field of fields) {
      const parsed = field.schema.safeParse(cells[field.index] ?? null);
      if (parsed.success) {
        value[field.column] = parsed.data;
      } else {
        ok = false;
        problems.push({ file, sheet, row, column: field.column, message: parsed.error.issues[0]?.message ?? 'invalid' });
      }
    }
    if (ok) rows.push({ row, value: value as z.output<z.ZodObject<Shape>> });
  }
  return { rows, problems };
}
