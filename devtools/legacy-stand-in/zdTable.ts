/** 监测站点表 (zd): stations and the factors each one measures. */
import type { StationRecord } from '../../subgraphs/kit/model.ts';
import { equals, keywordIn, oneOf } from './filterHelpers.ts';
import { legacyCode } from './legacyDictionaries.ts';
import type { ListSpec } from './ListSpec.ts';
import { localIdOf } from './localIdOf.ts';

export interface ZdRow {
  readonly zdid: string;
  /** HJ 212 MN 号 */
  readonly mn: string;
  readonly zdmc: string;
  readonly zdlx: string;
  readonly hlbm: string | null;
  readonly jd: number;
  readonly wd: number;
  readonly dz: string;
  /** 排污单位统一社会信用代码 */
  readonly tyshxydm: string | null;
  /** 数据共享城市 */
  readonly gxcs: string;
  readonly xybb: string;
  /** 运行状态 '1' 运行 / '0' 停运 */
  readonly yxzt: string;
  readonly sjlx: string;
  readonly jcyz: ReadonlyArray<{ readonly yzbm: string; readonly yzmc: string; readonly jldw: string }>;
}

export function toZdRow(s: StationRecord): ZdRow {
  return {
    zdid: localIdOf(s.id),
    mn: s.code,
    zdmc: s.name,
    zdlx: legacyCode('zdlx', s.kind),
    hlbm: s.riverId,
    jd: s.location.longitude,
    wd: s.location.latitude,
    dz: s.address,
    tyshxydm: s.enterpriseCreditCode,
    gxcs: s.sharedWithCityCodes.join(','),
    xybb: s.protocolVersion,
    yxzt: s.operating ? '1' : '0',
    sjlx: legacyCode('sjlx', s.interval),
    jcyz: s.factors.map((f) => ({ yzbm: f.code, yzmc: f.name, jldw: f.unit })),
  };
}

export const zdList: ListSpec<ZdRow> = {
  filters: {
    zdlx: equals((r) => r.zdlx),
    hlbm: equals((r) => r.hlbm),
    keyword: keywordIn((r) => r.zdmc, (r) => r.mn),
    tyshxydm: oneOf((r) => r.tyshxydm),
  },
  sortable: { mn: (r) => r.mn, zdid: (r) => r.zdid },
  defaultSort: { name: 'mn', order: 'asc' },
  idOf: (r) => r.zdid,
};
