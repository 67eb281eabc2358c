/**
 * The GB 3838 limit of an indicator for a class and water body (GB 3838-2002 表1), e.g. the target-class
 * limit an alarm compares against. Null for 劣V, which has no limit; UNKNOWN_INDICATOR for a code
 * without class limits (water temperature included).
 */
import type { Limit } from './Limit.ts';
import type { StandardRef } from './StandardRef.ts';
import { StandardsInputError } from './StandardsInputError.ts';
import type { WaterBody, WaterClass } from './WaterClass.ts';
import { waterClassRank } from './WaterClass.ts';
import { classLimits } from './classifyWaterIndicator.ts';
import { findWaterIndicator, findWaterStandard } from './waterStandards.ts';

export function waterLimit(code: string, waterClass: WaterClass, waterBody: WaterBody, standard?: StandardRef): Limit | null {
  const indicator = findWaterIndicator(findWaterStandard(standard), code);
  if (!indicator) throw new StandardsInputError('UNKNOWN_INDICATOR', `${code} has no class limits`, { code });
  const rank = waterClassRank(waterClass);
  return classLimits(indicator, waterBody)[rank - 1] ?? null;
}
