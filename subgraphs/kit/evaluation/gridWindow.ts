/**
 * The expected reporting slots of a station's series within [from, to): the times on its interval's
 * grid (China Standard Time: a daily value is dated at CST midnight, a 4-hourly one at 0, 4, 8 … CST).
 * Gap detection counts the window's edges as virtual readings one interval outside it, so an edge
 * that falls between two slots would read as a gap (and give an alarm whose id moves with the clock);
 * edges on the grid do not.
 */
import type { ReadingInterval } from '../model.ts';
import { INTERVAL_MS } from './intervalMs.ts';

const CST_OFFSET_MS = 8 * 3_600_000;

/** The first grid time at or after `time`. */
export function ceilToGrid(interval: ReadingInterval, time: number): number {
  const step = INTERVAL_MS[interval];
  return Math.ceil((time + CST_OFFSET_MS) / step) * step - CST_OFFSET_MS;
}

/** Slots t with from ≤ t < to, as a [from, to) window on the grid; empty when from ≥ to. */
export function gridWindow(interval: ReadingInterval, from: number, to: number): { readonly from: number; readonly to: number } {
  return { from: ceilToGrid(interval, from), to: ceilToGrid(interval, to) };
}

/** The end of the slots whose interval is over by `now`: the slot of hour 11 is complete at 12:00. */
export function completeSlotsEnd(interval: ReadingInterval, now: number): number {
  return now + 1 - INTERVAL_MS[interval];
}
