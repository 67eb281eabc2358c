/**
 * AQI levels, categories and official colours (HJ 633-2012 表2 and 附录A).
 */
export interface AqiColor {
  readonly name: string;
  readonly nameEn: string;
  readonly hex: string;
  readonly rgb: readonly [number, number, number];
  readonly cmyk: readonly [number, number, number, number];
}

export interface AqiLevel {
  readonly level: 1 | 2 | 3 | 4 | 5 | 6;
  /** 一级 … 六级 */
  readonly levelName: string;
  /** 优 … 严重污染 */
  readonly category: string;
  readonly categoryEn: string;
  /** Inclusive AQI range; the top level is open-ended. */
  readonly minAqi: number;
  readonly maxAqi: number | null;
  readonly color: AqiColor;
}

export const AQI_LEVELS: readonly AqiLevel[] = [
  { level: 1, levelName: '一级', category: '优', categoryEn: 'excellent', minAqi: 0, maxAqi: 50,
    color: { name: '绿色', nameEn: 'green', hex: '#00E400', rgb: [0, 228, 0], cmyk: [40, 0, 100, 0] } },
  { level: 2, levelName: '二级', category: '良', categoryEn: 'good', minAqi: 51, maxAqi: 100,
    color: { name: '黄色', nameEn: 'yellow', hex: '#FFFF00', rgb: [255, 255, 0], cmyk: [0, 0, 100, 0] } },
  { level: 3, levelName: '三级', category: '轻度污染', categoryEn: 'lightly polluted', minAqi: 101, maxAqi: 150,
    color: { name: '橙色', nameEn: 'orange', hex: '#FF7E00', rgb: [255, 126, 0], cmyk: [0, 52, 100, 0] } },
  { level: 4, levelName: '四级', category: '中度污染', categoryEn: 'moderately polluted', minAqi: 151, maxAqi: 200,
    color: { name: '红色', nameEn: 'red', hex: '#FF0000', rgb: [255, 0, 0], cmyk: [0, 100, 100, 0] } },
  { level: 5, levelName: '五级', category: '重度污染', categoryEn: 'heavily polluted', minAqi: 201, maxAqi: 300,
    color: { name: '紫色', nameEn: 'purple', hex: '#99004C', rgb: [153, 0, 76], cmyk: [10, 100, 40, 30] } },
  { level: 6, levelName: '六级', category: '严重污染', categoryEn: 'severely polluted', minAqi: 301, maxAqi: null,
    color: { name: '褐红色', nameEn: 'maroon', hex: '#7E0023', rgb: [126, 0, 35], cmyk: [30, 100, 100, 30] } },
];

/** The level of an (integer, rounded-up) AQI. */
export function aqiLevel(aqi: number): AqiLevel {
  const found = AQI_LEVELS.find((l) => aqi <= (l.maxAqi ?? Infinity));
  return found ?? (AQI_LEVELS[AQI_LEVELS.length - 1] as AqiLevel);
}
