/**
 * A limit as an inclusive interval: GB 3838 uses "≤" for most items, "≥" for DO and a 6–9 range for
 * pH (GB 3838-2002 表1); GB 3095 and discharge standards are ceilings. `null` = unbounded on that side.
 */
export interface Limit {
  readonly min: number | null;
  readonly max: number | null;
  readonly unit: string;
}

export function isWithinLimit(limit: Limit, value: number): boolean {
  return (limit.min === null || value >= limit.min) && (limit.max === null || value <= limit.max);
}

/**
 * Exceedance multiple (超标倍数) = (C − limit) / limit, for ceilings only: the 评价办法 defines no
 * multiple for floors (DO) or ranges (pH) (环办〔2011〕22号 [unverified]; docs/water-quality.md). Null when undefined or not exceeded.
 */
export function exceedanceMultiple(limit: Limit, value: number): number | null {
  if (limit.min !== null || limit.max === null || limit.max <= 0 || value <= limit.max) return null;
  return cleanNumber((value - limit.max) / limit.max);
}

/** Drops binary floating-point noise (0.6200000000000001 → 0.62) before comparing or rounding up. */
export function cleanNumber(value: number): number {
  return Number(value.toPrecision(12));
}

/** '≤ 1 mg/L', '≥ 5 mg/L', '6–9' — for reason sentences. */
export function describeLimit(limit: Limit): string {
  const unit = limit.unit ? ` ${limit.unit}` : '';
  if (limit.min !== null && limit.max !== null) return `${limit.min}–${limit.max}${unit}`;
  if (limit.min !== null) return `≥ ${limit.min}${unit}`;
  return `≤ ${limit.max ?? '∞'}${unit}`;
}
