import { sql, type Expression } from 'kysely';
import type { SortSpec } from '../../kit/ports.ts';

/** Per list: the record properties it can sort by, and the column or expression each one is. */
export type SortKeys = Readonly<Record<string, Expression<string | number>>>;

/** Sort keys that are plain columns: `{ updatedAt: 'updated_at' }`. */
export function columnSortKeys(columns: Readonly<Record<string, string>>): SortKeys {
  const keys: Record<string, Expression<string | number>> = Object.create(null);
  for (const [field, column] of Object.entries(columns)) keys[field] = sql.ref<string | number>(column);
  return keys;
}

/**
 * The expression behind `sort.field`. An unknown field is a bug in the caller (the kit passes the
 * contract's sort), so it throws a TypeError rather than a CitySourceError.
 */
export function sortKeyFor(keys: SortKeys, sort: SortSpec, list: string): Expression<string | number> {
  const key = Object.hasOwn(keys, sort.field) ? keys[sort.field] : undefined;
  if (key === undefined) {
    throw new TypeError(`${list} cannot be sorted by ${JSON.stringify(sort.field)}; known: ${Object.keys(keys).join(', ')}`);
  }
  return key;
}
