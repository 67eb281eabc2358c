/** 建设项目 rows (`xm`) → ProjectRecord. */
import { z } from 'zod';
import { encodeGlobalId } from '../../../schema/globalId.ts';
import type { CityCode, ProjectRecord } from '../../kit/model.ts';
import { HPWJLX, HPZT, XMLB, XMZT } from './legacyCodes.ts';
import { commaList, decimalText, finiteNumber, flag01, legacyId, legacyTime, optionalLegacyDate, optionalText } from './legacyFields.ts';

/** EIA columns are all empty for a project without an EIA; the codes decide. */
const optionalCode = <T extends string>(schema: z.ZodType<T, string>) =>
  z.string().nullable().transform((code) => (code === null || code === '' ? null : code)).pipe(schema.nullable());

export const projectRowSchema = z.object({
  xmid: legacyId,
  xmdm: z.string(),
  xmmc: z.string(),
  xmlb: XMLB.schema,
  xmzt: XMZT.schema,
  sflhmh: flag01,
  hzcs: commaList,
  sjhl: commaList,
  ztz: decimalText,
  jdbfb: finiteNumber,
  jhkgrq: optionalLegacyDate,
  jhwgrq: optionalLegacyDate,
  xmgk: optionalText,
  jd: finiteNumber.nullable(),
  wd: finiteNumber.nullable(),
  hpwjlx: optionalCode(HPWJLX.schema),
  hpzt: optionalCode(HPZT.schema),
  hpspbm: optionalText,
  hppfwh: optionalText,
  hpbsrq: optionalLegacyDate,
  hppfrq: optionalLegacyDate,
  gxsj: legacyTime,
});

export function toProjectRecord(row: z.output<typeof projectRowSchema>, cityCode: CityCode): ProjectRecord {
  return {
    id: encodeGlobalId('Project', cityCode, row.xmid),
    cityCode,
    code: row.xmdm,
    name: row.xmmc,
    category: row.xmlb,
    status: row.xmzt,
    jointlyPlanned: row.sflhmh,
    partnerCityCodes: row.hzcs,
    riverIds: row.sjhl,
    investmentWanYuan: row.ztz,
    progressPercent: row.jdbfb,
    plannedStart: row.jhkgrq,
    plannedCompletion: row.jhwgrq,
    description: row.xmgk ?? '',
    location: row.jd === null || row.wd === null ? null : { longitude: row.jd, latitude: row.wd },
    eia: row.hpwjlx === null || row.hpzt === null ? null : {
      documentType: row.hpwjlx,
      status: row.hpzt,
      authority: row.hpspbm ?? '',
      approvalNumber: row.hppfwh,
      submittedOn: row.hpbsrq,
      approvedOn: row.hppfrq,
    },
    updatedAt: row.gxsj,
  };
}
