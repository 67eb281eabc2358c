/**
 * The inputs of an HJ 633 real-time (hourly) report from a station's hourly readings (HJ 633-2012 §5,
 * standards/aqiReportRules.ts): the hour at or up to 3 h before `at`; SO2, NO2, CO, O3 of that hour;
 * the O3 8 h moving mean; PM 24 h moving means, or the PM hour itself when the day lacks valid hours
 * (the library reads it against the 24 h column); the SO2 24 h mean, used only above 800 µg/m³.
 */
import type { AqiConcentration, Reading } from '../../standards/index.ts';
import type { AqiInputs, CountedConcentration } from './AqiInputs.ts';
import { MIN_HOURS_24H, MIN_HOURS_8H, meanBetween, type AirMean } from './meanBetween.ts';
import { HOUR_MS, validHourly } from './validHourly.ts';

export const LATEST_HOUR_WITHIN_MS = 3 * HOUR_MS;

const SO2 = 'a21026', NO2 = 'a21004', CO = 'a21005', O3 = 'a05024', PM10 = 'a34002', PM25 = 'a34004';

/** Null when there is no reading in the 3 h up to `at`, or none of its pollutants is valid. */
export function realtimeAqiConcentrations(hourly: readonly Reading[], at: number): AqiInputs | null {
  const current = [...hourly].reverse().find((r) => r.time <= at && at - r.time < LATEST_HOUR_WITHIN_MS);
  if (!current) return null;
  const t = current.time;
  const out: CountedConcentration[] = [];
  const push = (code: string, period: AqiConcentration['period'], mean: AirMean | null) => {
    if (mean) out.push({ code, period, value: mean.value, count: mean.count });
  };
  const hour = (code: string) => meanBetween(validHourly([current], code), t, t + 1, 1);
  const lastHours = (code: string, hours: number, min: number) => meanBetween(validHourly(hourly, code), t - (hours - 1) * HOUR_MS, t + 1, min);

  for (const code of [SO2, NO2, CO, O3]) push(code, 'H1', hour(code));
  push(O3, 'H8', lastHours(O3, 8, MIN_HOURS_8H));
  for (const code of [PM10, PM25]) {
    const day = lastHours(code, 24, MIN_HOURS_24H);
    if (day) push(code, 'H24', day);
    else push(code, 'H1', hour(code));
  }
  push(SO2, 'H24', lastHours(SO2, 24, MIN_HOURS_24H));
  // The SO2 24 h value only ever replaces a 1 h value; alone it makes no report.
  return out.some((c) => !(c.code === SO2 && c.period === 'H24')) ? { time: t, concentrations: out } : null;
}
