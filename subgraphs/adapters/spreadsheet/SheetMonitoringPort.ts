import type { ReadingInterval, ReadingRecord, StationRecord } from '../../kit/model.ts';
import type { ListQuery, ListResult, MonitoringPort, ReadingsWindow, StationFilter } from '../../kit/ports.ts';
import { hasFilter } from './hasFilter.ts';
import { matchesSearch } from './matchesSearch.ts';
import type { CurrentSnapshot } from './SpreadsheetSnapshot.ts';
import { sliceReadingsWindow } from '../../kit/sliceReadingsWindow.ts';

/** Stations (监测站点.csv, 监测因子.csv) and readings (监测数据/*.csv), as last loaded. */
export class SheetMonitoringPort implements MonitoringPort {
  constructor(private readonly current: CurrentSnapshot) {}

  async listStations(query: ListQuery<StationFilter>): Promise<ListResult<StationRecord>> {
    const { kind, riverId, search } = query.filter;
    return this.current().stations.list(query, hasFilter(query.filter)
      ? (s) => (kind === undefined || s.kind === kind) && (riverId === undefined || s.riverId === riverId)
        && matchesSearch(search, s.name, s.code)
      : undefined);
  }

  async stationsByIds(ids: readonly string[]): Promise<ReadonlyArray<StationRecord | null>> {
    return this.current().stations.byIds(ids);
  }

  async stationsByEnterprises(creditCodes: readonly string[]): Promise<ReadonlyArray<readonly StationRecord[]>> {
    const byEnterprise = this.current().stationsByEnterprise;
    return creditCodes.map((code) => byEnterprise.get(code) ?? []);
  }

  /** The sheets hold each station's own series only: another data type has no reading. */
  async latestReadings(stationIds: readonly string[], interval?: ReadingInterval): Promise<ReadonlyArray<ReadingRecord | null>> {
    const readings = this.current().readings;
    return stationIds.map((id) => {
      const latest = readings.get(id)?.at(-1) ?? null;
      return latest !== null && (interval === undefined || latest.interval === interval) ? latest : null;
    });
  }

  /** Both ends inclusive; each series is sorted, so a window is two binary searches and a slice. */
  async readings(windows: readonly ReadingsWindow[]): Promise<ReadonlyArray<readonly ReadingRecord[]>> {
    const readings = this.current().readings;
    return windows.map((w) => {
      const series = readings.get(w.stationId);
      return series === undefined ? [] : sliceReadingsWindow(series, w.from, w.to, w.interval);
    });
  }
}

