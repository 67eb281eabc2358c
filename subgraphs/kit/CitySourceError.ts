/**
 * What an adapter throws when its system fails. Driver errors never leave the adapter: their text
 * (SQL, host names) stays in `cause`, and the kit turns the code into a GraphQL error.
 */
export type CitySourceErrorCode =
  | 'CITY_SOURCE_TIMEOUT'
  | 'CITY_SOURCE_CONNECT'
  | 'CITY_SOURCE_PROTOCOL'
  | 'CITY_SOURCE_FAILED';

export class CitySourceError extends Error {
  override readonly name = 'CitySourceError';
  constructor(
    readonly code: CitySourceErrorCode,
    message: string,
    readonly cityCode: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
