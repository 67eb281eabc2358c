/**
 * The [from, to) window of a computed station field (waterQuality, alarms): `to` defaults to the end
 * of the interval the station's latest reading covers (a 4-hourly value at 12:00 stands for 12–16),
 * `from` to a default span before `to`, and the span is capped so that one field never reads more
 * than a bounded number of readings.
 */
import { ERRORS } from '../../../schema/errors.ts';
import type { CityContext } from '../CityContext.ts';
import type { ReadingRecord, StationRecord } from '../model.ts';
import { INTERVAL_MS } from '../evaluation/intervalMs.ts';

export interface StationWindowRule {
  readonly field: string;
  readonly defaultSpanMs: number;
  readonly maxSpanMs: number;
  /** How the cap reads in the error message, e.g. '366 days'. */
  readonly maxSpanText: string;
}

export interface StationWindow {
  readonly from: number;
  /** Exclusive. */
  readonly to: number;
}

/** Null when `to` is not given and the station has never reported. */
export async function stationWindow(
  station: StationRecord,
  args: { readonly from?: number | null; readonly to?: number | null },
  ctx: CityContext,
  rule: StationWindowRule,
): Promise<StationWindow | null> {
  let to = args.to ?? null;
  if (to === null) {
    const latest = await ctx.loaders.latestReading.load(station.id);
    if (!latest) return null;
    to = latest.time + INTERVAL_MS[station.interval];
  }
  const from = args.from ?? to - rule.defaultSpanMs;
  if (from >= to) throw ERRORS.BAD_USER_INPUT.err(`${rule.field}: from must be before to.`, { extensions: { argument: 'from' } });
  if (to - from > rule.maxSpanMs) {
    throw ERRORS.BAD_USER_INPUT.err(`${rule.field}: the range may span at most ${rule.maxSpanText}.`, { extensions: { argument: 'from' } });
  }
  return { from, to };
}

/** The window's readings through the per-request loader (whose windows include both ends). */
export function windowReadings(station: StationRecord, window: StationWindow, ctx: CityContext): Promise<readonly ReadingRecord[]> {
  return ctx.loaders.readings.load({ stationId: station.id, from: window.from, to: window.to - 1 });
}
