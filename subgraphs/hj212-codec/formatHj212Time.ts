const CST_OFFSET_MS = 8 * 3_600_000;

const two = (n: number): string => String(n).padStart(2, '0');

/** `YYYYMMDDhhmmss` in China time (+08:00) of an epoch-ms instant: the DataTime a device would write. */
export function formatHj212Time(epochMs: number): string {
  const d = new Date(epochMs + CST_OFFSET_MS);
  return `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}` +
    `${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}`;
}

/** `YYYYMMDDhhmmsszzz` in China time: a QN (request id) for an instant (HJ 212-2017 数据段结构组成表, QN). */
export function formatHj212Qn(epochMs: number): string {
  return formatHj212Time(epochMs) + String(((epochMs % 1000) + 1000) % 1000).padStart(3, '0');
}
