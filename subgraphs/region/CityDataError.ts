/**
 * Why the region could not get a bureau's data through the gateway; becomes CITY_DATA_UNAVAILABLE,
 * except FORBIDDEN (the gateway refused the caller that bureau), which stays FORBIDDEN.
 */
export type CityDataFailure = 'GATEWAY_UNREACHABLE' | 'GATEWAY_TIMEOUT' | 'GATEWAY_FAILED' | 'CITY_FAILED' | 'STATION_NOT_FOUND' | 'FORBIDDEN';

export class CityDataError extends Error {
  override readonly name = 'CityDataError';
  constructor(
    readonly reason: CityDataFailure,
    message: string,
    /** The bureau concerned, when the failure is one bureau's. */
    readonly city: string | null = null,
    /** The gateway's own error code for it (e.g. CITY_UNAVAILABLE), when it sent one. */
    readonly upstreamCode: string | null = null,
    /** The gateway's `extensions.reason` for it (e.g. out-of-jurisdiction), when it sent one. */
    readonly upstreamReason: string | null = null,
  ) {
    super(message);
  }
}
