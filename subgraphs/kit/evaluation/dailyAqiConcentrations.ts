/**
 * The inputs of an HJ 633 daily report for one China Standard Time day (HJ 633-2012 §5): 24 h means
 * of SO2, NO2, CO, PM10, PM2.5; the O3 daily maximum 1 h value; the O3 daily maximum 8 h moving mean
 * over the means ending 08:00–24:00 (HJ 633-2012 §5.2). Each daily value needs a day's validity
 * (20 valid hours); each 8 h mean 6 (GB 3095-2012 Table 4).
 */
import type { Reading } from '../../standards/index.ts';
import type { AqiInputs, CountedConcentration } from './AqiInputs.ts';
import { MIN_HOURS_24H, MIN_HOURS_8H, meanBetween, type AirMean } from './meanBetween.ts';
import { HOUR_MS, validHourly } from './validHourly.ts';

const O3 = 'a05024';
const DAY_MEANS = ['a21026', 'a21004', 'a21005', 'a34002', 'a34004'];

export function dailyAqiConcentrations(hourly: readonly Reading[], dayStart: number): AqiInputs | null {
  const dayEnd = dayStart + 24 * HOUR_MS;
  const out: CountedConcentration[] = [];
  for (const code of DAY_MEANS) {
    const mean = meanBetween(validHourly(hourly, code), dayStart, dayEnd, MIN_HOURS_24H);
    if (mean) out.push({ code, period: 'H24', value: mean.value, count: mean.count });
  }
  const o3 = validHourly(hourly, O3);
  const inDay = [...o3].filter(([time]) => time >= dayStart && time < dayEnd);
  if (inDay.length >= MIN_HOURS_24H) {
    out.push({ code: O3, period: 'H1', value: Math.max(...inDay.map(([, v]) => v)), count: inDay.length });
    let best: AirMean | null = null;
    // The 8 h window of hours k−7 … k ends at k + 1 o'clock: k = 7 ends 08:00, k = 23 ends 24:00.
    for (let k = 7; k < 24; k += 1) {
      const mean = meanBetween(o3, dayStart + (k - 7) * HOUR_MS, dayStart + (k + 1) * HOUR_MS, MIN_HOURS_8H);
      if (mean && (!best || mean.value > best.value)) best = mean;
    }
    if (best) out.push({ code: O3, period: 'H8', value: best.value, count: best.count });
  }
  return out.length > 0 ? { time: dayStart, concentrations: out } : null;
}
