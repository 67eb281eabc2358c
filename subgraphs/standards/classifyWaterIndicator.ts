/**
 * The class of one indicator value: the best class whose limit it meets, inclusive bounds, else 劣V
 * (GB 3838-2002 表1; shared limits and pH as in sm1lewc/Journey.SurfaceWater's GradeService;
 * docs/water-quality.md).
 */
import type { Limit } from './Limit.ts';
import { isWithinLimit } from './Limit.ts';
import type { StandardRef } from './StandardRef.ts';
import { StandardsInputError } from './StandardsInputError.ts';
import type { WaterBody, WaterClass } from './WaterClass.ts';
import { LIMITED_WATER_CLASSES } from './WaterClass.ts';
import type { WaterIndicatorStandard } from './WaterQualityStandard.ts';
import { assertConcentration } from './assertConcentration.ts';
import { findWaterIndicator, findWaterStandard } from './waterStandards.ts';

/** Limits of classes I–V for the water body: lakes use their own table where one exists (TP). */
export function classLimits(indicator: WaterIndicatorStandard, waterBody: WaterBody): readonly Limit[] {
  return waterBody === 'LAKE' && indicator.lake ? indicator.lake : indicator.river;
}

export function classOfValue(indicator: WaterIndicatorStandard, value: number, waterBody: WaterBody): WaterClass {
  const limits = classLimits(indicator, waterBody);
  const index = limits.findIndex((limit) => isWithinLimit(limit, value));
  return index < 0 ? 'WORSE_THAN_V' : (LIMITED_WATER_CLASSES[index] ?? 'WORSE_THAN_V');
}

export function classifyWaterIndicator(
  code: string,
  value: number,
  waterBody: WaterBody,
  standard?: StandardRef,
): WaterClass {
  const indicator = findWaterIndicator(findWaterStandard(standard), code);
  if (!indicator) throw new StandardsInputError('UNKNOWN_INDICATOR', `${code} has no class limits`, { code });
  return classOfValue(indicator, assertConcentration(code, value), waterBody);
}
