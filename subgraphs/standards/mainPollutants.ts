/**
 * 主要污染指标 and 超标指标 of an assessed sample (环办〔2011〕22号 [unverified];
 * docs/water-quality.md).
 * Main pollutants: only when the section is worse than class III; the indicators worse than III,
 * worst class first, ties broken by the multiple against the class-III limit, at most three.
 * Target exceedances: every indicator worse than the target, with its multiple against the target
 * limit (reports print "氨氮/1.3"). DO and pH have no multiple (null) and sort after numbered ties.
 */
import { exceedanceMultiple } from './Limit.ts';
import type { WaterBody, WaterClass } from './WaterClass.ts';
import { waterClassRank } from './WaterClass.ts';
import type { WaterIndicatorStandard, WaterQualityStandard } from './WaterQualityStandard.ts';
import { classLimits } from './classifyWaterIndicator.ts';

export interface ClassedValue {
  readonly indicator: WaterIndicatorStandard;
  readonly value: number;
  readonly waterClass: WaterClass;
}

export interface WaterPollutant {
  readonly code: string;
  readonly waterClass: WaterClass;
  /** (C − limit) / limit against the reference class; null for DO and pH. */
  readonly multiple: number | null;
}

function pollutantsWorseThan(values: readonly ClassedValue[], reference: WaterClass, waterBody: WaterBody): WaterPollutant[] {
  const rank = waterClassRank(reference);
  return values
    .filter((v) => waterClassRank(v.waterClass) > rank)
    .map((v) => {
      const limit = classLimits(v.indicator, waterBody)[rank - 1];
      const multiple = v.indicator.hasMultiple && limit ? exceedanceMultiple(limit, v.value) : null;
      return { code: v.indicator.code, waterClass: v.waterClass, multiple };
    })
    .sort(
      (a, b) =>
        waterClassRank(b.waterClass) - waterClassRank(a.waterClass) ||
        (b.multiple ?? -Infinity) - (a.multiple ?? -Infinity) ||
        a.code.localeCompare(b.code),
    );
}

export function mainPollutants(
  standard: WaterQualityStandard,
  values: readonly ClassedValue[],
  sectionClass: WaterClass,
  waterBody: WaterBody,
): WaterPollutant[] {
  const base = standard.mainPollutantBase;
  if (waterClassRank(sectionClass) <= waterClassRank(base)) return [];
  return pollutantsWorseThan(values, base, waterBody).slice(0, standard.mainPollutantCount);
}

export function targetExceedances(values: readonly ClassedValue[], target: WaterClass, waterBody: WaterBody): WaterPollutant[] {
  if (target === 'WORSE_THAN_V') return [];
  return pollutantsWorseThan(values, target, waterBody);
}
