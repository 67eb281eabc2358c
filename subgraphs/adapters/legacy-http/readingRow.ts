/** 监测数据 rows (`jcsj`) → ReadingRecord. Values come as text; '' is a missing value. */
import { z } from 'zod';
import { encodeGlobalId } from '../../../schema/globalId.ts';
import type { CityCode, ReadingRecord } from '../../kit/model.ts';
import { DATA_FLAG, SJLX } from './legacyCodes.ts';
import { decimalText, legacyId, legacyTime } from './legacyFields.ts';

export const readingRowSchema = z.object({
  zdid: legacyId,
  jcsj: legacyTime,
  sjlx: SJLX.schema,
  yzsj: z.array(z.object({
    yzbm: z.string().min(1),
    jcz: z.union([z.literal('').transform(() => null), decimalText]),
    bj: DATA_FLAG,
  })),
});

export function toReadingRecord(row: z.output<typeof readingRowSchema>, cityCode: CityCode): ReadingRecord {
  return {
    stationId: encodeGlobalId('Station', cityCode, row.zdid),
    time: row.jcsj,
    interval: row.sjlx,
    values: row.yzsj.map((v) => ({ code: v.yzbm, value: v.jcz, flag: v.bj })),
  };
}
