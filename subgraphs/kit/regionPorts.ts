/**
 * What the region subgraph asks of its store: the shared reference data of the circle. Batch
 * methods return one result per input key, in input order (DataLoader's contract).
 */
import type { CityRecord, EnterpriseRecord, RiverRecord, SectionRecord } from './model.ts';
import type { ListQuery, ListResult } from './ports.ts';

export interface SectionFilter {
  readonly riverId?: string;
  readonly crossBorderOnly?: boolean;
}

export interface EnterpriseFilter {
  readonly cityCode?: string;
  readonly search?: string;
  readonly positiveListOnly?: boolean;
}

export interface RegionSource {
  cities(): Promise<readonly CityRecord[]>;
  citiesByCodes(codes: readonly string[]): Promise<ReadonlyArray<CityRecord | null>>;
  rivers(): Promise<readonly RiverRecord[]>;
  riversByIds(ids: readonly string[]): Promise<ReadonlyArray<RiverRecord | null>>;
  sections(filter: SectionFilter): Promise<readonly SectionRecord[]>;
  sectionsByIds(ids: readonly string[]): Promise<ReadonlyArray<SectionRecord | null>>;
  sectionsByRivers(riverIds: readonly string[]): Promise<ReadonlyArray<readonly SectionRecord[]>>;
  enterprisesByCreditCodes(codes: readonly string[]): Promise<ReadonlyArray<EnterpriseRecord | null>>;
  /** Sorted by credit code ascending (the sort the kit passes). */
  listEnterprises(query: ListQuery<EnterpriseFilter>): Promise<ListResult<EnterpriseRecord>>;
  health(): Promise<void>;
  close(): Promise<void>;
}
