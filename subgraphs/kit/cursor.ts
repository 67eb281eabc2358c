/**
 * A bureau's list cursor: the position (sort value, id) of an item in one list's order. It also
 * names that order, so a cursor taken from a list sorted one way is refused by a list sorted
 * another way instead of silently skipping items. Opaque to clients: base64url of a small JSON array.
 */
import type { SortPosition, SortSpec } from './ports.ts';

const VERSION = 1;
const MAX_LENGTH = 512;

export function encodeCursor(sort: SortSpec, position: SortPosition): string {
  return Buffer.from(JSON.stringify([VERSION, sort.field, sort.direction, position.value, position.id]), 'utf8')
    .toString('base64url');
}

export type CursorDecoding =
  | { readonly ok: true; readonly position: SortPosition }
  | { readonly ok: false; readonly reason: string };

export function decodeCursor(cursor: string, sort: SortSpec): CursorDecoding {
  if (cursor.length === 0 || cursor.length > MAX_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    return { ok: false, reason: 'it is not a cursor of this list' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'it is not a cursor of this list' };
  }
  if (!Array.isArray(parsed) || parsed.length !== 5 || parsed[0] !== VERSION) {
    return { ok: false, reason: 'it is not a cursor of this list' };
  }
  const [, field, direction, value, id] = parsed as unknown[];
  if (field !== sort.field || direction !== sort.direction) {
    return { ok: false, reason: `it was taken from a list sorted by ${String(field)} ${String(direction)}, not ${sort.field} ${sort.direction}` };
  }
  if ((typeof value !== 'string' && (typeof value !== 'number' || !Number.isFinite(value))) || typeof id !== 'string') {
    return { ok: false, reason: 'it is not a cursor of this list' };
  }
  return { ok: true, position: { value, id } };
}
