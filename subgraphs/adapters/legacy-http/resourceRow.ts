/** 应急物资 rows (`wz`) → ResourceRecord. */
import { z } from 'zod';
import { encodeGlobalId } from '../../../schema/globalId.ts';
import type { CityCode, ResourceRecord } from '../../kit/model.ts';
import { separateExpertPerson } from '../../kit/separateExpertPerson.ts';
import { CCFS, CKLX, WZLB, WZZT, ZYLX } from './legacyCodes.ts';
import { decimalText, finiteNumber, legacyId, optionalLegacyDate, optionalText } from './legacyFields.ts';

export const resourceRowSchema = z.object({
  wzid: legacyId,
  wzmc: z.string(),
  wzlb: WZLB.schema,
  zylx: ZYLX.schema,
  ggxh: z.string(),
  sl: decimalText,
  jldw: z.string(),
  gldw: z.string(),
  ck: z.object({
    ckbm: z.string(), ckmc: z.string(), cklx: CKLX.schema, ccfs: CCFS.schema, dz: z.string(), jd: finiteNumber, wd: finiteNumber,
  }).nullable(),
  jd: finiteNumber,
  wd: finiteNumber,
  yxq: optionalLegacyDate,
  wzzt: WZZT.schema,
  lxr: optionalText,
  lxdh: optionalText,
});

/** The legacy system lists an expert under the person's name (wzmc): the person becomes the contact (separateExpertPerson). */
export function toResourceRecord(row: z.output<typeof resourceRowSchema>, cityCode: CityCode): ResourceRecord {
  return separateExpertPerson({
    id: encodeGlobalId('EmergencyResource', cityCode, row.wzid),
    cityCode,
    name: row.wzmc,
    category: row.wzlb,
    kind: row.zylx,
    specification: row.ggxh,
    quantity: row.sl,
    unit: row.jldw,
    managingUnit: row.gldw,
    depot: row.ck === null ? null : {
      code: row.ck.ckbm, name: row.ck.ckmc, ownerType: row.ck.cklx, storageMode: row.ck.ccfs, address: row.ck.dz,
      location: { longitude: row.ck.jd, latitude: row.ck.wd },
    },
    location: { longitude: row.jd, latitude: row.wd },
    expiresOn: row.yxq,
    status: row.wzzt,
    contact: row.lxr === null ? null : { person: row.lxr, phone: row.lxdh ?? '' },
  });
}
