/** 联合巡河 rows (`xh`) → JointPatrolRecord. */
import { z } from 'zod';
import { encodeGlobalId } from '../../../schema/globalId.ts';
import type { CityCode, JointPatrolRecord } from '../../kit/model.ts';
import { LHFS } from './legacyCodes.ts';
import { commaList, legacyId, legacyTime, optionalLegacyTime } from './legacyFields.ts';

export const patrolRowSchema = z.object({
  xhid: legacyId,
  xhmc: z.string(),
  lhfs: LHFS.schema,
  hlbm: z.string(),
  hzcs: commaList,
  kssj: legacyTime,
  jssj: optionalLegacyTime,
  xchd: z.string(),
  cyrs: z.number().int().nonnegative(),
  fxwts: z.number().int().nonnegative(),
  wtms: z.array(z.string()),
});

export function toPatrolRecord(row: z.output<typeof patrolRowSchema>, cityCode: CityCode): JointPatrolRecord {
  return {
    id: encodeGlobalId('JointPatrol', cityCode, row.xhid),
    cityCode,
    name: row.xhmc,
    mode: row.lhfs,
    riverId: row.hlbm,
    partnerCityCodes: row.hzcs,
    startedAt: row.kssj,
    endedAt: row.jssj,
    reach: row.xchd,
    participants: row.cyrs,
    problemsFound: row.fxwts,
    findings: row.wtms,
  };
}
