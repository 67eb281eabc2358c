import { describe, expect, it } from 'vitest';
import type { DataFlag, ReadingRecord } from '../../../../subgraphs/kit/model.ts';
import { alarmsStartedBy } from '../../../../subgraphs/kit/events/alarmsStartedBy.ts';
import { HOUR_MS, station, T0 } from '../../../fixtures/bureauRecords.ts';

const s = station(1);
const reading = (i: number, flag: DataFlag = 'N', value = 15 + (i % 3) / 10): ReadingRecord => ({
  stationId: s.id, time: T0 + i * HOUR_MS, interval: 'HOURLY', values: [{ code: 'w01010', value, flag }],
});

/** Logs readings one by one as a feed does, collecting the alarm ids each one starts. */
function logSeries(flags: readonly DataFlag[]): string[][] {
  const history: ReadingRecord[] = [];
  return flags.map((flag, i) => {
    const next = reading(i, flag);
    const started = alarmsStartedBy(s, history, next).map((e) => `${e.alarm.kind}@${(e.alarm.from - T0) / HOUR_MS}`);
    history.push(next);
    return started;
  });
}

describe('alarmsStartedBy', () => {
  it('logs an ongoing alarm once, when the reading that starts it arrives, and a new one after it ended', () => {
    const started = logSeries(['N', 'N', 'N', 'D', 'D', 'D', 'N', 'D']);
    expect(started).toEqual([[], [], [], ['ABNORMAL_FLAG@3'], [], [], [], ['ABNORMAL_FLAG@7']]);
  });

  it('starts no alarm with the first reading of a station, and reports a gap when the reading after it arrives', () => {
    const history = [reading(0), reading(1)];
    expect(alarmsStartedBy(s, [], reading(0))).toEqual([]);
    expect(alarmsStartedBy(s, history, reading(6)).map((e) => e.alarm.kind)).toEqual(['MISSING_DATA']);
  });

  it('ignores readings outside the station\'s own series', () => {
    expect(alarmsStartedBy(s, [reading(0)], { ...reading(1, 'D'), interval: 'REALTIME' })).toEqual([]);
  });
});
