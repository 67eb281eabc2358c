/**
 * A section's assessment over a period: period means of its readings (flag N only), then the
 * single-factor method on the means (环办〔2011〕22号). Factors not in GB 3838 are left out of the
 * evaluation but their means are still returned.
 */
import type { Reading } from './Reading.ts';
import type { StandardRef } from './StandardRef.ts';
import type { WaterBody, WaterClass } from './WaterClass.ts';
import type { WaterEvaluation } from './evaluateWaterSample.ts';
import { evaluateWaterSample } from './evaluateWaterSample.ts';
import type { PeriodMean, PeriodWindow } from './periodMeans.ts';
import { periodMeans } from './periodMeans.ts';
import { findWaterIndicator, findWaterStandard } from './waterStandards.ts';

export interface AssessWaterPeriodInput extends PeriodWindow {
  readonly readings: readonly Reading[];
  readonly waterBody: WaterBody;
  readonly targetClass?: WaterClass | null;
  readonly standard?: StandardRef;
}

export interface WaterPeriodAssessment {
  readonly means: readonly PeriodMean[];
  readonly evaluation: WaterEvaluation;
}

export function assessWaterPeriod(input: AssessWaterPeriodInput): WaterPeriodAssessment {
  const standard = findWaterStandard(input.standard);
  const means = periodMeans(input.readings, input, input.standard);
  const known = means.filter((m) => findWaterIndicator(standard, m.code) || standard.unclassed.includes(m.code));
  const evaluation = evaluateWaterSample({
    values: known,
    waterBody: input.waterBody,
    targetClass: input.targetClass ?? null,
    standard: standard.ref,
  });
  return { means, evaluation };
}
