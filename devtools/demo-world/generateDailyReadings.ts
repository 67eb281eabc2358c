/**
 * Lazily generated HJ 212 daily data (CN 2031) of one station, from the same model as its own series
 * (generateReadings.ts): what the demo world keeps for the months before its hourly period.
 */
import type { DataFlag, EpochMs, ReadingRecord, ReadingValueRecord, StationRecord } from '../../subgraphs/kit/model.ts';
import { DAY_MS, HOUR_MS } from './cstTime.ts';
import { CST_OFFSET_MS, STEP_MS, decimalsOf, readingsFor, round, type ReadingsWindowOptions } from './generateReadings.ts';
import { defaultReadingProfile, type ReadingProfile } from './readingProfiles.ts';

/** A daily value is the mean of the day's values at 00, 04, 08 … 20 CST: a water station's own grid, six evenly spaced hours of an hourly one. */
const DAILY_SAMPLE_MS = 4 * HOUR_MS;
const DAILY_SAMPLES = DAY_MS / DAILY_SAMPLE_MS;
/**
 * Valid samples a daily value needs to be flag N: 5 of 6, about the 20 of 24 hourly values GB 3095-2012 表 4
 * asks of a daily mean.
 */
const DAILY_VALID_SAMPLES = 5;

/**
 * The station's daily data (HJ 212 CN 2031, interval DAILY) for the CST days that start in [from, until],
 * oldest first, each at 00:00 CST. A day's value per factor is the mean of the station's readings at 00, 04,
 * 08 … 20 CST that day — the very values `readingsFor` gives at those times (same profile, season, episodes,
 * flags and gaps): every value of a four-hourly water station, an evenly spaced sample of an hourly one,
 * which keeps the daily means consistent with the hourly series at a quarter of the cost of averaging
 * all 24 hours. Only flag N counts; pH is averaged through [H+], as a period mean is. With fewer than
 * DAILY_VALID_SAMPLES valid values the day keeps the mean of what there is (null when nothing) under the
 * most frequent flag of its invalid ones (B, communication fault, where values are missing). A day with
 * no reading at all (a gap, or after the station stopped) has no daily value.
 */
export function* dailyReadingsFor(
  station: StationRecord,
  window: ReadingsWindowOptions,
  profile: ReadingProfile = defaultReadingProfile(station),
): Generator<ReadingRecord> {
  const source = station.kind === 'POLLUTION_SOURCE';
  const first = Math.ceil((window.from + CST_OFFSET_MS) / DAY_MS) * DAY_MS - CST_OFFSET_MS;
  const lastDay = Math.floor((window.until + CST_OFFSET_MS) / DAY_MS) * DAY_MS - CST_OFFSET_MS;
  if (first > lastDay) return;
  // A station on a grid finer than 4 h is sampled on the 4-hourly one; values depend on the time alone.
  const sampled: StationRecord = STEP_MS[station.interval] < DAILY_SAMPLE_MS ? { ...station, interval: 'FOUR_HOURLY' } : station;
  const samples = readingsFor(sampled, { from: first, until: lastDay + DAY_MS - 1 }, profile);
  const expected = DAY_MS / Math.max(DAILY_SAMPLE_MS, STEP_MS[station.interval]);
  const needed = Math.ceil((DAILY_VALID_SAMPLES / DAILY_SAMPLES) * expected);
  let day: ReadingRecord[] = [];
  const dayOf = (time: EpochMs) => Math.floor((time - first) / DAY_MS);
  const close = (): ReadingRecord => dailyValue(station, first + dayOf(day[0]!.time) * DAY_MS, day, expected, needed, source);
  for (const r of samples) {
    if (day.length > 0 && dayOf(r.time) !== dayOf(day[0]!.time)) {
      yield close();
      day = [];
    }
    day.push(r);
  }
  if (day.length > 0) yield close();
}

function dailyValue(station: StationRecord, time: EpochMs, day: readonly ReadingRecord[], expected: number, needed: number, source: boolean): ReadingRecord {
  const values: ReadingValueRecord[] = station.factors.map(({ code }, i) => {
    const valid: number[] = [];
    const flags = new Map<DataFlag, number>([['B', expected - day.length]]);
    for (const r of day) {
      const v = r.values[i]?.code === code ? r.values[i] : r.values.find((x) => x.code === code);
      if (v && v.flag === 'N' && v.value !== null) valid.push(v.value);
      else flags.set(v?.flag ?? 'B', (flags.get(v?.flag ?? 'B') ?? 0) + 1);
    }
    const mean = valid.length === 0 ? null : code === 'w01001'
      ? -Math.log10(valid.reduce((sum, v) => sum + 10 ** -v, 0) / valid.length)
      : valid.reduce((sum, v) => sum + v, 0) / valid.length;
    const value = mean === null ? null : round(mean, decimalsOf(code, source));
    if (valid.length >= needed) return { code, value, flag: 'N' };
    const [flag] = [...flags].sort((a, b) => b[1] - a[1])[0] ?? ['B'];
    return { code, value, flag };
  });
  return { stationId: station.id, time, interval: 'DAILY', values };
}
