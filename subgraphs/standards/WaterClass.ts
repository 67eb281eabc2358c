/**
 * GB 3838-2002 water-quality classes, best first, and the wording reports use for them
 * (环办〔2011〕22号: "符合 X 类" / "劣于 V 类"; qualitative descriptors I–II 优 … 劣V 重度污染).
 */
import { StandardsInputError } from './StandardsInputError.ts';

export type WaterClass = 'I' | 'II' | 'III' | 'IV' | 'V' | 'WORSE_THAN_V';
export type WaterBody = 'RIVER' | 'LAKE';

/** Classes I–V carry limits; 劣V is "none of them met". */
export const LIMITED_WATER_CLASSES = ['I', 'II', 'III', 'IV', 'V'] as const;
export const WATER_CLASSES: readonly WaterClass[] = [...LIMITED_WATER_CLASSES, 'WORSE_THAN_V'];

/** 1 (I) … 6 (劣V): larger is worse. */
export function waterClassRank(waterClass: WaterClass): number {
  const rank = WATER_CLASSES.indexOf(waterClass);
  if (rank < 0) throw new StandardsInputError('UNKNOWN_CLASS', `unknown water class ${String(waterClass)}`);
  return rank + 1;
}

export function worstWaterClass(classes: readonly WaterClass[]): WaterClass {
  return classes.reduce<WaterClass>((worst, c) => (waterClassRank(c) > waterClassRank(worst) ? c : worst), 'I');
}

/** 达标: the same class as the target or better (docs/water-quality.md, "达标"). */
export function meetsWaterTarget(actual: WaterClass, target: WaterClass): boolean {
  return waterClassRank(actual) <= waterClassRank(target);
}

/** Roman numerals as printed in reports: 'Ⅲ', '劣Ⅴ'. */
export const WATER_CLASS_LABELS: Readonly<Record<WaterClass, string>> = {
  I: 'Ⅰ', II: 'Ⅱ', III: 'Ⅲ', IV: 'Ⅳ', V: 'Ⅴ', WORSE_THAN_V: '劣Ⅴ',
};

/** 水质状况 descriptors (环办〔2011〕22号). */
export const WATER_CLASS_DESCRIPTORS: Readonly<Record<WaterClass, string>> = {
  I: '优', II: '优', III: '良好', IV: '轻度污染', V: '中度污染', WORSE_THAN_V: '重度污染',
};
