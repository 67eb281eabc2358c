/**
 * Single-factor assessment (单因子评价法) of one sample or one set of period means against GB 3838:
 * the section class is the worst class among the evaluation indicators — the 21 basic items of
 * GB 3838-2002 表1 other than water temperature, total nitrogen and fecal coliform, for rivers and
 * lakes/reservoirs alike (《地表水环境质量评价办法（试行）》环办〔2011〕22号); TN and fecal coliform are
 * still classed and returned with `evaluated: false`. 达标 means that class is the target or better.
 */
import type { StandardRef } from './StandardRef.ts';
import { StandardsInputError } from './StandardsInputError.ts';
import type { WaterBody, WaterClass } from './WaterClass.ts';
import { WATER_CLASS_DESCRIPTORS, meetsWaterTarget, waterClassRank, worstWaterClass } from './WaterClass.ts';
import { assertConcentration, normaliseCode } from './assertConcentration.ts';
import { classOfValue } from './classifyWaterIndicator.ts';
import type { ClassedValue, WaterPollutant } from './mainPollutants.ts';
import { mainPollutants, targetExceedances } from './mainPollutants.ts';
import { findWaterIndicator, findWaterStandard } from './waterStandards.ts';

export interface WaterSampleValue {
  readonly code: string;
  readonly value: number;
}

export interface EvaluateWaterSampleInput {
  readonly values: readonly WaterSampleValue[];
  readonly waterBody: WaterBody;
  readonly targetClass?: WaterClass | null;
  readonly standard?: StandardRef;
}

export interface IndicatorClass {
  /** The standard's code (aliases such as w20119 are reported as w20141). */
  readonly code: string;
  readonly value: number;
  readonly waterClass: WaterClass;
  /** False for reference indicators (fecal coliform; TN of every water body), which do not set the class. */
  readonly evaluated: boolean;
}

export interface WaterEvaluation {
  readonly standard: StandardRef;
  readonly waterBody: WaterBody;
  readonly waterClass: WaterClass;
  /** 优 / 良好 / 轻度污染 / 中度污染 / 重度污染. */
  readonly descriptor: string;
  readonly targetClass: WaterClass | null;
  readonly meetsTarget: boolean | null;
  readonly indicators: readonly IndicatorClass[];
  readonly mainPollutants: readonly WaterPollutant[];
  readonly targetExceedances: readonly WaterPollutant[];
  /** Codes accepted but not classed (water temperature, turbidity, conductivity). */
  readonly ignored: readonly string[];
}

export function evaluateWaterSample(input: EvaluateWaterSampleInput): WaterEvaluation {
  const standard = findWaterStandard(input.standard);
  const target = input.targetClass ?? null;
  if (target !== null) waterClassRank(target);
  const classed: (ClassedValue & { evaluated: boolean })[] = [];
  const ignored: string[] = [];
  for (const { code, value } of input.values) {
    if (standard.unclassed.includes(normaliseCode(code))) {
      ignored.push(normaliseCode(code));
      continue;
    }
    const indicator = findWaterIndicator(standard, code);
    if (!indicator) throw new StandardsInputError('UNKNOWN_INDICATOR', `${code} is not a GB 3838 indicator`, { code });
    if (classed.some((c) => c.indicator === indicator)) {
      throw new StandardsInputError('DUPLICATE_INDICATOR', `${code} appears more than once in the sample`, { code });
    }
    const checked = assertConcentration(code, value);
    const evaluated = indicator.role === 'EVALUATED';
    classed.push({ indicator, value: checked, waterClass: classOfValue(indicator, checked, input.waterBody), evaluated });
  }
  const evaluated = classed.filter((c) => c.evaluated);
  if (evaluated.length === 0) {
    throw new StandardsInputError('EMPTY_SAMPLE', 'the sample has no evaluation indicator of GB 3838');
  }
  const waterClass = worstWaterClass(evaluated.map((c) => c.waterClass));
  return {
    standard: standard.ref,
    waterBody: input.waterBody,
    waterClass,
    descriptor: WATER_CLASS_DESCRIPTORS[waterClass],
    targetClass: target,
    meetsTarget: target === null ? null : meetsWaterTarget(waterClass, target),
    indicators: classed.map((c) => ({ code: c.indicator.code, value: c.value, waterClass: c.waterClass, evaluated: c.evaluated })),
    mainPollutants: mainPollutants(standard, evaluated, waterClass, input.waterBody),
    targetExceedances: target === null ? [] : targetExceedances(evaluated, target, input.waterBody),
    ignored,
  };
}
