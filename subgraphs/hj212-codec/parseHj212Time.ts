/** China Standard Time is UTC+8 all year (no daylight saving since 1991). */
const CST_OFFSET_MS = 8 * 3_600_000;
const PATTERN = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/**
 * Epoch milliseconds of an HJ 212 time `YYYYMMDDhhmmss` (DataTime, BeginTime…; HJ 212-2017 CP 指令参数),
 * read as local China time (+08:00) as the devices write it. Null when the text is not a real
 * calendar time (month 13, 31 February, hour 24…, or before 1970), which a plain `Date.UTC` would
 * silently roll over.
 */
export function parseHj212Time(text: string): number | null {
  const m = PATTERN.exec(text);
  if (m === null) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as
    [number, number, number, number, number, number];
  // Years before 1970 are no monitoring data, and Date.UTC would read 0000–0099 as 1900–1999.
  if (year < 1970 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  // A day past the month's end rolls into the next month: catch it by reading the date back.
  if (new Date(utc).getUTCDate() !== day) return null;
  return utc - CST_OFFSET_MS;
}
