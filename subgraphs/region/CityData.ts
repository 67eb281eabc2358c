/**
 * What the region asks of the bureaus (through the gateway): the period means of a station's
 * readings. The region keeps no copy of city data; it owns the targets and the assessment policy
 * (standard, water body, indicators), the bureaus own the measurements and their aggregation.
 */
import type { CityDataError } from './CityDataError.ts';

export interface StationMeansRequest {
  readonly cityCode: string;
  readonly stationId: string;
  /** Inclusive, epoch ms. */
  readonly from: number;
  /** Exclusive, epoch ms. */
  readonly to: number;
}

export interface StationMean {
  readonly code: string;
  readonly name: string;
  readonly unit: string;
  readonly value: number;
  readonly count: number;
}

/** A station's means; null when the window holds no valid value of a GB 3838 indicator. */
export type StationMeans = readonly StationMean[] | null;

export interface CityData {
  /**
   * One answer per request, in order; a failure is that request's CityDataError, never a rejection.
   * `gatewayToken` is the verified gateway token of the region request being served (null in
   * process, without one): the gateway serves the call as that request's caller, so the caller's
   * jurisdiction and field access hold for the bureau data the region computes from.
   */
  stationMeans(requests: readonly StationMeansRequest[], gatewayToken: string | null): Promise<ReadonlyArray<StationMeans | CityDataError>>;
}
