/** 行政处罚案件表 (aj): enforcement cases, as the case-handling system keeps them. */
import type { CaseRecord, LegalProvisionRecord } from '../../subgraphs/kit/model.ts';
import { equals, keywordIn, oneOf, timeFrom, timeTo } from './filterHelpers.ts';
import { legacyCode } from './legacyDictionaries.ts';
import { formatLegacyTime } from './legacyTime.ts';
import type { ListSpec } from './ListSpec.ts';
import { localIdOf } from './localIdOf.ts';

/** 法律条款: 法律名称, 版本, 条, 款/项 */
export interface FltkRow {
  readonly flmc: string;
  readonly bb: string;
  readonly t: string;
  readonly kx: string;
}

export interface AjRow {
  readonly ajid: string;
  readonly ajbh: string;
  readonly zfjg: string;
  readonly tyshxydm: string;
  /** 当事人 */
  readonly dsr: string;
  readonly pwxkzh: string | null;
  /** 案由 */
  readonly ay: string;
  readonly wfss: string;
  /** 违反条款 */
  readonly wftk: readonly FltkRow[];
  /** 处罚依据 */
  readonly cfyj: readonly FltkRow[];
  /** 处罚种类, comma-separated codes */
  readonly cfzl: string;
  /** 罚款金额（元）, '' when no fine */
  readonly fkje: string;
  readonly cflx: string;
  readonly ajzt: string;
  readonly ajly: string;
  /** 立案时间 */
  readonly lasj: string;
  readonly gzsj: string;
  readonly tzsqsj: string;
  readonly jdsj: string;
  readonly sdsj: string;
  readonly zxsj: string;
  readonly jasj: string;
  readonly zjqd: ReadonlyArray<{ readonly zjlx: string; readonly zjmc: string }>;
  readonly zdid: string | null;
  readonly hlbm: string | null;
  readonly sflhzf: string;
  readonly lhcs: string;
  readonly lhxd: {
    readonly xdmc: string; readonly lhfs: string; readonly qtcs: string; readonly cycs: string; readonly sjhl: string;
  } | null;
  readonly sfgk: string;
}

const time = (ms: number | null) => (ms === null ? '' : formatLegacyTime(ms));
const provision = (p: LegalProvisionRecord): FltkRow => ({ flmc: p.law, bb: p.version, t: p.article, kx: p.item ?? '' });

export function toAjRow(c: CaseRecord): AjRow {
  return {
    ajid: localIdOf(c.id),
    ajbh: c.caseNumber,
    zfjg: c.agency,
    tyshxydm: c.enterpriseCreditCode,
    dsr: c.partyName,
    pwxkzh: c.permitNumber,
    ay: c.cause,
    wfss: c.violationFacts,
    wftk: c.violatedProvisions.map(provision),
    cfyj: c.penaltyBasis.map(provision),
    cfzl: c.penaltyTypes.map((t) => legacyCode('cfzl', t)).join(','),
    fkje: c.fineYuan === null ? '' : String(c.fineYuan),
    cflx: legacyCode('cflx', c.procedure),
    ajzt: legacyCode('ajzt', c.status),
    ajly: legacyCode('ajly', c.source),
    lasj: formatLegacyTime(c.filedAt),
    gzsj: time(c.dates.informedAt),
    tzsqsj: time(c.dates.hearingRequestedAt),
    jdsj: time(c.dates.decidedAt),
    sdsj: time(c.dates.servedAt),
    zxsj: time(c.dates.executedAt),
    jasj: time(c.dates.closedAt),
    zjqd: c.evidence.map((e) => ({ zjlx: legacyCode('zjlx', e.type), zjmc: e.reference })),
    zdid: c.stationId === null ? null : localIdOf(c.stationId),
    hlbm: c.riverId,
    sflhzf: c.joint ? '1' : '0',
    lhcs: c.jointPartnerCityCodes.join(','),
    lhxd: c.jointAction === null ? null : {
      xdmc: c.jointAction.name,
      lhfs: legacyCode('lhfs', c.jointAction.mode),
      qtcs: c.jointAction.leadCityCodes.join(','),
      cycs: c.jointAction.participantCityCodes.join(','),
      sjhl: c.jointAction.riverIds.join(','),
    },
    sfgk: c.published ? '1' : '0',
  };
}

export const ajList: ListSpec<AjRow> = {
  filters: {
    ajzt: equals((r) => r.ajzt),
    sflhzf: equals((r) => r.sflhzf),
    keyword: keywordIn((r) => r.ajbh, (r) => r.dsr, (r) => r.ay),
    tyshxydm: oneOf((r) => r.tyshxydm),
    lasjStart: timeFrom((r) => r.lasj),
    lasjEnd: timeTo((r) => r.lasj),
  },
  sortable: { lasj: (r) => r.lasj, ajbh: (r) => r.ajbh, ajid: (r) => r.ajid },
  defaultSort: { name: 'lasj', order: 'desc' },
  idOf: (r) => r.ajid,
};
