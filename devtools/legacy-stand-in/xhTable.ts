/** 联合巡河记录表 (xh): joint river patrols. */
import type { JointPatrolRecord } from '../../subgraphs/kit/model.ts';
import { equals, keywordIn, timeFrom, timeTo } from './filterHelpers.ts';
import { legacyCode } from './legacyDictionaries.ts';
import { formatLegacyTime } from './legacyTime.ts';
import type { ListSpec } from './ListSpec.ts';
import { localIdOf } from './localIdOf.ts';

export interface XhRow {
  readonly xhid: string;
  readonly xhmc: string;
  readonly lhfs: string;
  readonly hlbm: string;
  readonly hzcs: string;
  readonly kssj: string;
  readonly jssj: string;
  /** 巡查河段 */
  readonly xchd: string;
  readonly cyrs: number;
  readonly fxwts: number;
  /** 发现问题, one per element */
  readonly wtms: readonly string[];
}

export function toXhRow(p: JointPatrolRecord): XhRow {
  return {
    xhid: localIdOf(p.id),
    xhmc: p.name,
    lhfs: legacyCode('lhfs', p.mode),
    hlbm: p.riverId,
    hzcs: p.partnerCityCodes.join(','),
    kssj: formatLegacyTime(p.startedAt),
    jssj: p.endedAt === null ? '' : formatLegacyTime(p.endedAt),
    xchd: p.reach,
    cyrs: p.participants,
    fxwts: p.problemsFound,
    wtms: p.findings,
  };
}

export const xhList: ListSpec<XhRow> = {
  filters: {
    hlbm: equals((r) => r.hlbm),
    keyword: keywordIn((r) => r.xhmc, (r) => r.xchd),
    kssjStart: timeFrom((r) => r.kssj),
    kssjEnd: timeTo((r) => r.kssj),
  },
  sortable: { kssj: (r) => r.kssj, xhid: (r) => r.xhid },
  defaultSort: { name: 'kssj', order: 'desc' },
  idOf: (r) => r.xhid,
};
