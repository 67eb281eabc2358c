/**
 * How every DateTime of the graph reads: ISO 8601 with the +08:00 offset (China Standard Time has no
 * daylight saving). The bureaus' scalar serializes with it, and the gateway's subscriptions format
 * event times (epoch ms in the event protocol) the same way, so one instant always reads the same.
 */
const CST_OFFSET_MS = 8 * 3600_000;

/** Epoch ms → `2024-03-15T09:00:00+08:00` (milliseconds shown only when not zero). */
export function formatCst(epochMs: number): string {
  const iso = new Date(epochMs + CST_OFFSET_MS).toISOString(); // shifted so the wall clock reads CST
  const millis = iso.slice(19, 23) === '.000' ? '' : iso.slice(19, 23);
  return `${iso.slice(0, 19)}${millis}+08:00`;
}
