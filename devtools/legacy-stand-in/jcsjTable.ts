/** 监测数据表 (jcsj): one row per station and time, the factor values inside. */
import type { ReadingRecord } from '../../subgraphs/kit/model.ts';
import { legacyCode } from './legacyDictionaries.ts';
import { formatLegacyTime } from './legacyTime.ts';
import { localIdOf } from './localIdOf.ts';

export interface JcsjRow {
  readonly zdid: string;
  readonly jcsj: string;
  readonly sjlx: string;
  /** 因子数据: value as text ('' when missing, as the instruments' DAS sent it) and HJ 212 flag (标记) */
  readonly yzsj: ReadonlyArray<{ readonly yzbm: string; readonly jcz: string; readonly bj: string }>;
}

export function toJcsjRow(r: ReadingRecord): JcsjRow {
  return {
    zdid: localIdOf(r.stationId),
    jcsj: formatLegacyTime(r.time),
    sjlx: legacyCode('sjlx', r.interval),
    yzsj: r.values.map((v) => ({ yzbm: v.code, jcz: v.value === null ? '' : String(v.value), bj: v.flag })),
  };
}
