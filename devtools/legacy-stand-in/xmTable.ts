/** 建设项目表 (xm): the legacy system's project table, imported from contract records. */
import type { ProjectRecord } from '../../subgraphs/kit/model.ts';
import { equals, keywordIn, listContains, timeFrom, timeTo } from './filterHelpers.ts';
import { legacyCode } from './legacyDictionaries.ts';
import { formatLegacyTime } from './legacyTime.ts';
import type { ListSpec } from './ListSpec.ts';
import { localIdOf } from './localIdOf.ts';

export interface XmRow {
  readonly xmid: string;
  /** 项目代码 (投资项目统一代码) */
  readonly xmdm: string;
  readonly xmmc: string;
  readonly xmlb: string;
  readonly xmzt: string;
  /** 是否川渝联合谋划 '1' / '0' */
  readonly sflhmh: string;
  /** 合作城市, comma-separated division codes */
  readonly hzcs: string;
  /** 涉及河流, comma-separated river codes */
  readonly sjhl: string;
  /** 总投资（万元）, a decimal text as the system's DECIMAL column printed it */
  readonly ztz: string;
  /** 形象进度（%） */
  readonly jdbfb: number;
  readonly jhkgrq: string;
  readonly jhwgrq: string;
  readonly xmgk: string;
  readonly jd: number | null;
  readonly wd: number | null;
  readonly hpwjlx: string | null;
  readonly hpzt: string | null;
  readonly hpspbm: string | null;
  readonly hppfwh: string | null;
  readonly hpbsrq: string;
  readonly hppfrq: string;
  readonly gxsj: string;
}

export function toXmRow(p: ProjectRecord): XmRow {
  return {
    xmid: localIdOf(p.id),
    xmdm: p.code,
    xmmc: p.name,
    xmlb: legacyCode('xmlb', p.category),
    xmzt: legacyCode('xmzt', p.status),
    sflhmh: p.jointlyPlanned ? '1' : '0',
    hzcs: p.partnerCityCodes.join(','),
    sjhl: p.riverIds.join(','),
    ztz: String(p.investmentWanYuan),
    jdbfb: p.progressPercent,
    jhkgrq: p.plannedStart ?? '',
    jhwgrq: p.plannedCompletion ?? '',
    xmgk: p.description,
    jd: p.location?.longitude ?? null,
    wd: p.location?.latitude ?? null,
    hpwjlx: p.eia ? legacyCode('hpwjlx', p.eia.documentType) : null,
    hpzt: p.eia ? legacyCode('hpzt', p.eia.status) : null,
    hpspbm: p.eia?.authority ?? null,
    hppfwh: p.eia?.approvalNumber ?? null,
    hpbsrq: p.eia?.submittedOn ?? '',
    hppfrq: p.eia?.approvedOn ?? '',
    gxsj: formatLegacyTime(p.updatedAt),
  };
}

export const xmList: ListSpec<XmRow> = {
  filters: {
    xmzt: equals((r) => r.xmzt),
    hlbm: listContains((r) => r.sjhl),
    keyword: keywordIn((r) => r.xmmc, (r) => r.xmdm),
    gxsjStart: timeFrom((r) => r.gxsj),
    gxsjEnd: timeTo((r) => r.gxsj),
  },
  sortable: { gxsj: (r) => r.gxsj, xmdm: (r) => r.xmdm, ztz: (r) => Number(r.ztz), jdbfb: (r) => r.jdbfb, xmid: (r) => r.xmid },
  defaultSort: { name: 'gxsj', order: 'desc' },
  idOf: (r) => r.xmid,
};
