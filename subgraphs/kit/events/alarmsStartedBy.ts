/**
 * Which alarms a newly logged reading starts, for the `alarm` events of a bureau's readings feed.
 *
 * The rule: the station's alarms are evaluated as the `alarms` query does (stationAlarms: the
 * standards' rules over the station's regular series) twice over the same window start — once up to
 * the reading before the new one, once up to and including the new one — and every alarm id present
 * in the second and absent from the first is started by the new reading. Alarm.id is
 * stationId:kind:code:from, so an ongoing alarm (an over-limit run, a flat line) keeps its id as it
 * grows and is logged once, when it appears; an alarm only a later reading makes visible (a flat line
 * reaching its run, a gap closed by the reading after it) is logged with that reading. Comparing over
 * the same window start makes the window's own edge (a gap or a run cut by the lookback) cancel out.
 *
 * The window reaches back ALARM_LOOKBACK_SLOTS intervals: enough for every rule (the longest is a flat
 * line of 30 real-time values). Ids of alarms longer than that window may differ from what an
 * `alarms` query over a longer span shows (its `from` is cut to the window), which is why the event
 * carries the whole alarm.
 */
import type { BureauEventBody } from '../../../schema/events/bureauEvents.ts';
import { INTERVAL_MS } from '../evaluation/intervalMs.ts';
import { stationAlarms, type AlarmView } from '../evaluation/stationAlarms.ts';
import type { ReadingRecord, StationRecord } from '../model.ts';
import { eventStationId } from './eventStationId.ts';

export const ALARM_LOOKBACK_SLOTS = 48;

export type AlarmEventBody = Extract<BureauEventBody, { kind: 'alarm' }>;

/** Start of the readings a station's alarm evaluation needs for a reading at `time` (inclusive). */
export function alarmLookbackFrom(station: StationRecord, time: number): number {
  return time - ALARM_LOOKBACK_SLOTS * INTERVAL_MS[station.interval];
}

/**
 * `history`: the station's readings before `reading` (any order; those outside the lookback are
 * ignored). Returns nothing for a reading outside the station's regular series or of a station not
 * operating, as the `alarms` query does.
 */
export function alarmsStartedBy(station: StationRecord, history: readonly ReadingRecord[], reading: ReadingRecord): AlarmEventBody[] {
  if (reading.interval !== station.interval || !station.operating) return [];
  try {
    return newAlarms(station, history, reading);
  } catch {
    // A series the rules refuse (runStandard's error) gives no alarm event; it must never stop the
    // reading itself from being stored and logged.
    return [];
  }
}

function newAlarms(station: StationRecord, history: readonly ReadingRecord[], reading: ReadingRecord): AlarmEventBody[] {
  const from = alarmLookbackFrom(station, reading.time);
  const before = history.filter((r) => r.time >= from && r.time < reading.time);
  const previous = before.reduce((latest, r) => Math.max(latest, r.time), Number.NEGATIVE_INFINITY);
  // With no earlier reading in the window (a new station, or one back after a silence longer than the
  // window) the "before" evaluation spans the whole gap up to the new reading, so the gap itself is
  // not reported as started by it: nothing says those slots were expected.
  const known = new Set(stationAlarms(station, before, { from, to: previous === Number.NEGATIVE_INFINITY ? reading.time : previous + 1 }).map((a) => a.id));
  return stationAlarms(station, [...before, reading], { from, to: reading.time + 1 })
    .filter((a) => !known.has(a.id))
    .map(alarmEvent);
}

function alarmEvent(a: AlarmView): AlarmEventBody {
  return {
    kind: 'alarm',
    alarm: {
      id: a.id,
      stationId: eventStationId(a.station.id),
      stationKind: a.station.kind,
      kind: a.kind,
      severity: a.severity,
      code: a.code,
      name: a.name,
      from: a.from,
      to: a.to,
      reason: a.reason,
      values: a.values.map((v) => ({ time: v.time, code: v.code, value: v.value, flag: v.flag })),
      limit: a.limit,
    },
  };
}
