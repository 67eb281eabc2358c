import { sql } from 'kysely';
import type { ReadingInterval, ReadingRecord, StationRecord } from '../../kit/model.ts';
import type { ListQuery, ListResult, MonitoringPort, ReadingsWindow, StationFilter } from '../../kit/ports.ts';
import { alignMany, alignOne } from './alignByKey.ts';
import { fetchByKeys } from './fetchByKeys.ts';
import { guarded } from './guarded.ts';
import { keysetPage } from './keysetPage.ts';
import { rowToReading, rowToStation } from './monitoringRows.ts';
import { readingsInWindows } from './readingsInWindows.ts';
import type { BureauDatabase } from './schema.ts';
import { columnSortKeys, sortKeyFor } from './sortKeyFor.ts';
import type { StoreContext } from './StoreContext.ts';
import type { TypedSeriesReader } from './TypedSeriesReader.ts';

const SORT_KEYS = columnSortKeys({ code: 'code', id: 'id' });

/**
 * Stations and their readings from the bureau's SQL store; typed reads (an `interval`) also ask the
 * store's other series, when it has one (the HJ 212 ingest's packets).
 */
export class SqlMonitoringPort implements MonitoringPort {
  constructor(private readonly store: StoreContext<BureauDatabase>, private readonly typed?: TypedSeriesReader) {}

  async listStations(query: ListQuery<StationFilter>): Promise<ListResult<StationRecord>> {
    const key = sortKeyFor(SORT_KEYS, query.sort, 'stations');
    const { kind, riverId, search } = query.filter;
    return guarded(this.store.cityCode, 'stations list', () => {
      let filtered = this.store.db.selectFrom('stations');
      if (kind !== undefined) filtered = filtered.where('kind', '=', kind);
      if (riverId !== undefined) filtered = filtered.where('river_id', '=', riverId);
      if (search !== undefined) filtered = filtered.where(this.store.flavour.matchesAny(['name', 'code'], search));
      return keysetPage(filtered, (qb) => qb.selectAll(), { key, direction: query.sort.direction, id: sql.ref('id') },
        query, rowToStation);
    });
  }

  stationsByIds(ids: readonly string[]): Promise<ReadonlyArray<StationRecord | null>> {
    return guarded(this.store.cityCode, 'stations by id', async () => {
      const rows = await fetchByKeys(ids, (chunk) =>
        this.store.db.selectFrom('stations').selectAll().where('id', 'in', chunk).execute());
      return alignOne(ids, rows.map(rowToStation), (s) => s.id);
    });
  }

  stationsByEnterprises(creditCodes: readonly string[]): Promise<ReadonlyArray<readonly StationRecord[]>> {
    return guarded(this.store.cityCode, 'stations by enterprise', async () => {
      const rows = await fetchByKeys(creditCodes, (chunk) =>
        this.store.db.selectFrom('stations').selectAll()
          .where('kind', '=', 'POLLUTION_SOURCE')
          .where('enterprise_credit_code', 'in', chunk)
          .orderBy('code').orderBy('id')
          .execute());
      return alignMany(creditCodes, rows.map(rowToStation), (s) => s.enterpriseCreditCode);
    });
  }

  /**
   * Driven by the stations, so each station costs one seek for its newest time and one for the row
   * (grouping the readings instead would read every reading of every station). The newest time is
   * `ORDER BY time DESC LIMIT 1` rather than `max(time)`: the same seek on SQLite and Postgres, but
   * MariaDB runs a correlated max() as a scan of the station's whole index range (30 ms instead of
   * 1 ms for 20 stations of 90 days).
   */
  latestReadings(stationIds: readonly string[], interval?: ReadingInterval): Promise<ReadonlyArray<ReadingRecord | null>> {
    return guarded(this.store.cityCode, 'latest readings', async () => {
      const rows = await fetchByKeys(stationIds, (chunk) => {
        let query = this.store.db.selectFrom('stations as s')
          .innerJoin('readings as r', 'r.station_id', 's.id')
          .selectAll('r')
          .where('s.id', 'in', chunk)
          .where('r.time', '=', (eb) => {
            let newest = eb.selectFrom('readings as m').select('m.time').whereRef('m.station_id', '=', 's.id');
            if (interval !== undefined) newest = newest.where('m.reading_interval', '=', interval);
            return newest.orderBy('m.time', 'desc').limit(1);
          });
        if (interval !== undefined) query = query.where('r.reading_interval', '=', interval);
        return query.execute();
      });
      const series = alignOne(stationIds, rows.map(rowToReading), (r) => r.stationId);
      if (interval === undefined || this.typed === undefined) return series;
      const other = await this.typed.latest(stationIds, interval);
      return series.map((r, i) => {
        const o = other[i] ?? null;
        return r === null || (o !== null && o.time > r.time) ? o : r;
      });
    });
  }

  readings(windows: readonly ReadingsWindow[]): Promise<ReadonlyArray<readonly ReadingRecord[]>> {
    return guarded(this.store.cityCode, 'readings', async () => {
      const series = await readingsInWindows(this.store.db, windows);
      const typedWindows = windows.filter((w): w is ReadingsWindow & { interval: ReadingInterval } => w.interval !== undefined);
      if (this.typed === undefined || typedWindows.length === 0) return series;
      const other = await this.typed.readings(typedWindows);
      let next = 0;
      return windows.map((w, i) => (w.interval === undefined ? series[i] ?? [] : mergeByTime(series[i] ?? [], other[next++] ?? [])));
    });
  }
}

/** Two time-sorted lists as one; where both have a time, the first list's reading is kept. */
function mergeByTime(first: readonly ReadingRecord[], second: readonly ReadingRecord[]): ReadingRecord[] {
  if (second.length === 0) return [...first];
  const times = new Set(first.map((r) => r.time));
  return [...first, ...second.filter((r) => !times.has(r.time))].sort((a, b) => a.time - b.time);
}
