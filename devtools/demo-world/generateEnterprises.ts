/**
 * One area's part of the enterprise registry: names, industries, addresses, GB 32100 credit codes
 * registered in the enterprise's county, and the bureau's supervision positive list
 * (监督执法正面清单, 环办执法〔2021〕10号; docs/enforcement.md).
 */
import type { CityCode, EnterpriseRecord, EpochMs, PositiveListEntryRecord } from '../../subgraphs/kit/model.ts';
import type { Rng } from './createRng.ts';
import { makeCreditCode, randomOrgCodeBase } from './creditCode.ts';
import { DAY_MS, isoDate, startOfIsoDate } from './cstTime.ts';
import { scatter } from './geo.ts';
import { CITY_INDUSTRIES, INDUSTRIES } from './industryData.ts';
import { scaled } from './localId.ts';
import { brandName, roadAddress } from './namePool.ts';
import { cityFact, countyNamePrefix } from './regionData.ts';

export const POSITIVE_LIST_TYPE = '监督执法正面清单（非现场检查为主）';

/** Registry size and positive-list length per area at scale 1 (泸州's list has 150 enterprises). */
export const ENTERPRISE_COUNTS: Readonly<Record<CityCode, { readonly registry: number; readonly positiveList: number }>> = {
  '500000': { registry: 140, positiveList: 40 },
  '500152': { registry: 70, positiveList: 20 },
  '500153': { registry: 70, positiveList: 20 },
  '510500': { registry: 240, positiveList: 150 },
  '510900': { registry: 90, positiveList: 30 },
  '511600': { registry: 90, positiveList: 25 },
};

const CRITERIA = [
  '民生保障重点企业',
  '污染物排放量小、吸纳就业能力强',
  '重点工程项目，近一年无严重环境违法行为',
  '近一年无环境违法行为',
  '环境信用评价良好及以上',
  '污染物排放稳定达标',
] as const;
const CEMS_CRITERION = '安装自动监测设备并与生态环境部门联网，稳定运行';
const REMOVAL_REASONS = ['发生环境违法行为被立案查处', '在线监测数据多次超标', '环境信用评价等级下降', '企业停产，不再符合清单条件'];

export interface EnterpriseOptions {
  readonly cityCode: CityCode;
  readonly scale: number;
  readonly until: EpochMs;
  /** Names already used elsewhere in the registry; new names are added to it. */
  readonly usedNames: Set<string>;
}

export function generateEnterprises(rng: Rng, { cityCode, scale, until, usedNames }: EnterpriseOptions): EnterpriseRecord[] {
  const fact = cityFact(cityCode);
  const counts = ENTERPRISE_COUNTS[cityCode];
  if (!counts) throw new RangeError(`no enterprise counts for ${cityCode}`);
  const listed = scaled(counts.positiveList, scale);
  const total = Math.max(listed + 12, scaled(counts.registry, scale));
  const industries = CITY_INDUSTRIES[cityCode] ?? [];

  const codes = new Set<string>();
  const enterprises: EnterpriseRecord[] = [];
  for (let i = 0; i < total; i++) {
    const key = rng.weighted(industries);
    const industry = INDUSTRIES[key];
    const county = rng.pick(fact.counties);
    let name = '';
    do name = (rng.chance(0.4) ? countyNamePrefix(fact, county) : rng.pick(fact.namePrefixes)) + brandName(rng) + rng.pick(industry.nameSuffixes);
    while (usedNames.has(name));
    usedNames.add(name);
    let creditCode = '';
    do creditCode = makeCreditCode('9', '1', county.code, randomOrgCodeBase(rng));
    while (codes.has(creditCode));
    codes.add(creditCode);
    const inPark = rng.chance(0.6);
    const address = `${fact.addressPrefix}${county.name}${rng.pick(county.towns)}${inPark ? rng.pick(fact.industrialParks) : ''}${roadAddress(rng)}`;
    enterprises.push({
      creditCode,
      name,
      industry: industry.name,
      cityCode,
      address,
      location: scatter(rng, county.seat, fact.counties.length === 1 ? 15 : 10, 1),
      positiveList: null,
    });
  }

  const listStart = startOfIsoDate(fact.record.province === 'CHONGQING' ? '2021-08-06' : '2020-06-01');
  const chosen = new Set(rng.sample(enterprises.map((_, i) => i), listed));
  // 泸州's list is kept at exactly its published size, so nobody has been removed from it.
  const removable = cityCode !== '510500';
  return enterprises.map((e, i) =>
    chosen.has(i) ? { ...e, positiveList: positiveListEntry(rng, cityCode, listStart, until, removable) } : e,
  );
}

function positiveListEntry(rng: Rng, cityCode: CityCode, listStart: EpochMs, until: EpochMs, removable: boolean): PositiveListEntryRecord {
  const admitted = rng.int(listStart, Math.max(listStart, until - 60 * DAY_MS));
  const hasNetworkedCems = rng.chance(0.7);
  const criteriaMet: string[] = rng.sample<string>(CRITERIA, rng.int(1, 3));
  if (hasNetworkedCems) criteriaMet.unshift(CEMS_CRITERION);
  const removed = removable && rng.chance(0.1) && until - admitted > 120 * DAY_MS;
  const removedAt = removed ? rng.int(admitted + 90 * DAY_MS, until - DAY_MS) : null;
  const lastCheckLimit = removedAt ?? until;
  const lastOnsiteCheck = rng.chance(0.6) ? isoDate(rng.int(admitted, lastCheckLimit)) : null;
  return {
    cityCode,
    listType: POSITIVE_LIST_TYPE,
    admittedOn: isoDate(admitted),
    criteriaMet,
    hasNetworkedCems,
    lastOnsiteCheck,
    removedOn: removedAt === null ? null : isoDate(removedAt),
    removalReason: removedAt === null ? null : rng.pick(REMOVAL_REASONS),
  };
}
