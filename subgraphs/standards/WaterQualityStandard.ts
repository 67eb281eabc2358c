/** The shape of a surface-water quality standard as data (GB 3838 and any later edition). */
import type { Limit } from './Limit.ts';
import type { StandardRef } from './StandardRef.ts';

/**
 * EVALUATED counts in the section class; REFERENCE is classed and reported but never sets it —
 * 《地表水环境质量评价办法（试行）》（环办〔2011〕22号）: the evaluation indicators are the 21 items of
 * GB 3838-2002 表1 other than water temperature, total nitrogen and fecal coliform, for rivers and
 * lakes/reservoirs alike; TN of a lake or reservoir is reported apart (with the nutrient indicators).
 */
export type IndicatorRole = 'EVALUATED' | 'REFERENCE';

/** How a period mean is formed: pH averages hydrogen-ion activity, the rest arithmetically. */
export type MeanMethod = 'ARITHMETIC' | 'HYDROGEN_ION';

export interface WaterIndicatorStandard {
  /** HJ 212 factor code. */
  readonly code: string;
  readonly role: IndicatorRole;
  /** Limits of classes I–V, in order, for rivers (and for lakes unless `lake` is given). */
  readonly river: readonly Limit[];
  /** Lake/reservoir limits where they differ (TP). */
  readonly lake?: readonly Limit[];
  /** Whether the 评价办法 defines an exceedance multiple (not for DO and pH). */
  readonly hasMultiple: boolean;
  readonly mean: MeanMethod;
  readonly note?: string;
}

export interface WaterQualityStandard {
  readonly ref: StandardRef;
  readonly title: string;
  readonly inForceFrom: string;
  readonly indicators: readonly WaterIndicatorStandard[];
  /** Codes accepted in a sample but never classed (water temperature, turbidity, conductivity). */
  readonly unclassed: readonly string[];
  /** Alternative codes for the same indicator, mapped to the code used in `indicators`. */
  readonly aliases: Readonly<Record<string, string>>;
  /** 主要污染指标: at most this many, named when the section is worse than `mainPollutantBase`. */
  readonly mainPollutantCount: number;
  readonly mainPollutantBase: 'III';
}
