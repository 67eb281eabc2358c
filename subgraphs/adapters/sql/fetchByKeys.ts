/**
 * Keys per `IN (…)` list: well under every dialect's parameter limit (SQLite 32766, Postgres and
 * MySQL 65535), and a batch of DataLoader keys normally fits in one statement.
 */
export const IN_LIST_CHUNK = 500;

/**
 * Runs `fetch` for the distinct keys, one statement per IN_LIST_CHUNK keys (so one statement for a
 * normal batch, and none for an empty one), and returns all rows in statement order.
 */
export async function fetchByKeys<K, Row>(
  keys: readonly K[],
  fetch: (chunk: K[]) => Promise<readonly Row[]>,
): Promise<Row[]> {
  const distinct = [...new Set(keys)];
  const rows: Row[] = [];
  for (let start = 0; start < distinct.length; start += IN_LIST_CHUNK) {
    rows.push(...await fetch(distinct.slice(start, start + IN_LIST_CHUNK)));
  }
  return rows;
}
