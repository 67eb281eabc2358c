/**
 * Station.waterQuality: the period means of a water station's readings assessed by GB 3838-2002
 * (standards/assessWaterPeriod). The target class is the section's, which only the region knows:
 * the caller passes it (the region's Section.assessment does its own assessment from these means).
 * Stations sit on rivers in this circle's data, so the river limits apply.
 */
import type { CityContext } from '../CityContext.ts';
import type { ReadingRecord, StationRecord, WaterClass } from '../model.ts';
import { assessWaterPeriod, StandardsInputError } from '../../standards/index.ts';
import { factorName } from '../evaluation/factorName.ts';
import { mapStandardsError } from '../evaluation/mapStandardsError.ts';
import { toStandardsReadings } from '../evaluation/toStandardsReadings.ts';
import { waterEvaluationView } from '../evaluation/waterEvaluationView.ts';
import { stationWindow, windowReadings } from './stationWindow.ts';

const DAY_MS = 86_400_000;
/** A year, leap years included: an annual assessment is the longest the region asks for. */
export const MAX_WATER_QUALITY_SPAN_MS = 366 * DAY_MS;

interface WaterQualityArgs {
  readonly from?: number | null;
  readonly to?: number | null;
  readonly targetClass?: WaterClass | null;
}

/** Water temperature may be below zero; any other negative value is a faulty analyser, not a concentration. */
function plausible(rows: readonly ReadingRecord[]): ReadingRecord[] {
  return rows.map((r) => ({ ...r, values: r.values.filter((v) => v.value === null || v.value >= 0 || v.code.toLowerCase() === 'w01010') }));
}

async function waterQuality(station: StationRecord, args: WaterQualityArgs, ctx: CityContext) {
  if (station.kind !== 'WATER_QUALITY') return null;
  const window = await stationWindow(station, args, ctx, {
    field: 'waterQuality', defaultSpanMs: 30 * DAY_MS, maxSpanMs: MAX_WATER_QUALITY_SPAN_MS, maxSpanText: '366 days',
  });
  if (!window) return null;
  const readings = toStandardsReadings(plausible(await windowReadings(station, window, ctx)));
  let assessment;
  try {
    assessment = assessWaterPeriod({ readings, from: window.from, to: window.to, waterBody: 'RIVER', targetClass: args.targetClass ?? null });
  } catch (error) {
    // No valid value of any GB 3838 indicator in the period: there is nothing to assess.
    if (error instanceof StandardsInputError && error.code === 'EMPTY_SAMPLE') return null;
    throw mapStandardsError(error, 'READINGS');
  }
  const unit = (code: string) => station.factors.find((f) => f.code.toLowerCase() === code)?.unit ?? '';
  return {
    from: window.from,
    to: window.to,
    ...waterEvaluationView(assessment.evaluation, station),
    means: assessment.means.map((m) => ({ ...m, name: factorName(m.code, station), unit: unit(m.code) })),
  };
}

export function waterQualityResolvers() {
  return { Station: { waterQuality } };
}
