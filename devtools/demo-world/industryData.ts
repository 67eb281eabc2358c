/**
 * Industries of the registry (names follow GB/T 4754 国民经济行业分类 wording, shortened), what each
 * discharges, the emission standard its outlet is held to, and each area's industrial mix (泸州's
 * liquor, 遂宁's lithium and circuit boards, 荣昌's pigs and pottery, 长寿's chemicals …).
 * Limits are the usual direct-discharge values of the cited standards, in mg/L or mg/m³ **[approximate]**.
 */
import type { CityCode } from '../../subgraphs/kit/model.ts';

export type Discharge = 'WATER' | 'GAS';

export interface DischargeStandard {
  readonly name: string;
  /** Factor code → limit. */
  readonly limits: Readonly<Record<string, number>>;
}

export const WATER_STANDARDS = {
  general: { name: '《污水综合排放标准》（GB 8978-1996）表4一级标准', limits: { w01018: 100, w21003: 15, w21011: 0.5 } },
  liquor: { name: '《发酵酒精和白酒工业水污染物排放标准》（GB 27631-2011）', limits: { w01018: 100, w21003: 10, w21011: 1.0 } },
  plating: { name: '《电镀污染物排放标准》（GB 21900-2008）表2', limits: { w01018: 80, w21003: 15, w21011: 1.0 } },
  wwtp: { name: '《城镇污水处理厂污染物排放标准》（GB 18918-2002）一级A标准', limits: { w01018: 50, w21003: 5, w21011: 0.5 } },
  paper: { name: '《制浆造纸工业水污染物排放标准》（GB 3544-2008）', limits: { w01018: 80, w21003: 8, w21011: 0.8 } },
  dyeing: { name: '《纺织染整工业水污染物排放标准》（GB 4287-2012）', limits: { w01018: 80, w21003: 10, w21011: 0.5 } },
  pharma: { name: '《化学合成类制药工业水污染物排放标准》（GB 21904-2008）', limits: { w01018: 120, w21003: 25, w21011: 1.0 } },
  livestock: { name: '《畜禽养殖业污染物排放标准》（GB 18596-2001）', limits: { w01018: 400, w21003: 80, w21011: 8.0 } },
} as const satisfies Record<string, DischargeStandard>;

export const GAS_STANDARDS = {
  boiler: { name: '《锅炉大气污染物排放标准》（GB 13271-2014）', limits: { a21026: 300, a21002: 300, a34013: 50 } },
  power: { name: '《火电厂大气污染物排放标准》（GB 13223-2011）', limits: { a21026: 100, a21002: 100, a34013: 30 } },
  cement: { name: '《水泥工业大气污染物排放标准》（GB 4915-2013）', limits: { a21026: 200, a21002: 400, a34013: 30 } },
  glass: { name: '《平板玻璃工业大气污染物排放标准》（GB 26453-2011）', limits: { a21026: 400, a21002: 700, a34013: 50 } },
  ceramic: { name: '《陶瓷工业污染物排放标准》（GB 25464-2010）', limits: { a21026: 300, a21002: 240, a34013: 50 } },
} as const satisfies Record<string, DischargeStandard>;

export interface IndustryFact {
  readonly name: string;
  readonly discharge: Discharge;
  readonly nameSuffixes: readonly string[];
  readonly waterStandard: keyof typeof WATER_STANDARDS;
  readonly gasStandard: keyof typeof GAS_STANDARDS;
}

const industry = (
  name: string, discharge: Discharge, nameSuffixes: readonly string[],
  waterStandard: keyof typeof WATER_STANDARDS = 'general', gasStandard: keyof typeof GAS_STANDARDS = 'boiler',
): IndustryFact => ({ name, discharge, nameSuffixes, waterStandard, gasStandard });

export const INDUSTRIES = {
  liquor: industry('白酒制造', 'WATER', ['酒业有限公司', '酿酒有限公司', '酒业股份有限公司', '酒厂有限责任公司'], 'liquor'),
  chemical: industry('基础化学原料制造', 'WATER', ['化工有限公司', '化工股份有限公司', '化学工业有限公司']),
  fertilizer: industry('氮肥制造', 'GAS', ['化肥有限公司', '天然气化工有限公司']),
  plating: industry('金属表面处理及热处理加工（电镀）', 'WATER', ['表面处理有限公司', '电镀有限公司', '金属表面处理有限公司'], 'plating'),
  dyeing: industry('棉印染精加工', 'WATER', ['印染有限公司', '纺织印染有限公司', '染整有限公司'], 'dyeing'),
  power: industry('火力发电', 'GAS', ['发电有限责任公司', '热电有限公司', '电力有限公司'], 'general', 'power'),
  food: industry('食品加工', 'WATER', ['食品有限公司', '食品股份有限公司', '粮油有限公司']),
  wwtp: industry('污水处理及其再生利用', 'WATER', ['水务有限公司', '污水处理有限公司', '环保水务有限公司'], 'wwtp'),
  paper: industry('机制纸及纸板制造（造纸）', 'WATER', ['纸业有限公司', '造纸有限公司'], 'paper'),
  pharma: industry('化学药品原料药制造（医药）', 'WATER', ['药业有限公司', '制药有限公司', '生物医药有限公司'], 'pharma'),
  cement: industry('水泥制造', 'GAS', ['水泥有限公司', '建材有限公司'], 'general', 'cement'),
  lithium: industry('锂离子电池制造', 'WATER', ['锂电科技有限公司', '新能源科技有限公司', '锂业有限公司']),
  pcb: industry('电子电路制造', 'WATER', ['电子科技有限公司', '电路科技有限公司'], 'plating'),
  auto: industry('汽车整车制造', 'GAS', ['汽车有限公司', '汽车制造有限公司']),
  autoParts: industry('汽车零部件及配件制造', 'GAS', ['汽车零部件有限公司', '机械制造有限公司']),
  pigs: industry('生猪养殖', 'WATER', ['牧业有限公司', '生猪养殖有限公司', '农牧科技有限公司'], 'livestock'),
  meat: industry('畜禽屠宰及肉制品加工', 'WATER', ['肉类加工有限公司', '肉食品有限公司']),
  ceramic: industry('陶瓷制品制造', 'GAS', ['陶瓷有限公司', '陶业有限公司'], 'general', 'ceramic'),
  glass: industry('平板玻璃制造', 'GAS', ['玻璃有限公司', '玻璃科技有限公司'], 'general', 'glass'),
  steel: industry('炼钢', 'GAS', ['钢铁有限公司', '特钢有限公司']),
  hazardousWaste: industry('危险废物治理', 'GAS', ['环保科技有限公司', '环境服务有限公司']),
  leather: industry('皮革鞣制加工', 'WATER', ['皮革有限公司', '制革有限公司']),
  coal: industry('煤炭开采和洗选', 'WATER', ['煤业有限公司', '矿业有限公司']),
} as const satisfies Record<string, IndustryFact>;

export type IndustryKey = keyof typeof INDUSTRIES;

/** Each area's industry mix, as relative weights. */
export const CITY_INDUSTRIES: Readonly<Record<CityCode, ReadonlyArray<readonly [IndustryKey, number]>>> = {
  '500000': [['auto', 10], ['chemical', 12], ['power', 6], ['steel', 5], ['pharma', 10], ['pcb', 8], ['wwtp', 10], ['hazardousWaste', 6], ['cement', 6], ['plating', 8], ['paper', 5], ['dyeing', 4], ['food', 8], ['autoParts', 6]],
  '500152': [['chemical', 15], ['food', 20], ['glass', 8], ['wwtp', 10], ['pigs', 10], ['plating', 8], ['pharma', 8], ['dyeing', 5], ['cement', 6], ['autoParts', 6]],
  '500153': [['pigs', 15], ['meat', 10], ['ceramic', 12], ['food', 10], ['pharma', 10], ['pcb', 8], ['wwtp', 10], ['leather', 5], ['dyeing', 5], ['plating', 5], ['paper', 5]],
  '510500': [['liquor', 35], ['chemical', 10], ['fertilizer', 4], ['power', 3], ['food', 8], ['wwtp', 8], ['pharma', 6], ['paper', 4], ['cement', 4], ['plating', 5], ['coal', 3]],
  '510900': [['lithium', 12], ['pcb', 15], ['food', 12], ['pharma', 8], ['dyeing', 8], ['chemical', 8], ['wwtp', 10], ['plating', 8], ['paper', 4], ['cement', 4], ['liquor', 4]],
  '511600': [['power', 5], ['cement', 10], ['chemical', 12], ['food', 12], ['wwtp', 10], ['autoParts', 8], ['pcb', 8], ['coal', 5], ['dyeing', 5], ['paper', 5], ['pigs', 8], ['glass', 4]],
};

export function industryByName(name: string): IndustryFact {
  const fact = Object.values(INDUSTRIES).find((i) => i.name === name);
  if (!fact) throw new RangeError(`no industry named ${name}`);
  return fact;
}
