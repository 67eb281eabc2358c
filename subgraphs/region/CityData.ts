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
  /** One answer per request, in order; a failure is that request's CityDataError, never a rejection. */
  stationMeans(requests: readonly StationMeansRequest[]): Promise<ReadonlyArray<StationMeans | CityDataError>>;
}
