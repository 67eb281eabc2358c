/**
 * One page of a fan-out connection, before anything is sent: check `first` and `after` (a bad one
 * is an error for that field and no bureau is asked), pick the order (`@citySortWhen` applies when
 * its argument is non-null), and decide which bureaus to ask, each after its own cursor.
 *
 * The walk: a first page walks every served bureau in `cityCodes`; a later page walks the bureaus its
 * cursor names and no others. A bureau that joins mid-walk therefore shows up from the next walk on
 * (starting it mid-walk would put its early items after later ones), and a bureau of the walk that is
 * no longer served keeps its position in the cursor and is reported missing (CITY_UNAVAILABLE).
 *
 * Jurisdiction: the walk covers only the bureaus the caller may reach. A cursor position of a bureau
 * outside it (a cursor made for another caller, or forged) keeps its place in the cursor but is not
 * asked, and its total is not counted; a bureau named in `cityCodes` outside it is FORBIDDEN.
 */
import type { GraphQLFormattedError } from 'graphql';
import { ERRORS } from '../../schema/errors.ts';
import { argumentValue } from './argumentValue.ts';
import { notServed, outsideReach, type CitySet } from './CitySet.ts';
import type { CollectedField } from './collectFields.ts';
import { decodeCompositeCursor } from './compositeCursor.ts';
import type { ConnectionInfo, SortKey } from './readConnections.ts';
import { readCityCodes } from './readCityCodes.ts';

/** The page-size cap of every bureau (subgraphs/kit/paging.ts MAX_PAGE_SIZE): merged pages keep it. */
export const MAX_PAGE_SIZE = 100;

export interface ConnectionPage {
  readonly first: number;
  readonly sort: SortKey;
  /** The bureaus asked now, each with its own `after` (null: from its beginning), ascending. */
  readonly asked: ReadonlyMap<string, string | null>;
  /** The walk before this page: every walked bureau's position, and those that ran out. */
  readonly positions: ReadonlyMap<string, string | null>;
  readonly exhausted: ReadonlyMap<string, number>;
  /** Part of totalCount already known: bureaus that ran out earlier in the walk (not asked again). */
  readonly carriedTotal: number;
  /** Bureaus of the walk that are no longer served. */
  readonly unserved: readonly string[];
  /** Bureaus named in `cityCodes` that the caller may not reach: FORBIDDEN each, never asked. */
  readonly forbidden: readonly string[];
  /** Codes named in `cityCodes` that no bureau serves: UNKNOWN_CITY each. */
  readonly unknown: readonly string[];
}

export type ConnectionPagePlan =
  | { readonly ok: true; readonly page: ConnectionPage }
  | { readonly ok: false; readonly error: GraphQLFormattedError };

export function planConnectionPage(
  info: ConnectionInfo,
  field: CollectedField,
  variables: Readonly<Record<string, unknown>>,
  cities: CitySet,
): ConnectionPagePlan {
  const node = field.nodes[0];
  if (!node) throw new TypeError('a collected field has at least one node');
  const path = [field.key];
  const first = argumentValue(node, 'first', variables) ?? info.defaultFirst;
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    const error = ERRORS.PAGE_SIZE_OUT_OF_RANGE.err(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${String(first)}.`, {
      path, extensions: { argument: 'first', max: MAX_PAGE_SIZE },
    });
    return { ok: false, error: error.toJSON() };
  }
  const sort = info.sortWhen && argumentValue(node, info.sortWhen.argument, variables) != null ? info.sortWhen.sort : info.sort;
  const only = readCityCodes(argumentValue(node, 'cityCodes', variables));
  const selected = (city: string) => only === null || only.has(city);
  const after = argumentValue(node, 'after', variables);
  let positions: ReadonlyMap<string, string | null>;
  let exhausted: ReadonlyMap<string, number> = new Map();
  if (after == null) {
    positions = new Map(cities.codes.filter(selected).map((city) => [city, null]));
  } else {
    const decoded = typeof after === 'string' ? decodeCompositeCursor(after, info.field, sort.text) : { ok: false as const, reason: 'it is not a string' };
    if (!decoded.ok) {
      const error = ERRORS.INVALID_CURSOR.err(`after is not a valid cursor: ${decoded.reason}.`, { path, extensions: { argument: 'after' } });
      return { ok: false, error: error.toJSON() };
    }
    ({ positions, exhausted } = decoded.cursor);
  }
  const asked = new Map<string, string | null>();
  const unserved: string[] = [];
  for (const [city, position] of [...positions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!selected(city) || !cities.reaches(city)) continue;
    if (cities.has(city)) asked.set(city, position);
    else unserved.push(city);
  }
  let carriedTotal = 0;
  for (const [city, total] of exhausted) if (selected(city) && cities.reaches(city)) carriedTotal += total;
  return { ok: true, page: { first, sort, asked, positions, exhausted, carriedTotal, unserved, forbidden: outsideReach(only, cities), unknown: notServed(only, cities) } };
}
