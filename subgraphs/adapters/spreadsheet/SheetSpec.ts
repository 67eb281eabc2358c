import type { z } from 'zod';

/** A cell as the writer produces it (CSV writes text; xlsx keeps numbers, and dates in `dateColumns`). */
export type WrittenCell = string | number | null;
export type WrittenRow = Readonly<Record<string, WrittenCell>>;

/**
 * One sheet of the folder's layout: where it is, its columns (the keys of `schema`, in the order the
 * writer puts them), and how a row is validated. Unknown extra columns are ignored when reading.
 */
export interface SheetSpec<Shape extends z.ZodRawShape> {
  readonly file: string;
  /** Worksheet name in an xlsx file; null for CSV. */
  readonly sheet: string | null;
  readonly schema: z.ZodObject<Shape>;
  /** Columns an xlsx writer stores as date cells. @default none */
  readonly dateColumns?: readonly string[];
}

export function columnsOf(spec: SheetSpec<z.ZodRawShape>): string[] {
  return Object.keys(spec.schema.shape);
}
