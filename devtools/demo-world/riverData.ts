/**
 * Rivers crossing the six areas, with the commonly cited main-stem length and, per area, a rough
 * course (a few WGS-84 vertices, ±2 km) used to put stations and projects on the water. Lengths of
 * the small rivers (任市河, 大清流河, 郪江, 濑溪河) are approximate values from secondary sources.
 */
import type { CityCode, GeoPoint, RiverRecord, WaterClass } from '../../subgraphs/kit/model.ts';

export interface RiverFact {
  readonly record: RiverRecord;
  /** The class its ordinary monitoring stations are held to when they are not assessment sections. */
  readonly usualClass: WaterClass;
  /** Course through each area, upstream first. */
  readonly courses: Readonly<Partial<Record<CityCode, readonly GeoPoint[]>>>;
  /** Reaches named in patrol records. */
  readonly reaches: readonly string[];
}

const p = (longitude: number, latitude: number): GeoPoint => ({ longitude, latitude });

const river = (
  id: string, name: string, nameEn: string, basin: string, lengthKm: number, cityCodes: readonly CityCode[],
): RiverRecord => ({ id, name, nameEn, basin, lengthKm, cityCodes });

export const RIVER_FACTS: readonly RiverFact[] = [
  {
    record: river('changjiang', '长江', 'Yangtze River', '长江流域', 6300, ['510500', '500000']),
    usualClass: 'II',
    courses: {
      '510500': [p(105.25, 28.78), p(105.37, 28.82), p(105.44, 28.89), p(105.6, 28.85), p(105.83, 28.81), p(105.85, 29.02)],
      '500000': [p(105.85, 29.02), p(106.05, 29.1), p(106.26, 29.29), p(106.45, 29.45), p(106.58, 29.56), p(106.6, 29.61), p(107.08, 29.83)],
    },
    reaches: ['长江合江县至朱沱断面段', '长江泸州城区段', '长江朱沱至江津段', '长江沙溪口至泸州城区段'],
  },
  {
    record: river('jialingjiang', '嘉陵江', 'Jialing River', '长江流域嘉陵江水系', 1132, ['511600', '500000']),
    usualClass: 'II',
    courses: {
      '511600': [p(106.2, 30.55), p(106.29, 30.35), p(106.36, 30.23), p(106.34, 30.15)],
      '500000': [p(106.34, 30.15), p(106.27, 29.99), p(106.43, 29.83), p(106.58, 29.57)],
    },
    reaches: ['嘉陵江武胜县烈面镇至合川区利泽断面段', '嘉陵江武胜县城区段', '嘉陵江合川城区至北碚段'],
  },
  {
    record: river('fujiang', '涪江', 'Fu River', '长江流域嘉陵江水系', 700, ['510900', '500152', '500000']),
    usualClass: 'II',
    courses: {
      '510900': [p(105.39, 30.87), p(105.5, 30.65), p(105.58, 30.5), p(105.66, 30.38), p(105.74, 30.27)],
      '500152': [p(105.74, 30.27), p(105.82, 30.2), p(105.84, 30.12), p(105.9, 30.03)],
      '500000': [p(105.9, 30.03), p(106.05, 29.97), p(106.27, 29.99)],
    },
    reaches: ['涪江遂宁城区至潼南玉溪镇段', '涪江玉溪断面上下游各5公里段', '涪江双江航电枢纽库区段', '涪江潼南城区至铜梁安居段'],
  },
  {
    record: river('qiongjiang', '琼江', 'Qiong River', '长江流域嘉陵江水系', 239, ['510900', '500152', '500000']),
    usualClass: 'III',
    courses: {
      '510900': [p(105.3, 30.28), p(105.45, 30.3), p(105.56, 30.21), p(105.66, 30.13)],
      '500152': [p(105.66, 30.13), p(105.75, 30.05), p(105.85, 30.0)],
      '500000': [p(105.85, 30.0), p(105.97, 29.97)],
    },
    reaches: ['琼江大安断面至光辉断面段', '琼江安居区白马镇至潼南区光辉镇段', '琼江光辉镇至柏梓镇段', '琼江潼南至铜梁安居镇入涪江口段'],
  },
  {
    record: river('qujiang', '渠江', 'Qu River', '长江流域嘉陵江水系', 720, ['511600', '500000']),
    usualClass: 'III',
    courses: {
      '511600': [p(106.85, 30.7), p(106.64, 30.48), p(106.55, 30.3), p(106.45, 30.18)],
      '500000': [p(106.45, 30.18), p(106.35, 30.05), p(106.28, 29.99)],
    },
    reaches: ['渠江广安城区至合川区段', '渠江肖溪断面上游段', '渠江合川区入嘉陵江口段'],
  },
  {
    record: river('laixihe', '濑溪河', 'Laixi River', '长江流域沱江水系', 238, ['500000', '500153', '510500']),
    usualClass: 'III',
    courses: {
      '500000': [p(105.78, 29.75), p(105.7, 29.6)],
      '500153': [p(105.7, 29.6), p(105.6, 29.42), p(105.52, 29.3)],
      '510500': [p(105.52, 29.3), p(105.4, 29.14), p(105.38, 28.98)],
    },
    reaches: ['濑溪河荣昌城区至泸县界段', '濑溪河高洞电站断面上游段', '濑溪河大足至荣昌段'],
  },
  {
    record: river('tuojiang', '沱江', 'Tuo River', '长江流域沱江水系', 712, ['510500']),
    usualClass: 'III',
    courses: { '510500': [p(105.2, 29.15), p(105.3, 29.02), p(105.43, 28.91)] },
    reaches: ['沱江泸县段', '沱江大磨子断面至入长江口段'],
  },
  {
    record: river('chishuihe', '赤水河', 'Chishui River', '长江流域赤水河水系', 436.5, ['510500']),
    usualClass: 'II',
    courses: { '510500': [p(105.95, 28.1), p(105.9, 28.4), p(105.85, 28.6), p(105.83, 28.78)] },
    reaches: ['赤水河古蔺县二郎镇至太平镇段', '赤水河合江县入长江口段'],
  },
  {
    record: river('renshihe', '任市河', 'Renshi River', '长江流域', 120, ['511600', '500000']),
    usualClass: 'III',
    courses: {
      '511600': [p(106.95, 30.3), p(107.02, 30.2), p(107.05, 30.15)],
      '500000': [p(107.05, 30.15), p(107.1, 30.05)],
    },
    reaches: ['任市河邻水县任市镇至川渝界段', '任市河（新盛河）川渝界上下游段'],
  },
  {
    record: river('daqingliuhe', '大清流河', 'Daqingliu River', '长江流域沱江水系', 122, ['500153']),
    usualClass: 'III',
    courses: { '500153': [p(105.55, 29.58), p(105.5, 29.49), p(105.42, 29.4)] },
    reaches: ['大清流河荣昌区清流镇段', '大清流河荣昌出境段'],
  },
  {
    record: river('qijiang', '郪江', 'Qi River', '长江流域嘉陵江水系', 190, ['510900']),
    usualClass: 'III',
    courses: { '510900': [p(105.2, 30.65), p(105.28, 30.72), p(105.38, 30.78)] },
    reaches: ['郪江大英县段', '郪江射洪市入涪江口段'],
  },
];

export function riverFact(id: string): RiverFact {
  const fact = RIVER_FACTS.find((r) => r.record.id === id);
  if (!fact) throw new RangeError(`no river ${id}`);
  return fact;
}

/** Rivers with a course through the area, in table order. */
export function riversOf(cityCode: CityCode): readonly RiverFact[] {
  return RIVER_FACTS.filter((r) => r.courses[cityCode] !== undefined);
}
