/**
 * Splits `_entities(representations:)` by bureau (Apollo Federation subgraph spec, "Resolve
 * entities"). A type whose every resolvable `@key` includes `cityCode` belongs to one bureau: its
 * representation goes to `representation.cityCode`. Any other type (an `Enterprise`, keyed by its
 * credit code) is broadcast to every served bureau and the answers are merged. Identical
 * representations (same JSON, which includes `__typename`) are sent once: the gateway sends
 * duplicate keys, and it builds every representation of a type with the same key order, so plain
 * JSON is the identity. Keys are read from the contract, never from a list of type names.
 * Jurisdiction: a representation of a bureau outside the caller's reach is not sent (FORBIDDEN), and
 * a broadcast goes to the reachable bureaus only.
 */
import { getOwn } from './getOwn.ts';
import type { CitySet } from './CitySet.ts';
import type { ContractIndex } from './indexContract.ts';

export type EntityRoute =
  | { readonly kind: 'city'; readonly city: string }
  | { readonly kind: 'broadcast' }
  | { readonly kind: 'unknown-city'; readonly city: string | null }
  | { readonly kind: 'forbidden'; readonly city: string };

export interface UniqueRepresentation {
  readonly representation: unknown;
  readonly route: EntityRoute;
  /** Indexes in the original `representations` list that carry this representation. */
  readonly slots: number[];
}

export interface EntitiesPlan {
  readonly uniques: readonly UniqueRepresentation[];
  /** For each original index, its unique representation. */
  readonly slots: readonly number[];
  /** Per bureau, the unique representations it is sent, in order (its `_entities` answers in that order). */
  readonly sent: ReadonlyMap<string, readonly number[]>;
}

export function planEntities(representations: unknown, index: ContractIndex, cities: CitySet): EntitiesPlan {
  const list = Array.isArray(representations) ? representations : [];
  const uniques: UniqueRepresentation[] = [];
  const byJson = new Map<string, number>();
  const slots = list.map((representation, slot) => {
    const json = JSON.stringify(representation);
    let unique = byJson.get(json);
    if (unique === undefined) {
      unique = uniques.push({ representation, route: routeOf(representation, index, cities), slots: [] }) - 1;
      byJson.set(json, unique);
    }
    uniques[unique]?.slots.push(slot);
    return unique;
  });
  const sent = new Map<string, number[]>();
  const send = (city: string, unique: number) => {
    const forCity = sent.get(city);
    if (forCity) forCity.push(unique);
    else sent.set(city, [unique]);
  };
  uniques.forEach(({ route }, unique) => {
    if (route.kind === 'city') send(route.city, unique);
    else if (route.kind === 'broadcast') for (const city of cities.codes) send(city, unique);
  });
  // Ascending city order, like every other merge.
  return { uniques, slots, sent: new Map([...sent].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}

function routeOf(representation: unknown, index: ContractIndex, cities: CitySet): EntityRoute {
  const typename = getOwn(representation, '__typename');
  const keys = typeof typename === 'string' ? index.types.get(typename)?.keys : undefined;
  if (!keys || keys.length === 0 || !keys.every((key) => key.includes('cityCode'))) return { kind: 'broadcast' };
  const city = getOwn(representation, 'cityCode');
  if (typeof city !== 'string' && typeof city !== 'number') return { kind: 'unknown-city', city: null };
  const code = String(city);
  if (!cities.reaches(code)) return { kind: 'forbidden', city: code };
  return cities.has(code) ? { kind: 'city', city: code } : { kind: 'unknown-city', city: code };
}
