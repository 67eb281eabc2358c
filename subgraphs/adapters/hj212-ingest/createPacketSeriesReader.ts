import type { Kysely } from 'kysely';
import type { ReadingInterval, ReadingRecord } from '../../kit/model.ts';
import type { ReadingsWindow } from '../../kit/ports.ts';
import { sliceReadingsWindow } from '../../kit/sliceReadingsWindow.ts';
import { alignOne } from '../sql/alignByKey.ts';
import { fetchByKeys } from '../sql/fetchByKeys.ts';
import { rowToReading } from '../sql/monitoringRows.ts';
import type { BureauDatabase } from '../sql/schema.ts';
import type { TypedSeriesReader } from '../sql/TypedSeriesReader.ts';
import type { Hj212PacketsTable } from './Hj212IngestDatabase.ts';
import { dataCnOf } from './intervalOfDataCn.ts';

/** Windows per statement, as readingsInWindows: an OR of index ranges on (station_id, cn, time). */
const WINDOWS_PER_STATEMENT = 200;

type TypedWindow = ReadingsWindow & { readonly interval: ReadingInterval };

/**
 * Every data type the HJ 212 ingest stored (hj212_packets, one row per MN, CN and DataTime) as typed
 * readings: real-time 2011, minute 2051, hourly 2061, daily 2031 — the series the readings table
 * cannot hold beside a station's own (writeIngestBatch). Reads go through the
 * (station_id, cn, time) index. A store without the ingest's table is not given this reader.
 */
export function createPacketSeriesReader(store: Kysely<BureauDatabase>): TypedSeriesReader {
  const db = store.withTables<{ hj212_packets: Hj212PacketsTable }>();

  async function readings(windows: readonly TypedWindow[]): Promise<ReadingRecord[][]> {
    const queried = [...new Map(windows.flatMap((w) => {
      const cn = dataCnOf(w.interval);
      return cn === null || w.from > w.to ? [] : [[`${w.stationId}\u0000${cn}\u0000${w.from}\u0000${w.to}`, { ...w, cn }] as const];
    })).values()];
    const bySeries = new Map<string, ReadingRecord[]>();
    for (let start = 0; start < queried.length; start += WINDOWS_PER_STATEMENT) {
      const chunk = queried.slice(start, start + WINDOWS_PER_STATEMENT);
      const rows = await db.selectFrom('hj212_packets')
        .select(['station_id', 'time', 'reading_interval', 'values_json'])
        .where((eb) => eb.or(chunk.map((w) => eb.and([
          eb('station_id', '=', w.stationId), eb('cn', '=', w.cn), eb('time', '>=', w.from), eb('time', '<=', w.to),
        ]))))
        .orderBy('station_id').orderBy('cn').orderBy('time')
        .execute();
      for (const row of rows) {
        const reading = rowToReading(row);
        const key = `${reading.stationId}\u0000${reading.interval}`;
        const series = bySeries.get(key);
        if (series === undefined) bySeries.set(key, [reading]);
        else if ((series.at(-1) as ReadingRecord).time !== reading.time) series.push(reading);
      }
    }
    // Chunks may overlap in series: keep each sorted and free of duplicates.
    if (queried.length > WINDOWS_PER_STATEMENT) {
      for (const [key, series] of bySeries) {
        series.sort((a, b) => a.time - b.time);
        bySeries.set(key, series.filter((r, i) => i === 0 || (series[i - 1] as ReadingRecord).time !== r.time));
      }
    }
    return windows.map((w) => {
      const series = bySeries.get(`${w.stationId}\u0000${w.interval}`);
      return series === undefined ? [] : sliceReadingsWindow(series, w.from, w.to);
    });
  }

  async function latest(stationIds: readonly string[], interval: ReadingInterval): Promise<Array<ReadingRecord | null>> {
    const cn = dataCnOf(interval);
    if (cn === null) return stationIds.map(() => null);
    const rows = await fetchByKeys(stationIds, (chunk) =>
      db.selectFrom('hj212_packets as p')
        .select(['p.station_id', 'p.time', 'p.reading_interval', 'p.values_json'])
        .where('p.station_id', 'in', chunk)
        .where('p.cn', '=', cn)
        .where('p.time', '=', (eb) => eb.selectFrom('hj212_packets as m').select('m.time')
          .whereRef('m.station_id', '=', 'p.station_id').where('m.cn', '=', cn)
          .orderBy('m.time', 'desc').limit(1))
        .execute());
    return alignOne(stationIds, rows.map(rowToReading), (r) => r.stationId);
  }

  return { readings, latest };
}
