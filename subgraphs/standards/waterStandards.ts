/** The surface-water standards known here, by { standard, version }; add a later edition beside 2002. */
import { GB3838_2002 } from './gb3838Standard.ts';
import type { StandardRef } from './StandardRef.ts';
import { StandardsInputError } from './StandardsInputError.ts';
import type { WaterIndicatorStandard, WaterQualityStandard } from './WaterQualityStandard.ts';
import { normaliseCode } from './assertConcentration.ts';

export const WATER_QUALITY_STANDARDS: readonly WaterQualityStandard[] = [GB3838_2002];

export const DEFAULT_WATER_STANDARD: StandardRef = GB3838_2002.ref;

export function findWaterStandard(ref: StandardRef = DEFAULT_WATER_STANDARD): WaterQualityStandard {
  const found = WATER_QUALITY_STANDARDS.find((s) => s.ref.standard === ref.standard && s.ref.version === ref.version);
  if (!found) {
    throw new StandardsInputError('UNKNOWN_STANDARD', `no water standard ${ref.standard}-${ref.version}`, { ...ref });
  }
  return found;
}

/** The indicator entry for a code (aliases and case resolved), or undefined when it is not classed. */
export function findWaterIndicator(standard: WaterQualityStandard, code: string): WaterIndicatorStandard | undefined {
  const normal = normaliseCode(code);
  const canonical = standard.aliases[normal] ?? normal;
  return standard.indicators.find((i) => i.code === canonical);
}
