/**
 * Times and dates as the bureau's sheets hold them: China Standard Time (UTC+8, no daylight saving)
 * wall clock. Written as 'yyyy-MM-dd HH:mm:ss' / 'yyyy-MM-dd'; read also in the forms Excel turns
 * them into when a CSV is opened and saved ('yyyy/M/d H:mm'), and from real date cells.
 */
import type { EpochMs, IsoDate } from '../../kit/model.ts';

const CST_OFFSET_MS = 8 * 3_600_000;
const TIME = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

export function formatSheetTime(ms: EpochMs): string {
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** Epoch ms of a CST wall-clock text, or null when it is not one (or names a day that does not exist). */
export function parseSheetTime(text: string): EpochMs | null {
  const m = TIME.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  const s = m[6] === undefined ? 0 : Number(m[6]);
  if (h > 23 || mi > 59 || s > 59 || !dayExists(y, mo, d)) return null;
  return Date.UTC(y, mo - 1, d, h, mi, s) - CST_OFFSET_MS;
}

/** 'yyyy-MM-dd' of a date text, or null. */
export function parseSheetDate(text: string): IsoDate | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = m.slice(1).map(Number) as [number, number, number];
  return dayExists(y, mo, d) ? `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null;
}

/**
 * A date cell as exceljs reads it carries the sheet's wall clock in its UTC fields; the time is that
 * wall clock in CST. Excel keeps days as binary fractions, so it is rounded to the second.
 */
export function cellDateToTime(date: Date): EpochMs {
  return Math.round(date.getTime() / 1000) * 1000 - CST_OFFSET_MS;
}

export function cellDateToIsoDate(date: Date): IsoDate {
  return new Date(Math.round(date.getTime() / 1000) * 1000).toISOString().slice(0, 10);
}

/** The wall-clock Date exceljs writes as a date cell for an ISO date. */
export function isoDateToCellDate(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

function dayExists(y: number, mo: number, d: number): boolean {
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
