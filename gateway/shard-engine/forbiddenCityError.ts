import type { GraphQLFormattedError } from 'graphql';
import { ERRORS } from '../../schema/errors.ts';

/**
 * A bureau the caller asked for by name (a routed argument, a global id, an entity key, an explicit
 * `cityCodes` entry) lies outside its jurisdiction: `{ code: FORBIDDEN, city, reason }` at the path of
 * what that bureau would have filled. The bureau was not contacted. `city` comes from the request,
 * so it is cut to the length of a code.
 */
export function forbiddenCityError(city: string, path: ReadonlyArray<string | number>): GraphQLFormattedError {
  const code = city.slice(0, 32);
  return ERRORS.FORBIDDEN.err(`City ${JSON.stringify(code)} is outside your jurisdiction; it was not asked.`, {
    path, extensions: { city: code, reason: 'out-of-jurisdiction' },
  }).toJSON();
}
