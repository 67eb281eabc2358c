/**
 * The `readings` feed of a bureau fed by an HJ 212 ingest: in the transaction that stores a batch,
 * one `reading` event per packet new to the store (any data type: the event's `interval` says which),
 * each followed by the `alarm` events it starts (alarmsStartedBy: only readings of the station's
 * regular series, the ones the readings table and the `alarms` query hold). A resent packet that the
 * dedupe key (MN, CN, DataTime) finds already stored inserts no row, so it logs no event: one event per
 * packet, exactly once, committed or rolled back with the packet itself.
 */
import type { Transaction } from 'kysely';
import type { BureauEventBody } from '../../../schema/events/bureauEvents.ts';
import { alarmLookbackFrom, alarmsStartedBy } from '../../kit/events/alarmsStartedBy.ts';
import { readingEvent } from '../../kit/events/readingEvent.ts';
import type { ReadingRecord, StationRecord } from '../../kit/model.ts';
import { rowToReading, rowToStation } from '../sql/monitoringRows.ts';
import { SqlEventLog } from '../sql/SqlEventLog.ts';
import type { Hj212IngestDatabase, Hj212PacketsTable } from './Hj212IngestDatabase.ts';

export async function logIngestEvents(trx: Transaction<Hj212IngestDatabase>, stored: readonly Hj212PacketsTable[], at: number): Promise<void> {
  if (stored.length === 0) return;
  const readings = stored.map(rowToReading).sort((a, b) => a.time - b.time || (a.stationId < b.stationId ? -1 : a.stationId > b.stationId ? 1 : 0));
  const ids = [...new Set(readings.map((r) => r.stationId))];
  const stations = new Map((await trx.selectFrom('stations').selectAll().where('id', 'in', ids).execute()).map((row) => {
    const station = rowToStation(row);
    return [station.id, station] as const;
  }));
  const histories = new Map<string, ReadingRecord[]>();
  for (const station of stations.values()) {
    const times = readings.filter((r) => r.stationId === station.id).map((r) => r.time);
    const rows = await trx.selectFrom('readings').selectAll().where('station_id', '=', station.id)
      .where('time', '>=', alarmLookbackFrom(station, Math.min(...times))).where('time', '<=', Math.max(...times)).orderBy('time').execute();
    histories.set(station.id, rows.map(rowToReading));
  }
  const bodies: BureauEventBody[] = [];
  for (const reading of readings) {
    const station = stations.get(reading.stationId) as StationRecord; // the packets' foreign key: it exists
    // The history holds this batch's readings too; alarmsStartedBy looks only before each one.
    bodies.push(readingEvent(reading, station.kind), ...alarmsStartedBy(station, histories.get(station.id) ?? [], reading));
  }
  await SqlEventLog.append(trx, 'readings', bodies, at);
}
