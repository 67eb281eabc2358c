import type { GraphQLFormattedError } from 'graphql';
import { ERRORS } from '../../schema/errors.ts';

/**
 * A bureau's part is missing (README.md, "How the gateway joins the bureaus"): `{ code:
 * CITY_UNAVAILABLE, city }` at the path of what it should have filled. The I/O layer's message is
 * not repeated (it may name hosts); `reason` says which failure it was ('not-served' when a paging
 * walk names a bureau no longer served).
 */
export function cityUnavailableError(city: string, reason: string, path: ReadonlyArray<string | number>): GraphQLFormattedError {
  return ERRORS.CITY_UNAVAILABLE.err(`City ${city} is unavailable (${reason}); its part of this result is missing.`, {
    path, extensions: { city, reason },
  }).toJSON();
}
