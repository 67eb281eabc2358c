/**
 * The cursor of a merged connection: for every bureau of the walk, that bureau's own (opaque) cursor
 * of the last item taken from it, or null for "from its beginning"; bureaus that have nothing left
 * are listed apart with the totalCount they last reported, so they are not asked again and the
 * walk's totalCount stays the same on every page. It also names its list and order: a cursor from
 * another list or order is refused rather than skipping items (the bureaus' own cursors do the same).
 *
 * Wire form: base64url of `[1, list, "field DIRECTION", [[city, cursor|null]…], [[city, total]…]]`,
 * arrays of pairs rather than objects so that no city code can become a `__proto__` key: a cursor
 * comes back from clients, untrusted.
 */
import { decodeBase64UrlJson, encodeBase64Url } from './base64url.ts';

const VERSION = 1;
/** Six bureaus' cursors fit in about 1 KB; the bound stops a forged cursor from costing work. */
const MAX_LENGTH = 16_384;
const MAX_CITIES = 256;
const CITY = /^[A-Za-z0-9-]{1,32}$/;
const MAX_CITY_CURSOR = 1024;

export interface CompositeCursor {
  readonly list: string;
  readonly sort: string;
  /** Bureaus still being walked: their own cursor, or null before their first item. */
  readonly positions: ReadonlyMap<string, string | null>;
  /** Bureaus that ran out, with the totalCount they reported then. */
  readonly exhausted: ReadonlyMap<string, number>;
}

export function encodeCompositeCursor(cursor: CompositeCursor): string {
  return encodeBase64Url(JSON.stringify([VERSION, cursor.list, cursor.sort, [...cursor.positions], [...cursor.exhausted]]));
}

export type CompositeCursorDecoding =
  | { readonly ok: true; readonly cursor: CompositeCursor }
  | { readonly ok: false; readonly reason: string };

const NOT_OURS: CompositeCursorDecoding = { ok: false, reason: 'it is not a cursor of this list' };

export function decodeCompositeCursor(text: string, list: string, sort: string): CompositeCursorDecoding {
  const parsed = decodeBase64UrlJson(text, MAX_LENGTH);
  if (!Array.isArray(parsed) || parsed.length !== 5 || parsed[0] !== VERSION) return NOT_OURS;
  const [, cursorList, cursorSort, positions, exhausted] = parsed as unknown[];
  if (cursorList !== list) return NOT_OURS;
  if (cursorSort !== sort) {
    return { ok: false, reason: `it was taken from this list sorted by ${String(cursorSort)}, not ${sort}` };
  }
  const decoded = { list, sort, positions: new Map<string, string | null>(), exhausted: new Map<string, number>() };
  if (!Array.isArray(positions) || !Array.isArray(exhausted) || positions.length + exhausted.length > MAX_CITIES) return NOT_OURS;
  for (const pair of positions) {
    if (!isPair(pair) || !isCity(pair[0], decoded)) return NOT_OURS;
    const position = pair[1];
    if (position !== null && (typeof position !== 'string' || position.length === 0 || position.length > MAX_CITY_CURSOR)) return NOT_OURS;
    decoded.positions.set(pair[0], position);
  }
  for (const pair of exhausted) {
    if (!isPair(pair) || !isCity(pair[0], decoded)) return NOT_OURS;
    const total = pair[1];
    if (typeof total !== 'number' || !Number.isSafeInteger(total) || total < 0) return NOT_OURS;
    decoded.exhausted.set(pair[0], total);
  }
  return { ok: true, cursor: decoded };
}

function isPair(value: unknown): value is [unknown, unknown] {
  return Array.isArray(value) && value.length === 2;
}

/** A well-formed city code that the cursor does not list twice. */
function isCity(value: unknown, seen: CompositeCursor): value is string {
  return typeof value === 'string' && CITY.test(value) && !seen.positions.has(value) && !seen.exhausted.has(value);
}
