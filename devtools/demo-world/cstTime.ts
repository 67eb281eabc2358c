/**
 * Calendar arithmetic in China Standard Time (UTC+8, no daylight saving): the model stores epoch
 * milliseconds, and dates, hours and seasons are all read in CST.
 */
import type { EpochMs, IsoDate } from '../../subgraphs/kit/model.ts';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * HOUR_MS;

function cstDate(ms: EpochMs): Date {
  return new Date(ms + CST_OFFSET_MS);
}

/** 'YYYY-MM-DD' of the CST calendar day containing `ms`. */
export function isoDate(ms: EpochMs): IsoDate {
  return cstDate(ms).toISOString().slice(0, 10);
}

/** Epoch ms of a CST wall-clock time. */
export function cstTime(year: number, month: number, day: number, hour = 0, minute = 0): EpochMs {
  return Date.UTC(year, month - 1, day, hour, minute) - CST_OFFSET_MS;
}

/** Epoch ms of 00:00 CST on `date`. */
export function startOfIsoDate(date: IsoDate): EpochMs {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return cstTime(y, m, d);
}

export function cstYear(ms: EpochMs): number {
  return cstDate(ms).getUTCFullYear();
}

/** Hour of the CST day, fractional (e.g. 13.5 at 13:30). */
export function cstHourOfDay(ms: EpochMs): number {
  const inDay = (((ms + CST_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return inDay / HOUR_MS;
}

/** Day of the CST year, 0-based, fractional. */
export function cstDayOfYear(ms: EpochMs): number {
  const year = cstYear(ms);
  return (ms - cstTime(year, 1, 1)) / DAY_MS;
}

/** 0 = Sunday … 6 = Saturday, in CST. */
export function cstWeekday(ms: EpochMs): number {
  return cstDate(ms).getUTCDay();
}

/** '2024年3月15日' for fact texts. */
export function chineseDate(ms: EpochMs): string {
  const d = cstDate(ms);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** The same CST day at a given wall-clock hour (fractional hours allowed). */
export function atCstHour(ms: EpochMs, hour: number): EpochMs {
  return startOfIsoDate(isoDate(ms)) + Math.round(hour * 60) * MINUTE_MS;
}

/** Rounded down to the whole minute: records carry minutes, not milliseconds. */
export function toMinute(ms: EpochMs): EpochMs {
  return Math.floor(ms / MINUTE_MS) * MINUTE_MS;
}

/** Moves a CST time forward to Monday when it falls on a weekend (offices file on working days). */
export function toWorkingDay(ms: EpochMs): EpochMs {
  const weekday = cstWeekday(ms);
  return weekday === 6 ? ms + 2 * DAY_MS : weekday === 0 ? ms + DAY_MS : ms;
}
