/**
 * Whether a section improved on its comparison period. A class change decides; within the same class
 * the pollution index decides — the mean of C / S over the agreement's indicators, S being the
 * target-class ceiling (综合污染指数 style). The published templates do not say how 改善 is measured
 * (docs/compensation.md), so this rule is a choice [unverified]; floors and ranges (DO, pH) are left out of the index.
 */
import { cleanNumber } from './Limit.ts';
import type { StandardRef } from './StandardRef.ts';
import type { WaterBody, WaterClass } from './WaterClass.ts';
import { waterClassRank } from './WaterClass.ts';
import type { Trend } from './CompensationAgreement.ts';
import { classLimits } from './classifyWaterIndicator.ts';
import { findWaterIndicator, findWaterStandard } from './waterStandards.ts';

export interface ClassAndMeans {
  readonly waterClass: WaterClass;
  readonly means?: readonly { readonly code: string; readonly value: number }[];
}

export function pollutionIndex(
  means: readonly { readonly code: string; readonly value: number }[],
  targetClass: WaterClass,
  waterBody: WaterBody,
  standardRef?: StandardRef,
): Map<string, number> {
  const standard = findWaterStandard(standardRef);
  const rank = Math.min(waterClassRank(targetClass), 5);
  const ratios = new Map<string, number>();
  for (const { code, value } of means) {
    const indicator = findWaterIndicator(standard, code);
    const limit = indicator ? classLimits(indicator, waterBody)[rank - 1] : undefined;
    if (indicator && limit && limit.min === null && limit.max !== null && limit.max > 0) ratios.set(indicator.code, value / limit.max);
  }
  return ratios;
}

export function sectionTrend(
  current: ClassAndMeans,
  previous: ClassAndMeans | null,
  targetClass: WaterClass,
  waterBody: WaterBody,
  standard?: StandardRef,
): { trend: Trend; basis: 'CLASS' | 'POLLUTION_INDEX' | 'NONE' } {
  if (!previous) return { trend: 'UNKNOWN', basis: 'NONE' };
  const delta = waterClassRank(current.waterClass) - waterClassRank(previous.waterClass);
  if (delta !== 0) return { trend: delta < 0 ? 'IMPROVED' : 'WORSENED', basis: 'CLASS' };
  if (!current.means || !previous.means) return { trend: 'STABLE', basis: 'CLASS' };
  const now = pollutionIndex(current.means, targetClass, waterBody, standard);
  const before = pollutionIndex(previous.means, targetClass, waterBody, standard);
  const shared = [...now.keys()].filter((code) => before.has(code));
  if (shared.length === 0) return { trend: 'STABLE', basis: 'CLASS' };
  const mean = (m: Map<string, number>) => cleanNumber(shared.reduce((s, code) => s + (m.get(code) ?? 0), 0) / shared.length);
  const change = mean(now) - mean(before);
  return { trend: change < 0 ? 'IMPROVED' : change > 0 ? 'WORSENED' : 'STABLE', basis: 'POLLUTION_INDEX' };
}
