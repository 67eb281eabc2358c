/**
 * The list contract's order on records in memory: the sort field in its direction, then `id`
 * ascending by code units (the byte order of the ASCII global ids, the order the gateway merges in).
 */
import type { SortDirection, SortPosition, SortSpec } from '../../kit/ports.ts';

export function compareValues(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The record's sort value, read by field name as the kit reads it for cursors. */
export function sortValueOf(record: object, field: string): string | number {
  const value = Object.hasOwn(record, field) ? (record as Record<string, unknown>)[field] : undefined;
  if (typeof value !== 'string' && typeof value !== 'number') throw new TypeError(`records cannot be sorted by ${JSON.stringify(field)}`);
  return value;
}

/** Positive when `a` comes after `b`. */
export function comparePositions(a: SortPosition, b: SortPosition, direction: SortDirection): number {
  const byValue = compareValues(a.value, b.value);
  return (direction === 'DESC' ? -byValue : byValue) || compareValues(a.id, b.id);
}

export function sortRecords<R extends { readonly id: string }>(records: readonly R[], sort: SortSpec): R[] {
  const keyed = records.map((record) => ({ record, position: { value: sortValueOf(record, sort.field), id: record.id } }));
  keyed.sort((a, b) => comparePositions(a.position, b.position, sort.direction));
  return keyed.map((k) => k.record);
}

/** Index of the first record strictly after `after` in a list sorted by `sort` (binary search). */
export function firstAfter<R extends { readonly id: string }>(sorted: readonly R[], sort: SortSpec, after: SortPosition): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const record = sorted[mid] as R;
    if (comparePositions({ value: sortValueOf(record, sort.field), id: record.id }, after, sort.direction) > 0) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
