/** Bound parameters per INSERT: far below every dialect's limit (SQLite 32766, Postgres/MySQL 65535). */
const PARAMETERS_PER_STATEMENT = 8000;
/** More rows per statement stop paying off: compiling and binding dominate. */
const MAX_ROWS_PER_STATEMENT = 500;

/** Rows per multi-row INSERT for a table of `columns` columns. */
export function rowsPerStatement(columns: number): number {
  return Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(PARAMETERS_PER_STATEMENT / columns)));
}

/**
 * Feeds `items` to `insert` in chunks of `size` (multi-row INSERTs: one statement per chunk instead
 * of one per row), pulling lazily from the iterable so a generator of readings is never held whole.
 * Calls `inserted(n)` after each chunk; returns the number of items.
 */
export async function insertInChunks<T>(
  items: Iterable<T>,
  size: number,
  insert: (chunk: T[]) => Promise<unknown>,
  inserted: (count: number) => void,
): Promise<number> {
  let total = 0;
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length === size) {
      await insert(chunk);
      total += chunk.length;
      inserted(chunk.length);
      chunk = [];
    }
  }
  if (chunk.length > 0) {
    await insert(chunk);
    total += chunk.length;
    inserted(chunk.length);
  }
  return total;
}
