/**
 * Per-request DataLoaders over a bureau's ports: every entity lookup and nested list in one request
 * costs one store call per kind, however many parents ask (the N+1 guard). Made fresh per request
 * so that no data is cached across callers.
 */
import DataLoader from 'dataloader';
import type {
  CaseRecord, JointPatrolRecord, ProjectRecord, ReadingInterval, ReadingRecord, ResourceRecord, StationRecord,
} from './model.ts';
import { jointPatrolsByIds } from './jointPatrolsOf.ts';
import type { BureauSource, ReadingsWindow } from './ports.ts';

export interface CityLoaders {
  readonly projects: DataLoader<string, ProjectRecord | null>;
  readonly stations: DataLoader<string, StationRecord | null>;
  readonly cases: DataLoader<string, CaseRecord | null>;
  readonly patrols: DataLoader<string, JointPatrolRecord | null>;
  readonly resources: DataLoader<string, ResourceRecord | null>;
  readonly casesByEnterprise: DataLoader<string, readonly CaseRecord[]>;
  readonly stationsByEnterprise: DataLoader<string, readonly StationRecord[]>;
  readonly latestReading: DataLoader<string, ReadingRecord | null>;
  /** The newest reading of one data type per station (made on first use per interval). */
  latestReadingOf(interval: ReadingInterval): DataLoader<string, ReadingRecord | null>;
  readonly readings: DataLoader<ReadingsWindow, readonly ReadingRecord[], string>;
}

export function createLoaders(source: BureauSource): CityLoaders {
  const latestOf = new Map<ReadingInterval, DataLoader<string, ReadingRecord | null>>();
  return {
    projects: new DataLoader((ids) => source.projects.byIds(ids)),
    stations: new DataLoader((ids) => source.monitoring.stationsByIds(ids)),
    cases: new DataLoader((ids) => source.cases.casesByIds(ids)),
    patrols: new DataLoader((ids) => jointPatrolsByIds(source, ids)),
    resources: new DataLoader((ids) => source.emergency.resourcesByIds(ids)),
    casesByEnterprise: new DataLoader((codes) => source.cases.casesByEnterprises(codes)),
    stationsByEnterprise: new DataLoader((codes) => source.monitoring.stationsByEnterprises(codes)),
    latestReading: new DataLoader((ids) => source.monitoring.latestReadings(ids)),
    latestReadingOf(interval) {
      let loader = latestOf.get(interval);
      if (loader === undefined) {
        loader = new DataLoader((ids) => source.monitoring.latestReadings(ids, interval));
        latestOf.set(interval, loader);
      }
      return loader;
    },
    readings: new DataLoader((windows) => source.monitoring.readings(windows), {
      cacheKeyFn: (w) => `${w.stationId}|${w.from}|${w.to}|${w.interval ?? ''}`,
    }),
  };
}
