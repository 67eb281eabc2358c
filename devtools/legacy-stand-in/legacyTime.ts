/**
 * The legacy system's clock format: 'yyyy-MM-dd HH:mm:ss' wall time in China Standard Time (UTC+8,
 * no daylight saving), no zone marker, whole seconds. Dates alone are 'yyyy-MM-dd'.
 */
const CST_OFFSET_MS = 8 * 3_600_000;
const TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

export function formatLegacyTime(ms: number): string {
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

export function formatLegacyDate(ms: number): string {
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Epoch ms of a 'yyyy-MM-dd HH:mm:ss' CST text, or null when it is not one (query parameters). */
export function parseLegacyTime(text: string): number | null {
  const m = TIME.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - CST_OFFSET_MS;
  return formatLegacyTime(ms) === text ? ms : null;
}
