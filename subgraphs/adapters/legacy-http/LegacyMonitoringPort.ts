import { decodeGlobalId } from '../../../schema/globalId.ts';
import type { ReadingInterval, ReadingRecord, StationRecord } from '../../kit/model.ts';
import type { ListQuery, ListResult, MonitoringPort, ReadingsWindow, StationFilter } from '../../kit/ports.ts';
import { chunk, fetchByIds } from './fetchByIds.ts';
import { groupByKey } from './groupByKey.ts';
import { comparePositions } from '../../kit/listOrder.ts';
import { ZDLX } from './legacyCodes.ts';
import type { LegacyContext } from './LegacyContext.ts';
import { LEGACY_MAX_PAGE_SIZE } from './LegacyListRequest.ts';
import { formatLegacyTime } from './legacyTime.ts';
import { listLegacy, type LegacyListSpec } from './listLegacy.ts';
import { mapConcurrent } from './mapConcurrent.ts';
import { readingRowSchema, toReadingRecord } from './readingRow.ts';
import { rowParser, type RowParser } from './rowParser.ts';
import { scanByKeys } from './scanByKeys.ts';
import { scanLegacyList } from './scanLegacyList.ts';
import { stationRowSchema, toStationRecord } from './stationRow.ts';

const STATION_LIST: LegacyListSpec = { orders: { code: { column: 'mn' } }, scanned: ['id'] };

/** Stations (`zd`) and their readings (`jcsj`) from the legacy system. */
export class LegacyMonitoringPort implements MonitoringPort {
  private readonly parseStations: RowParser<StationRecord>;
  private readonly parseReadings: RowParser<ReadingRecord>;

  constructor(private readonly ctx: LegacyContext) {
    this.parseStations = rowParser(stationRowSchema, toStationRecord, ctx.cityCode);
    this.parseReadings = rowParser(readingRowSchema, toReadingRecord, ctx.cityCode);
  }

  listStations(query: ListQuery<StationFilter>): Promise<ListResult<StationRecord>> {
    const { kind, riverId, search } = query.filter;
    const params = { zdlx: kind === undefined ? undefined : ZDLX.codeOf(kind), hlbm: riverId, keyword: search };
    return listLegacy(this.ctx, STATION_LIST, { path: '/api/v1/zd/list', params, operation: 'stations list', parse: this.parseStations }, query);
  }

  stationsByIds(ids: readonly string[]): Promise<ReadonlyArray<StationRecord | null>> {
    return fetchByIds(this.ctx, { path: '/api/v1/zd/batch', type: 'Station', operation: 'stations by id', parse: this.parseStations }, ids);
  }

  /** Pollution-source stations per enterprise, by code then id. */
  async stationsByEnterprises(creditCodes: readonly string[]): Promise<ReadonlyArray<readonly StationRecord[]>> {
    const stations = await scanByKeys(this.ctx, creditCodes, {
      path: '/api/v1/zd/list',
      params: (tyshxydm) => ({ zdlx: ZDLX.codeOf('POLLUTION_SOURCE'), tyshxydm }),
      operation: 'stations by enterprise',
      parse: this.parseStations,
    });
    stations.sort((a, b) => comparePositions({ value: a.code, id: a.id }, { value: b.code, id: b.id }, 'ASC'));
    return groupByKey(creditCodes, stations, (s) => s.enterpriseCreditCode);
  }

  /** The legacy system serves each station's own series only: another data type has no reading. */
  async latestReadings(stationIds: readonly string[], interval?: ReadingInterval): Promise<ReadonlyArray<ReadingRecord | null>> {
    this.ctx.client.assertOpen('latest readings');
    const local = [...new Set(stationIds.flatMap((id) => this.localStationId(id) ?? []))];
    const found = await mapConcurrent(chunk(local, LEGACY_MAX_PAGE_SIZE), this.ctx.concurrency, async (zdids) => {
      const page = await this.ctx.client.getPage('/api/v1/jcsj/latest', { zdids: zdids.join(',') }, 'latest readings');
      return this.parseReadings(page.rows, 'latest readings');
    });
    const byStation = new Map<string, ReadingRecord>();
    for (const reading of found.flat()) if (interval === undefined || reading.interval === interval) byStation.set(reading.stationId, reading);
    return stationIds.map((id) => byStation.get(id) ?? null);
  }

  /**
   * One range query per distinct window, paged through. The legacy times have whole seconds, so the
   * window is narrowed to whole seconds inside it; rows outside the window or of another station are
   * dropped rather than trusted, and each series is sorted oldest first.
   */
  async readings(windows: readonly ReadingsWindow[]): Promise<ReadonlyArray<readonly ReadingRecord[]>> {
    this.ctx.client.assertOpen('readings');
    const distinct = new Map<string, ReadingsWindow>();
    for (const w of windows) distinct.set(windowKey(w), w);
    const series = await mapConcurrent([...distinct.values()], this.ctx.concurrency, async (w) => {
      const zdid = this.localStationId(w.stationId);
      const from = Math.ceil(w.from / 1000) * 1000;
      const to = Math.floor(w.to / 1000) * 1000;
      if (zdid === null || from > to) return [];
      const rows = await scanLegacyList(this.ctx, {
        path: '/api/v1/jcsj/list',
        params: { zdid, kssj: formatLegacyTime(from), jssj: formatLegacyTime(to) },
        operation: 'readings',
        parse: this.parseReadings,
      });
      return rows.filter((r) => r.stationId === w.stationId && r.time >= w.from && r.time <= w.to && (w.interval === undefined || r.interval === w.interval))
        .sort((a, b) => a.time - b.time);
    });
    const byWindow = new Map([...distinct.keys()].map((key, i) => [key, series[i] ?? []]));
    return windows.map((w) => byWindow.get(windowKey(w)) ?? []);
  }

  private localStationId(id: string): string | null {
    const parts = decodeGlobalId(id);
    return parts !== null && parts.type === 'Station' && parts.cityCode === this.ctx.cityCode ? parts.localId : null;
  }
}

function windowKey(w: ReadingsWindow): string {
  return `${w.stationId}\u0000${w.from}\u0000${w.to}\u0000${w.interval ?? ''}`;
}
