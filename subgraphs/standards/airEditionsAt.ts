/**
 * Which GB 3095 edition holds a reading: the one in force on its date in China. GB 3095-2026 replaced
 * GB 3095-2012 from 2026-03-01 (its 实施日期, phase 1 to 2030-12-31, phase 2 from 2031-01-01), so a
 * PM2.5 24 h mean of 70 µg/m³ on 2026-12-01 is over its grade II limit of 60, where 2012's was 75.
 *
 * The 2026 tables here hold only the rows whose values are known (PM2.5); the edition tightened
 * PM10, SO2 and NO2 too, to values not known here. For those rows the newest earlier edition that
 * has one answers, and is named as the source: 2026 only tightened, so an exceedance of the 2012
 * value is an exceedance of the 2026 one — a floor, never a false alarm.
 */
import { cstDate } from './formatCst.ts';
import type { AirQualityEdition } from './gb3095Limits.ts';
import { AIR_QUALITY_EDITIONS } from './gb3095Limits.ts';

/**
 * The edition in force at `at` (epoch ms), then the ones before it, newest first. Before the oldest
 * edition known here (GB 3095-2012, in force from 2016-01-01), that oldest edition alone.
 */
export function airEditionsAt(at: number): readonly AirQualityEdition[] {
  const date = cstDate(at);
  const inForce = AIR_QUALITY_EDITIONS.findLastIndex((e) => e.inForceFrom <= date);
  return AIR_QUALITY_EDITIONS.slice(0, Math.max(inForce, 0) + 1).reverse();
}
