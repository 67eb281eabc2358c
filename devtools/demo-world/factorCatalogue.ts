/**
 * The factor sets each kind of station reports, with HJ 212-2017 Appendix B codes (docs/hj212.md, "Pollutant codes").
 * Units are the station's: ambient air stations (ST=22) report gases and particles in µg/m³ and CO
 * in mg/m³ (HJ 633), while stacks (ST=31) report mg/m³ — so the unit is never derived from the code.
 */
import type { FactorRecord } from '../../subgraphs/kit/model.ts';

const f = (code: string, name: string, unit: string): FactorRecord => ({ code, name, unit });

/** The 9 parameters of the national surface-water automatic network, reported every 4 hours. */
export const SURFACE_WATER_FACTORS: readonly FactorRecord[] = [
  f('w01010', '水温', '°C'),
  f('w01001', 'pH值', '无量纲'),
  f('w01009', '溶解氧', 'mg/L'),
  f('w01003', '浊度', 'NTU'),
  f('w01014', '电导率', 'µS/cm'),
  f('w01019', '高锰酸盐指数', 'mg/L'),
  f('w21003', '氨氮', 'mg/L'),
  f('w21011', '总磷', 'mg/L'),
  f('w21001', '总氮', 'mg/L'),
];

/** The six pollutants of an ambient air station (GB 3095 basic items), hourly. */
export const AMBIENT_AIR_FACTORS: readonly FactorRecord[] = [
  f('a34004', '细颗粒物（PM2.5）', 'µg/m³'),
  f('a34002', '可吸入颗粒物（PM10）', 'µg/m³'),
  f('a21026', '二氧化硫', 'µg/m³'),
  f('a21004', '二氧化氮', 'µg/m³'),
  f('a21005', '一氧化碳', 'mg/m³'),
  f('a05024', '臭氧', 'µg/m³'),
];

/** A waste-water outlet (ST=32). */
export const WASTE_WATER_FACTORS: readonly FactorRecord[] = [
  f('w01018', '化学需氧量', 'mg/L'),
  f('w21003', '氨氮', 'mg/L'),
  f('w21011', '总磷', 'mg/L'),
  f('w01001', 'pH值', '无量纲'),
  f('w00000', '污水流量', 'L/s'),
];

/** A stack (ST=31). */
export const WASTE_GAS_FACTORS: readonly FactorRecord[] = [
  f('a21026', '二氧化硫', 'mg/m³'),
  f('a21002', '氮氧化物', 'mg/m³'),
  f('a34013', '烟尘', 'mg/m³'),
  f('a00000', '废气流量', 'm³/s'),
];
