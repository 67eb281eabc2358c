import DataLoader from 'dataloader';
import type { GraphQLError } from 'graphql';
import { ERRORS } from '../../schema/errors.ts';
import type { CityRecord, EnterpriseRecord, RiverRecord, SectionRecord } from '../kit/model.ts';
import type { CityData, StationMeans, StationMeansRequest } from './CityData.ts';
import { CityDataError } from './CityDataError.ts';
import type { RegionSource } from '../kit/regionPorts.ts';

/** Per-request loaders of the region subgraph: one store call per kind per request. */
export interface RegionLoaders {
  readonly cities: DataLoader<string, CityRecord | null>;
  readonly rivers: DataLoader<string, RiverRecord | null>;
  readonly sections: DataLoader<string, SectionRecord | null>;
  readonly sectionsByRiver: DataLoader<string, readonly SectionRecord[]>;
  readonly enterprises: DataLoader<string, EnterpriseRecord | null>;
  /** Stations' period means from the bureaus: one gateway call per request, however many sections ask. */
  readonly stationMeans: DataLoader<StationMeansRequest, StationMeans, string>;
}

/** `gatewayToken`: the request's verified gateway token, forwarded on the region's calls to the gateway (null in process). */
export function createRegionLoaders(source: RegionSource, cityData: CityData, gatewayToken: string | null = null): RegionLoaders {
  return {
    cities: new DataLoader((codes) => source.citiesByCodes(codes)),
    rivers: new DataLoader((ids) => source.riversByIds(ids)),
    sections: new DataLoader((ids) => source.sectionsByIds(ids)),
    sectionsByRiver: new DataLoader((ids) => source.sectionsByRivers(ids)),
    enterprises: new DataLoader((codes) => source.enterprisesByCreditCodes(codes)),
    stationMeans: new DataLoader<StationMeansRequest, StationMeans, string>(
      async (requests) => (await cityData.stationMeans(requests, gatewayToken)).map((a) => (a instanceof CityDataError ? cityDataError(a) : a)),
      { cacheKeyFn: (r) => `${r.cityCode}|${r.stationId}|${r.from}|${r.to}` },
    ),
  };
}

function cityDataError(error: CityDataError): GraphQLError {
  // The caller's own limit, as the gateway states it for the bureau itself: not an outage to retry.
  // The bureau is `cityCode`, as for CITY_DATA_UNAVAILABLE: `city` names the subgraph that answered (region).
  if (error.reason === 'FORBIDDEN') {
    return ERRORS.FORBIDDEN.err(error.message, {
      extensions: { reason: error.upstreamReason ?? 'out-of-jurisdiction', ...(error.city && { cityCode: error.city }) },
    });
  }
  return ERRORS.CITY_DATA_UNAVAILABLE.err(error.message, {
    extensions: { reason: error.reason, ...(error.city && { cityCode: error.city }), ...(error.upstreamCode && { upstreamCode: error.upstreamCode }) },
  });
}

export interface RegionContext {
  readonly source: RegionSource;
  readonly loaders: RegionLoaders;
}
