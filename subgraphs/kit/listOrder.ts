/**
 * The list contract's order (ports.ts) for records held in memory: the sort field in its direction,
 * then `id` ascending by code units (the byte order of the ASCII global ids, the order the SQL
 * stores sort in and the gateway merges in). One implementation for every in-memory list: the
 * spreadsheet and legacy adapters, and lists the kit computes itself (alarms).
 */
import type { ListQuery, ListResult, SortDirection, SortPosition, SortSpec } from './ports.ts';

export function compareValues(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The record's value of the sort field, read by field name as the kit reads it for cursors. */
export function sortValueOf(record: object, field: string): string | number {
  const value = Object.hasOwn(record, field) ? (record as Record<string, unknown>)[field] : undefined;
  if (typeof value !== 'string' && typeof value !== 'number') throw new TypeError(`records cannot be sorted by ${JSON.stringify(field)}`);
  return value;
}

/** Positive when `a` comes after `b` in the list's order. */
export function comparePositions(a: SortPosition, b: SortPosition, direction: SortDirection): number {
  const byValue = compareValues(a.value, b.value);
  return (direction === 'DESC' ? -byValue : byValue) || compareValues(a.id, b.id);
}

export function positionOf(record: { readonly id: string }, field: string): SortPosition {
  return { value: sortValueOf(record, field), id: record.id };
}

export function sortRecords<R extends { readonly id: string }>(records: readonly R[], sort: SortSpec): R[] {
  const keyed = records.map((record) => ({ record, position: positionOf(record, sort.field) }));
  keyed.sort((a, b) => comparePositions(a.position, b.position, sort.direction));
  return keyed.map((k) => k.record);
}

/** Index of the first record strictly after `after` in a list sorted by `sort` (binary search). */
export function firstAfter<R extends { readonly id: string }>(sorted: readonly R[], sort: SortSpec, after: SortPosition): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (comparePositions(positionOf(sorted[mid] as R, sort.field), after, sort.direction) > 0) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Up to `limit` records strictly after `after`, in the list's order. */
export function keysetSlice<R extends { readonly id: string }>(
  records: readonly R[],
  sort: SortSpec,
  after: SortPosition | null,
  limit: number,
): R[] {
  const sorted = sortRecords(records, sort);
  const start = after === null ? 0 : firstAfter(sorted, sort, after);
  return sorted.slice(start, start + Math.max(0, limit));
}

/** A whole ListQuery answered from records in memory, with the count of the whole set. */
export function pageInMemory<T extends { readonly id: string }>(records: readonly T[], query: ListQuery<unknown>): ListResult<T> {
  return { items: keysetSlice(records, query.sort, query.after, query.limit), totalCount: records.length };
}
