/** 行政处罚案件 rows (`aj`) → CaseRecord. */
import { z } from 'zod';
import { encodeGlobalId } from '../../../schema/globalId.ts';
import type { CaseRecord, CityCode, LegalProvisionRecord } from '../../kit/model.ts';
import { AJLY, AJZT, CFLX, CFZL, LHFS, ZJLX } from './legacyCodes.ts';
import { commaList, decimalText, flag01, legacyId, legacyTime, optionalLegacyTime, optionalText } from './legacyFields.ts';

/** 法律条款: 法律名称 (flmc), 版本 (bb), 条 (t), 款/项 (kx, '' when the article is cited whole). */
const provisions = z.array(z.object({ flmc: z.string(), bb: z.string(), t: z.string(), kx: optionalText }))
  .transform((list): LegalProvisionRecord[] => list.map((p) => ({ law: p.flmc, version: p.bb, article: p.t, item: p.kx })));

export const caseRowSchema = z.object({
  ajid: legacyId,
  ajbh: z.string(),
  zfjg: z.string(),
  tyshxydm: z.string(),
  dsr: z.string(),
  pwxkzh: optionalText,
  ay: z.string(),
  wfss: z.string(),
  wftk: provisions,
  cfyj: provisions,
  cfzl: commaList.pipe(z.array(CFZL.schema)),
  fkje: z.union([z.literal('').transform(() => null), decimalText]),
  cflx: CFLX.schema,
  ajzt: AJZT.schema,
  ajly: AJLY.schema,
  lasj: legacyTime,
  gzsj: optionalLegacyTime,
  tzsqsj: optionalLegacyTime,
  jdsj: optionalLegacyTime,
  sdsj: optionalLegacyTime,
  zxsj: optionalLegacyTime,
  jasj: optionalLegacyTime,
  zjqd: z.array(z.object({ zjlx: ZJLX.schema, zjmc: z.string() })),
  zdid: legacyId.nullable(),
  hlbm: optionalText,
  sflhzf: flag01,
  lhcs: commaList,
  lhxd: z.object({ xdmc: z.string(), lhfs: LHFS.schema, qtcs: commaList, cycs: commaList, sjhl: commaList }).nullable(),
  sfgk: flag01,
});

export function toCaseRecord(row: z.output<typeof caseRowSchema>, cityCode: CityCode): CaseRecord {
  return {
    id: encodeGlobalId('EnforcementCase', cityCode, row.ajid),
    cityCode,
    caseNumber: row.ajbh,
    agency: row.zfjg,
    enterpriseCreditCode: row.tyshxydm,
    partyName: row.dsr,
    permitNumber: row.pwxkzh,
    cause: row.ay,
    violationFacts: row.wfss,
    violatedProvisions: row.wftk,
    penaltyBasis: row.cfyj,
    penaltyTypes: row.cfzl,
    fineYuan: row.fkje,
    procedure: row.cflx,
    status: row.ajzt,
    source: row.ajly,
    filedAt: row.lasj,
    dates: {
      informedAt: row.gzsj, hearingRequestedAt: row.tzsqsj, decidedAt: row.jdsj,
      servedAt: row.sdsj, executedAt: row.zxsj, closedAt: row.jasj,
    },
    evidence: row.zjqd.map((e) => ({ type: e.zjlx, reference: e.zjmc })),
    stationId: row.zdid === null ? null : encodeGlobalId('Station', cityCode, row.zdid),
    riverId: row.hlbm,
    joint: row.sflhzf,
    jointPartnerCityCodes: row.lhcs,
    jointAction: row.lhxd === null ? null : {
      name: row.lhxd.xdmc, mode: row.lhxd.lhfs, leadCityCodes: row.lhxd.qtcs,
      participantCityCodes: row.lhxd.cycs, riverIds: row.lhxd.sjhl,
    },
    published: row.sfgk,
  };
}
