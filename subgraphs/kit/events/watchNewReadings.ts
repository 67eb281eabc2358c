/**
 * The `readings` feed of a bureau whose readings come from its own system (its SQL database written by
 * its own software, the spreadsheet share, the legacy web service) rather than through us: the adapter
 * polls its monitoring port for readings it has not logged yet and logs them, with the alarms they
 * start, in one transaction with its watermark.
 *
 * The watermark is the keyset (time, station id) of the last reading logged; a poll takes the
 * readings strictly after it in that order. It starts at the newest reading present when the bureau
 * first runs with a log (history is not replayed as events). Since nothing marks a source row as
 * new, the log — not the source — is then the durable record of what was seen and when: a source row
 * changed or deleted afterwards does not change its event. Known limit: a row written later with a
 * time before the watermark (a station's data arriving late, after other stations' newer rows) is
 * never logged; the source's own queries still show it.
 *
 * This poll is one of the adapters' timers (the only ones the event path has); the bureau's edge
 * never polls: it is woken by the log's AppendSignal.
 */
import type { BureauEventBody } from '../../../schema/events/bureauEvents.ts';
import type { ReadingRecord, StationRecord } from '../model.ts';
import type { MonitoringPort } from '../ports.ts';
import { listAllStations } from '../listAllStations.ts';
import { alarmLookbackFrom, alarmsStartedBy } from './alarmsStartedBy.ts';
import { readingEvent } from './readingEvent.ts';

export interface ReadingKey {
  readonly time: number;
  readonly stationId: string;
}

/** Where polled readings are logged (SqlEventLog): the watermark and the events move in one transaction. */
export interface PolledReadingsLog {
  watermark(name: string): Promise<ReadingKey | null>;
  appendPolled(name: string, bodies: readonly BureauEventBody[], watermark: ReadingKey, at: number): Promise<void>;
}

export interface ReadingsPollOptions {
  readonly monitoring: MonitoringPort;
  readonly log: PolledReadingsLog;
  /** Pause between polls (ms). */
  readonly intervalMs: number;
  /** Readings logged per transaction; a full batch is followed by the next at once. @default 1000 */
  readonly batch?: number;
  /** @default Date.now */
  readonly now?: () => number;
  /** A failed poll (source down): reported, retried at the next interval. */
  readonly onError?: (error: unknown) => void;
}

export interface ReadingsPoll {
  /** One poll (until the source has nothing newer); resolves with the readings logged. */
  pollOnce(): Promise<number>;
  close(): Promise<void>;
}

const WATERMARK = 'readings';
/** Readings dated up to this far past the clock still count (a source clock running ahead). */
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

export function watchNewReadings(options: ReadingsPollOptions): ReadingsPoll {
  const { monitoring, log, intervalMs, batch = 1_000, now = Date.now, onError = () => undefined } = options;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let closed = false;

  const pollBatch = async (): Promise<number> => {
    const stations = await listAllStations(monitoring);
    let watermark = await log.watermark(WATERMARK);
    if (watermark === null) {
      watermark = newestKey(await monitoring.latestReadings(stations.map((s) => s.id)));
      await log.appendPolled(WATERMARK, [], watermark, now());
    }
    const from = watermark;
    const series = await monitoring.readings(stations.map((s) => ({ stationId: s.id, from: from.time, to: now() + FUTURE_SLACK_MS })));
    const fresh = series.flat().filter((r) => compareKeys(r, from) > 0).sort(compareKeys).slice(0, batch);
    if (fresh.length === 0) return 0;
    const byId = new Map(stations.map((s) => [s.id, s]));
    const bodies = await eventsOf(monitoring, byId, fresh);
    const last = fresh[fresh.length - 1] as ReadingRecord;
    await log.appendPolled(WATERMARK, bodies, { time: last.time, stationId: last.stationId }, now());
    return fresh.length;
  };

  const pollOnce = (): Promise<number> => {
    running ??= (async () => {
      let total = 0;
      for (;;) {
        const logged = await pollBatch();
        total += logged;
        if (logged < batch || closed) return total;
      }
    })().finally(() => (running = null));
    return running;
  };

  const loop = () => {
    if (closed) return;
    pollOnce().catch(onError).finally(() => {
      if (!closed) timer = setTimeout(loop, intervalMs);
    });
  };
  loop();

  return {
    pollOnce,
    async close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}

/** The reading events of `fresh` (sorted), each followed by the alarms it starts. */
async function eventsOf(monitoring: MonitoringPort, stations: ReadonlyMap<string, StationRecord>, fresh: readonly ReadingRecord[]): Promise<BureauEventBody[]> {
  const firstTime = new Map<string, number>();
  for (const r of fresh) if (!firstTime.has(r.stationId)) firstTime.set(r.stationId, r.time);
  const ids = [...firstTime.keys()].filter((id) => stations.has(id));
  const windows = ids.map((id) => {
    const time = firstTime.get(id) as number;
    return { stationId: id, from: alarmLookbackFrom(stations.get(id) as StationRecord, time), to: time - 1 };
  });
  const histories = new Map(ids.map((id) => [id, [] as ReadingRecord[]]));
  const earlier = await monitoring.readings(windows);
  ids.forEach((id, i) => histories.get(id)?.push(...(earlier[i] ?? [])));
  const bodies: BureauEventBody[] = [];
  for (const reading of fresh) {
    const station = stations.get(reading.stationId);
    if (station === undefined) continue; // a reading of a station the source no longer lists
    const history = histories.get(reading.stationId) as ReadingRecord[];
    bodies.push(readingEvent(reading, station.kind), ...alarmsStartedBy(station, history, reading));
    history.push(reading);
  }
  return bodies;
}

function newestKey(latest: ReadonlyArray<ReadingRecord | null>): ReadingKey {
  let newest: ReadingKey = { time: 0, stationId: '' }; // no reading yet: every reading to come is new
  for (const r of latest) if (r !== null && compareKeys(r, newest) > 0) newest = { time: r.time, stationId: r.stationId };
  return newest;
}

/** (time, station id) order; ids compare by code unit, the byte order of the ASCII ids. */
export function compareKeys(a: ReadingKey, b: ReadingKey): number {
  return a.time - b.time || (a.stationId < b.stationId ? -1 : a.stationId > b.stationId ? 1 : 0);
}
