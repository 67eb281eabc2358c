/**
 * One bureau's joint and cross-border river patrols (联合巡河 / 交叉巡河) on the rivers it shares with
 * bureaus across the provincial border (涪江 and 琼江 for 遂宁–潼南, 濑溪河 for 荣昌–泸州 …), with
 * the reach patrolled and the problems found.
 */
import type { CityCode, EpochMs, JointMode, JointPatrolRecord } from '../../subgraphs/kit/model.ts';
import { encodeGlobalId } from '../../schema/globalId.ts';
import type { Rng } from './createRng.ts';
import { DAY_MS, HOUR_MS, atCstHour, cstYear, toWorkingDay } from './cstTime.ts';
import { localId, scaled } from './localId.ts';
import { cityFact } from './regionData.ts';
import { RIVER_FACTS, type RiverFact } from './riverData.ts';

export const PATROL_COUNT = 15;
const HISTORY_DAYS = 730;

/** Findings; {n} is drawn from the range given. */
const FINDINGS: ReadonlyArray<readonly [string, number, number]> = [
  ['岸线堆放建筑垃圾约{n}立方米', 5, 80],
  ['发现疑似排污口{n}处，已现场取样送检', 1, 3],
  ['河面漂浮物较多，已通知属地清漂', 0, 0],
  ['沿岸畜禽养殖场存在粪污直排迹象', 0, 0],
  ['发现非法采砂船只{n}艘', 1, 2],
  ['沿岸农家乐生活污水未经处理直排', 0, 0],
  ['入河排污口标识牌缺失或信息不全', 0, 0],
  ['河道管理范围内违规种植农作物约{n}亩', 1, 20],
  ['发现禁渔期违规垂钓、捕捞行为', 0, 0],
  ['场镇污水管网破损导致污水外溢', 0, 0],
  ['跨界断面上游支流水体浑浊、有异味', 0, 0],
];
const SEASONS = ['春季', '夏季', '秋季', '冬季'];

export interface PatrolOptions {
  readonly cityCode: CityCode;
  readonly scale: number;
  readonly until: EpochMs;
}

/** Rivers through the bureau's area that also cross a partner bureau's area, with those partners. */
function sharedRivers(cityCode: CityCode): Array<{ river: RiverFact; partners: CityCode[] }> {
  const partners = cityFact(cityCode).partners;
  return RIVER_FACTS
    .filter((r) => r.record.cityCodes.includes(cityCode))
    .map((river) => ({ river, partners: river.record.cityCodes.filter((c) => c !== cityCode && partners.includes(c)) }))
    .filter((x) => x.partners.length > 0);
}

export function generatePatrols(rng: Rng, { cityCode, scale, until }: PatrolOptions): JointPatrolRecord[] {
  const shared = sharedRivers(cityCode);
  if (shared.length === 0) return [];
  const drafts: Omit<JointPatrolRecord, 'id'>[] = [];
  for (let i = 0, n = scaled(PATROL_COUNT, scale); i < n; i++) {
    const { river, partners } = rng.pick(shared);
    const mode: JointMode = rng.weighted([['JOINT', 50], ['CROSS', 40], ['ASSISTANCE', 10]] as const);
    let day = until - rng.int(1, HISTORY_DAYS) * DAY_MS;
    if (toWorkingDay(day) < until - DAY_MS) day = toWorkingDay(day);
    const startedAt = atCstHour(day, rng.float(8.5, 10));
    const endedAt = startedAt + rng.int(3 * 60, 8 * 60) * 60_000;
    const problemsFound = rng.weighted([[0, 15], [1, 25], [2, 25], [3, 18], [4, 10], [5, 5], [6, 2]] as const);
    const findings = rng.sample(FINDINGS, problemsFound).map(([f, lo, hi]) => f.replace('{n}', String(rng.int(lo, hi))));
    const year = cstYear(startedAt);
    const season = SEASONS[Math.floor(((new Date(startedAt + 8 * HOUR_MS).getUTCMonth() + 10) % 12) / 3)] as string;
    const kind = mode === 'CROSS' ? '交叉巡河' : mode === 'ASSISTANCE' ? '联动帮扶巡河' : '川渝联合巡河';
    drafts.push({
      cityCode,
      name: `${year}年${season}${river.record.name}${kind}`,
      mode,
      riverId: river.record.id,
      partnerCityCodes: rng.sample(partners, rng.int(1, partners.length)).sort(),
      startedAt,
      endedAt: endedAt <= until ? endedAt : null,
      reach: `${rng.pick(river.reaches)}（约${rng.int(5, 40)}公里）`,
      participants: rng.int(6, 40),
      problemsFound,
      findings,
    });
  }
  drafts.sort((a, b) => a.startedAt - b.startedAt);
  return drafts.map((d, i) => ({ id: encodeGlobalId('JointPatrol', cityCode, localId('JP', i + 1)), ...d }));
}
