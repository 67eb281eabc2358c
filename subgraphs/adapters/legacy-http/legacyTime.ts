/**
 * The legacy system's times: 'yyyy-MM-dd HH:mm:ss', wall time in China Standard Time (UTC+8, no
 * daylight saving) without a zone marker, whole seconds. Parsing is strict: an impossible date
 * (2025-02-30) is refused, not rolled over.
 */
import type { EpochMs } from '../../kit/model.ts';

const CST_OFFSET_MS = 8 * 3_600_000;
const TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

export function parseLegacyTime(text: string): EpochMs | null {
  const m = TIME.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - CST_OFFSET_MS;
  return formatLegacyTime(ms) === text ? ms : null;
}

/** The times its format can write: years 1000–9999 (four digits), CST. */
const EARLIEST = Date.UTC(1000, 0, 1) - CST_OFFSET_MS;
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59) - CST_OFFSET_MS;

/**
 * Sub-second parts are cut: the system stores whole seconds. Times outside what the format can
 * write are clamped to its ends, which is exact for range bounds ("from 0", "until forever").
 */
export function formatLegacyTime(ms: EpochMs): string {
  const clamped = Math.min(LATEST, Math.max(EARLIEST, ms));
  return new Date(clamped + CST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** A calendar date 'yyyy-MM-dd' that exists. */
export function isLegacyDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
}
