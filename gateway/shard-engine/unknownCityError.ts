import type { GraphQLFormattedError } from 'graphql';
import { ERRORS } from '../../schema/errors.ts';

/**
 * A `cityCodes` entry names no served bureau: `{ code: UNKNOWN_CITY, city }` at the list's path,
 * while the list keeps what the other bureaus served. `city` comes from the request, so it is cut
 * to the length of a code.
 */
export function unknownCityError(city: string, path: ReadonlyArray<string | number>): GraphQLFormattedError {
  const code = city.slice(0, 32);
  return ERRORS.UNKNOWN_CITY.err(`cityCodes names ${JSON.stringify(code)}, which no served bureau has; it selected nothing.`, {
    path, extensions: { city: code },
  }).toJSON();
}
