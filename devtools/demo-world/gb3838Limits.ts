/**
 * GB 3838-2002 Table 1 limits for the factors a surface-water automatic station assesses
 * (TP for rivers; see docs/water-quality.md). DO is a floor ("≥"), the others ceilings ("≤"); boundaries inclusive.
 */
import type { WaterClass } from '../../subgraphs/kit/model.ts';

export const GB3838_CLASSES = ['I', 'II', 'III', 'IV', 'V'] as const;

export const GB3838_LIMITS: Readonly<Record<string, { readonly floor: boolean; readonly limits: readonly number[] }>> = {
  w01009: { floor: true, limits: [7.5, 6, 5, 3, 2] },
  w01019: { floor: false, limits: [2, 4, 6, 10, 15] },
  w21003: { floor: false, limits: [0.15, 0.5, 1.0, 1.5, 2.0] },
  w21011: { floor: false, limits: [0.02, 0.1, 0.2, 0.3, 0.4] },
};

/** The class limit of `code` for `waterClass`; null for 劣V or an unassessed factor. */
export function classLimit(code: string, waterClass: WaterClass): number | null {
  const entry = GB3838_LIMITS[code];
  const index = (GB3838_CLASSES as readonly string[]).indexOf(waterClass);
  if (!entry || index < 0) return null;
  return entry.limits[index] ?? null;
}

/** Whether a (period-mean) value is within the class limit; true for factors the table does not assess. */
export function meetsClass(code: string, value: number, waterClass: WaterClass): boolean {
  const limit = classLimit(code, waterClass);
  if (limit === null) return waterClass === 'WORSE_THAN_V' || !GB3838_LIMITS[code];
  return GB3838_LIMITS[code]?.floor ? value >= limit : value <= limit;
}
