/** 监测站点 rows (`zd`) → StationRecord. */
import { z } from 'zod';
import { encodeGlobalId } from '../../../schema/globalId.ts';
import type { CityCode, StationRecord } from '../../kit/model.ts';
import { SJLX, ZDLX } from './legacyCodes.ts';
import { commaList, finiteNumber, flag01, legacyId, optionalText } from './legacyFields.ts';

export const stationRowSchema = z.object({
  zdid: legacyId,
  mn: z.string(),
  zdmc: z.string(),
  zdlx: ZDLX.schema,
  hlbm: optionalText,
  jd: finiteNumber,
  wd: finiteNumber,
  dz: z.string(),
  tyshxydm: optionalText,
  gxcs: commaList,
  xybb: z.string(),
  yxzt: flag01,
  sjlx: SJLX.schema,
  jcyz: z.array(z.object({ yzbm: z.string().min(1), yzmc: z.string(), jldw: z.string() })),
});

export function toStationRecord(row: z.output<typeof stationRowSchema>, cityCode: CityCode): StationRecord {
  return {
    id: encodeGlobalId('Station', cityCode, row.zdid),
    cityCode,
    code: row.mn,
    name: row.zdmc,
    kind: row.zdlx,
    riverId: row.hlbm,
    location: { longitude: row.jd, latitude: row.wd },
    address: row.dz,
    enterpriseCreditCode: row.tyshxydm,
    sharedWithCityCodes: row.gxcs,
    protocolVersion: row.xybb,
    operating: row.yxzt,
    interval: row.sjlx,
    factors: row.jcyz.map((f) => ({ code: f.yzbm, name: f.yzmc, unit: f.jldw })),
  };
}
