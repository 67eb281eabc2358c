/**
 * The one bureau a routed root field goes to (`@cityRoute`): the argument is a GB/T 2260 code
 * (`CITY_CODE`) or a global id that carries its bureau (`GLOBAL_ID`, schema/globalId.ts). A code no
 * bureau serves, or an id that is not one of ours, goes nowhere: the field is null with an error.
 * A bureau outside the caller's jurisdiction is FORBIDDEN whether it is served or not (checked
 * first, so the answer does not depend on which bureaus are up).
 */
import type { GraphQLFormattedError } from 'graphql';
import { ERRORS } from '../../schema/errors.ts';
import { decodeGlobalId } from '../../schema/globalId.ts';
import type { ShardingPolicy } from '../../schema/shardingPolicies.ts';
import { argumentValue } from './argumentValue.ts';
import type { CitySet } from './CitySet.ts';
import type { CollectedField } from './collectFields.ts';
import { forbiddenCityError } from './forbiddenCityError.ts';

export type RoutePlan =
  | { readonly ok: true; readonly city: string }
  | { readonly ok: false; readonly error: GraphQLFormattedError };

export function planRoute(
  policy: Extract<ShardingPolicy, { kind: 'route' }>,
  field: CollectedField,
  variables: Readonly<Record<string, unknown>>,
  cities: CitySet,
): RoutePlan {
  const node = field.nodes[0];
  const value = node ? argumentValue(node, policy.argument, variables) : undefined;
  const path = [field.key];
  const extensions = { argument: policy.argument };
  let city: string | null = null;
  if (policy.decode === 'GLOBAL_ID') {
    const parts = typeof value === 'string' ? decodeGlobalId(value) : null;
    if (!parts) {
      return { ok: false, error: ERRORS.INVALID_ID.err(`${policy.argument} is not a global id of this graph.`, { path, extensions }).toJSON() };
    }
    city = parts.cityCode;
  } else if (typeof value === 'string' || typeof value === 'number') {
    city = String(value);
  }
  if (city !== null && !cities.reaches(city)) return { ok: false, error: forbiddenCityError(city, path) };
  if (city === null || !cities.has(city)) {
    const named = city === null ? 'no city' : `city ${JSON.stringify(city.slice(0, 32))}`;
    return { ok: false, error: ERRORS.UNKNOWN_CITY.err(`${policy.argument} names ${named}, which no served bureau has.`, { path, extensions: { ...extensions, city: city?.slice(0, 32) ?? null } }).toJSON() };
  }
  return { ok: true, city };
}
