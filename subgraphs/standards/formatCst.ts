/** Epoch ms as China Standard Time (UTC+8, no DST) 'YYYY-MM-DD HH:mm', the time reports print. */
const CST_OFFSET_MS = 8 * 3_600_000;

export function formatCst(epochMs: number): string {
  return new Date(epochMs + CST_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** Epoch ms as the calendar date in China, 'YYYY-MM-DD': the dates standards take force on. */
export function cstDate(epochMs: number): string {
  return new Date(epochMs + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Epoch ms as a day number in China (days since 1970-01-01 CST): equal within one cstDate. */
export function cstDay(epochMs: number): number {
  return Math.floor((epochMs + CST_OFFSET_MS) / 86_400_000);
}

/** 'from — to', or a single time when they are the same. */
export function formatSpan(from: number, to: number): string {
  return from === to ? formatCst(from) : `${formatCst(from)} — ${formatCst(to)}`;
}

/** '1 reading', '3 readings' — English sentences of the alarm reasons. */
export function readingsText(count: number, what = 'reading'): string {
  return `${count} ${what}${count === 1 ? '' : 's'}`;
}
