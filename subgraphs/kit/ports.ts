/**
 * The ports a bureau's adapter implements, one per domain. Resolvers live once, in the kit; an
 * adapter only answers these questions from its own system (SQL store, spreadsheet folder, legacy
 * web service, HJ 212 platform).
 *
 * List contract: `list(query)` returns up to `query.limit` records strictly after `query.after` in
 * the order `query.sort` (then `id` ascending as the tie-breaker: byte order of the ASCII id, the same
 * order the gateway merges with), and `totalCount`, the size of the filtered set ignoring `after`.
 * Batch contract (for DataLoader): one result per input key, in the input order.
 */
import type {
  CaseRecord, CaseStatus, CityCode, EpochMs, GeoPoint, JointPatrolRecord, ProjectRecord, ProjectStatus,
  ReadingInterval, ReadingRecord, ResourceCategory, ResourceRecord, StationKind, StationRecord,
} from './model.ts';

export type { SortDirection, SortSpec } from '../../schema/shardingPolicies.ts';
import type { SortSpec } from '../../schema/shardingPolicies.ts';
import type { CooperationStore } from './cooperation/CooperationStore.ts';
import type { EventLog } from './events/EventLog.ts';

/** Where a page starts: the sort value and id of the last record already seen. */
export interface SortPosition {
  readonly value: string | number;
  readonly id: string;
}

export interface ListQuery<TFilter> {
  readonly filter: TFilter;
  readonly sort: SortSpec;
  readonly after: SortPosition | null;
  readonly limit: number;
}

export interface ListResult<T> {
  readonly items: readonly T[];
  readonly totalCount: number;
}

export interface ProjectFilter {
  readonly status?: ProjectStatus;
  readonly riverId?: string;
  readonly search?: string;
}

export interface StationFilter {
  readonly kind?: StationKind;
  readonly riverId?: string;
  readonly search?: string;
}

export interface CaseFilter {
  readonly status?: CaseStatus;
  readonly jointOnly?: boolean;
  readonly search?: string;
}

export interface PatrolFilter {
  readonly riverId?: string;
  readonly search?: string;
}

export interface ResourceFilter {
  readonly category?: ResourceCategory;
  /** When set, only resources within `radiusKm` are listed and each carries `distanceKm`. */
  readonly near?: { readonly point: GeoPoint; readonly radiusKm: number };
  readonly search?: string;
}

/** A readings window for one station; both ends inclusive. */
export interface ReadingsWindow {
  readonly stationId: string;
  readonly from: EpochMs;
  readonly to: EpochMs;
  /**
   * One data type (HJ 212 2011/2051/2061/2031…) instead of the station's own series: only readings of
   * that interval, from every store of the source that has it. A type the source never has is an
   * empty list, not an error.
   */
  readonly interval?: ReadingInterval;
}

export interface ProjectsPort {
  list(query: ListQuery<ProjectFilter>): Promise<ListResult<ProjectRecord>>;
  byIds(ids: readonly string[]): Promise<ReadonlyArray<ProjectRecord | null>>;
}

export interface MonitoringPort {
  listStations(query: ListQuery<StationFilter>): Promise<ListResult<StationRecord>>;
  stationsByIds(ids: readonly string[]): Promise<ReadonlyArray<StationRecord | null>>;
  /** Pollution-source stations per enterprise credit code. */
  stationsByEnterprises(creditCodes: readonly string[]): Promise<ReadonlyArray<readonly StationRecord[]>>;
  /**
   * The newest reading per station (null when a station has none): of the station's own series, or
   * of the data type `interval` when given (null when the source has none of it).
   */
  latestReadings(stationIds: readonly string[], interval?: ReadingInterval): Promise<ReadonlyArray<ReadingRecord | null>>;
  /** Readings per window, oldest first. */
  readings(windows: readonly ReadingsWindow[]): Promise<ReadonlyArray<readonly ReadingRecord[]>>;
}

export interface CasesPort {
  listCases(query: ListQuery<CaseFilter>): Promise<ListResult<CaseRecord>>;
  casesByIds(ids: readonly string[]): Promise<ReadonlyArray<CaseRecord | null>>;
  /** Cases per enterprise credit code, newest first. */
  casesByEnterprises(creditCodes: readonly string[]): Promise<ReadonlyArray<readonly CaseRecord[]>>;
  listPatrols(query: ListQuery<PatrolFilter>): Promise<ListResult<JointPatrolRecord>>;
  patrolsByIds(ids: readonly string[]): Promise<ReadonlyArray<JointPatrolRecord | null>>;
}

export interface EmergencyPort {
  listResources(query: ListQuery<ResourceFilter>): Promise<ListResult<ResourceRecord>>;
  resourcesByIds(ids: readonly string[]): Promise<ReadonlyArray<ResourceRecord | null>>;
}

/** Everything one bureau's adapter provides. */
export interface BureauSource {
  readonly cityCode: CityCode;
  readonly projects: ProjectsPort;
  readonly monitoring: MonitoringPort;
  readonly cases: CasesPort;
  readonly emergency: EmergencyPort;
  /**
   * Incidents, notices and their delivery (subgraphs/kit/cooperation/CooperationStore.ts): in the
   * bureau's own SQL store; when its system takes no writes, an embedded SQLite file beside its data
   * or the PostgreSQL server its config names (bureau.json `cooperation`). @default none (the cooperation fields then answer CITY_SOURCE_UNAVAILABLE)
   */
  readonly cooperation?: CooperationStore;
  /**
   * The bureau's durable event log (readings, alarms, cooperation records), served to the gateway at
   * POST /events/pull (kit/events/eventRoutes.ts). @default none (no event stream)
   */
  readonly events?: EventLog;
  /** Resolves when the underlying system answers; rejects with a CitySourceError otherwise. */
  health(): Promise<void>;
  close(): Promise<void>;
}
