import { CitySourceError } from '../../kit/CitySourceError.ts';

/**
 * What a server store's opener throws when the server cannot be reached or refuses the login: no URL,
 * host or driver text in the message (the URL may hold a password); the driver error is the `cause`.
 */
export function connectError(cityCode: string, cause: unknown): CitySourceError {
  return new CitySourceError('CITY_SOURCE_CONNECT', 'The data store could not be reached.', cityCode, { cause });
}
