/**
 * Display names of the HJ 212-2017 Appendix B factor codes used by the standards here
 * (docs/hj212.md, "Pollutant codes"). a05024 (O3) is not in Appendix B but is what air stations send
 * (probably from HJ 524-2009; unverified as a standard code). Codes w20128 (Se) and w20141 (As) come
 * from sm1lewc/Journey.SurfaceWater's GB 3838 table.
 */
export interface PollutantName {
  readonly zh: string;
  readonly en: string;
}

export const POLLUTANT_NAMES: Readonly<Record<string, PollutantName>> = {
  w00000: { zh: '污水流量', en: 'waste-water flow' },
  w01001: { zh: 'pH', en: 'pH' },
  w01003: { zh: '浊度', en: 'turbidity' },
  w01009: { zh: '溶解氧', en: 'DO' },
  w01010: { zh: '水温', en: 'water temperature' },
  w01012: { zh: '悬浮物', en: 'SS' },
  w01014: { zh: '电导率', en: 'conductivity' },
  w01017: { zh: '五日生化需氧量', en: 'BOD5' },
  w01018: { zh: '化学需氧量', en: 'COD' },
  w01019: { zh: '高锰酸盐指数', en: 'CODMn' },
  w02003: { zh: '粪大肠菌群', en: 'fecal coliform' },
  w19002: { zh: '阴离子表面活性剂', en: 'LAS' },
  w20111: { zh: '汞', en: 'Hg' },
  w20115: { zh: '镉', en: 'Cd' },
  w20117: { zh: '六价铬', en: 'Cr(VI)' },
  w20119: { zh: '砷', en: 'As' },
  w20120: { zh: '铅', en: 'Pb' },
  w20122: { zh: '铜', en: 'Cu' },
  w20123: { zh: '锌', en: 'Zn' },
  w20128: { zh: '硒', en: 'Se' },
  w20141: { zh: '砷', en: 'As' },
  w21001: { zh: '总氮', en: 'TN' },
  w21003: { zh: '氨氮', en: 'NH3-N' },
  w21011: { zh: '总磷', en: 'TP' },
  w21016: { zh: '氰化物', en: 'cyanide' },
  w21017: { zh: '氟化物', en: 'fluoride' },
  w21019: { zh: '硫化物', en: 'sulfide' },
  w22001: { zh: '石油类', en: 'petroleum' },
  w23002: { zh: '挥发酚', en: 'volatile phenol' },
  a05024: { zh: '臭氧', en: 'O3' },
  a21002: { zh: '氮氧化物', en: 'NOx' },
  a21004: { zh: '二氧化氮', en: 'NO2' },
  a21005: { zh: '一氧化碳', en: 'CO' },
  a21026: { zh: '二氧化硫', en: 'SO2' },
  a34002: { zh: 'PM10', en: 'PM10' },
  a34004: { zh: 'PM2.5', en: 'PM2.5' },
  a34013: { zh: '烟尘', en: 'smoke dust' },
};

/** The name of a code, falling back to the code itself so sentences never say "undefined". */
export function pollutantName(code: string): PollutantName {
  return POLLUTANT_NAMES[code] ?? { zh: code, en: code };
}
