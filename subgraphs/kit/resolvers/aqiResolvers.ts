/**
 * Station.aqi (HJ 633 real-time report) and Station.dailyAqi (daily report) of an air station, from
 * its hourly readings through the per-request readings loader, computed by standards/computeAqi.
 */
import type { CityContext } from '../CityContext.ts';
import type { ReadingRecord, StationRecord } from '../model.ts';
import { computeAqi, type AqiReport, type AqiVersion } from '../../standards/index.ts';
import { aqiVersionOf, type AqiVersionEnum } from '../evaluation/aqiVersionOf.ts';
import type { AqiInputs } from '../evaluation/AqiInputs.ts';
import { aqiResultView } from '../evaluation/aqiResultView.ts';
import { dailyAqiConcentrations } from '../evaluation/dailyAqiConcentrations.ts';
import { LATEST_HOUR_WITHIN_MS, realtimeAqiConcentrations } from '../evaluation/realtimeAqiConcentrations.ts';
import { runStandard } from '../evaluation/mapStandardsError.ts';
import { toStandardsReadings } from '../evaluation/toStandardsReadings.ts';
import { HOUR_MS } from '../evaluation/validHourly.ts';

const CST_OFFSET_MS = 8 * HOUR_MS;

function hourlyOnly(rows: readonly ReadingRecord[]) {
  return toStandardsReadings(rows.filter((r) => r.interval === 'HOURLY'));
}

function stationAqi(report: AqiReport, inputs: AqiInputs | null, version: AqiVersion) {
  if (!inputs) return null;
  const result = runStandard('READINGS', () => computeAqi({ report, concentrations: inputs.concentrations, version }));
  return { time: inputs.time, concentrations: inputs.concentrations, result: aqiResultView(result) };
}

async function aqi(station: StationRecord, args: { at?: number | null; version?: AqiVersionEnum | null }, ctx: CityContext) {
  if (station.kind !== 'AIR_QUALITY') return null;
  let at = args.at ?? null;
  if (at === null) {
    const latest = await ctx.loaders.latestReading.load(station.id);
    if (!latest) return null;
    at = latest.time;
  }
  // The 24 h moving mean of the hour found up to 3 h before `at` reaches this far back.
  const rows = await ctx.loaders.readings.load({ stationId: station.id, from: at - LATEST_HOUR_WITHIN_MS - 24 * HOUR_MS, to: at });
  return stationAqi('REALTIME', realtimeAqiConcentrations(hourlyOnly(rows), at), aqiVersionOf(args.version));
}

async function dailyAqi(station: StationRecord, args: { date: string; version?: AqiVersionEnum | null }, ctx: CityContext) {
  if (station.kind !== 'AIR_QUALITY') return null;
  const dayStart = Date.parse(`${args.date}T00:00:00Z`) - CST_OFFSET_MS;
  const rows = await ctx.loaders.readings.load({ stationId: station.id, from: dayStart, to: dayStart + 24 * HOUR_MS - 1 });
  return stationAqi('DAILY', dailyAqiConcentrations(hourlyOnly(rows), dayStart), aqiVersionOf(args.version));
}

export function aqiResolvers() {
  return {
    Station: { aqi, dailyAqi },
  };
}
