import type { Kysely } from 'kysely';
import type { ReadingRecord } from '../../kit/model.ts';
import type { ReadingsWindow } from '../../kit/ports.ts';
import { rowToReading } from './monitoringRows.ts';
import type { BureauDatabase } from './schema.ts';
import { sliceReadingsWindow } from '../../kit/sliceReadingsWindow.ts';

/** Windows per statement: 3 parameters each, and an OR the planner still turns into index ranges. */
const WINDOWS_PER_STATEMENT = 200;

/**
 * The readings of each window (both ends inclusive), oldest first, in input order. One statement per
 * 200 distinct windows: an OR of (station, time range) terms, each an index range on the primary key
 * (station_id, time), so no reading outside a window is read. Rows come back per station by time and
 * each window takes its slice by binary search (overlapping windows share rows). A window with an
 * `interval` reads only rows of that data type.
 */
export async function readingsInWindows(
  db: Kysely<BureauDatabase>,
  windows: readonly ReadingsWindow[],
): Promise<ReadingRecord[][]> {
  const distinct = new Map<string, ReadingsWindow>();
  for (const w of windows) if (w.from <= w.to) distinct.set(`${w.stationId}\u0000${w.from}\u0000${w.to}\u0000${w.interval ?? ''}`, w);
  const queried = [...distinct.values()];

  const byStation = new Map<string, ReadingRecord[]>();
  for (let start = 0; start < queried.length; start += WINDOWS_PER_STATEMENT) {
    const chunk = queried.slice(start, start + WINDOWS_PER_STATEMENT);
    const rows = await db.selectFrom('readings').selectAll()
      .where((eb) => eb.or(chunk.map((w) => eb.and([
        eb('station_id', '=', w.stationId), eb('time', '>=', w.from), eb('time', '<=', w.to),
        ...(w.interval === undefined ? [] : [eb('reading_interval', '=', w.interval)]),
      ]))))
      .orderBy('station_id').orderBy('time')
      .execute();
    for (const row of rows) {
      const reading = rowToReading(row);
      const series = byStation.get(reading.stationId);
      if (series === undefined) byStation.set(reading.stationId, [reading]);
      else series.push(reading);
    }
  }
  // Chunks may overlap in stations: keep each series sorted and free of duplicates.
  if (queried.length > WINDOWS_PER_STATEMENT) for (const [id, series] of byStation) byStation.set(id, dedupeByTime(series));

  return windows.map((w) => {
    const series = byStation.get(w.stationId);
    return series === undefined ? [] : sliceReadingsWindow(series, w.from, w.to, w.interval);
  });
}

function dedupeByTime(series: ReadingRecord[]): ReadingRecord[] {
  series.sort((a, b) => a.time - b.time);
  return series.filter((r, i) => i === 0 || (series[i - 1] as ReadingRecord).time !== r.time);
}
