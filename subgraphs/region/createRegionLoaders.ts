import DataLoader from 'dataloader';
import type { CityRecord, EnterpriseRecord, RiverRecord, SectionRecord } from '../kit/model.ts';
import type { RegionSource } from './ports.ts';

/** Per-request loaders of the region subgraph: one store call per kind per request. */
export interface RegionLoaders {
  readonly cities: DataLoader<string, CityRecord | null>;
  readonly rivers: DataLoader<string, RiverRecord | null>;
  readonly sections: DataLoader<string, SectionRecord | null>;
  readonly sectionsByRiver: DataLoader<string, readonly SectionRecord[]>;
  readonly enterprises: DataLoader<string, EnterpriseRecord | null>;
}

export function createRegionLoaders(source: RegionSource): RegionLoaders {
  return {
    cities: new DataLoader((codes) => source.citiesByCodes(codes)),
    rivers: new DataLoader((ids) => source.riversByIds(ids)),
    sections: new DataLoader((ids) => source.sectionsByIds(ids)),
    sectionsByRiver: new DataLoader((ids) => source.sectionsByRivers(ids)),
    enterprises: new DataLoader((codes) => source.enterprisesByCreditCodes(codes)),
  };
}

export interface RegionContext {
  readonly source: RegionSource;
  readonly loaders: RegionLoaders;
}
