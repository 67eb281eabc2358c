/**
 * The list contract's order on records held in memory: the sort field in its direction, then `id`
 * ascending by code units (the byte order of the ASCII global ids, the order the gateway merges in).
 */
import type { SortDirection, SortPosition, SortSpec } from '../../kit/ports.ts';

export function compareValues(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The record's value of the sort field, read as the kit reads it for cursors. */
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

/** Up to `limit` records strictly after `after`, in the list's order. */
export function keysetSlice<R extends { readonly id: string }>(
  records: readonly R[],
  sort: SortSpec,
  after: SortPosition | null,
  limit: number,
): R[] {
  const placed = records.map((record) => ({ record, position: positionOf(record, sort.field) }));
  placed.sort((a, b) => comparePositions(a.position, b.position, sort.direction));
  const start = after === null ? 0 : placed.findIndex((p) => comparePositions(p.position, after, sort.direction) > 0);
  return start < 0 ? [] : placed.slice(start, start + Math.max(0, limit)).map((p) => p.record);
}
