import type { BureauEventBody } from '../../../schema/events/bureauEvents.ts';
import type { ReadingRecord, StationKind } from '../model.ts';
import { eventStationId } from './eventStationId.ts';

/** The `reading` event of a reading of this bureau's station (its kind carried for subscribers' filters). */
export function readingEvent(reading: ReadingRecord, stationKind: StationKind): Extract<BureauEventBody, { kind: 'reading' }> {
  return {
    kind: 'reading',
    reading: {
      stationId: eventStationId(reading.stationId),
      stationKind,
      time: reading.time,
      interval: reading.interval,
      values: reading.values.map((v) => ({ code: v.code, value: v.value, flag: v.flag })),
    },
  };
}
