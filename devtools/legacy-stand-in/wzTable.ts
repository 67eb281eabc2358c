/** 应急物资表 (wz): emergency resources with their depot (储备库). */
import type { ResourceRecord } from '../../subgraphs/kit/model.ts';
import { equals, keywordIn } from './filterHelpers.ts';
import { legacyCode } from './legacyDictionaries.ts';
import type { ListSpec } from './ListSpec.ts';
import { localIdOf } from './localIdOf.ts';

export interface WzRow {
  readonly wzid: string;
  readonly wzmc: string;
  readonly wzlb: string;
  readonly zylx: string;
  /** 规格型号 */
  readonly ggxh: string;
  /** 数量, a decimal text */
  readonly sl: string;
  readonly jldw: string;
  readonly gldw: string;
  readonly ck: {
    readonly ckbm: string; readonly ckmc: string; readonly cklx: string; readonly ccfs: string;
    readonly dz: string; readonly jd: number; readonly wd: number;
  } | null;
  readonly jd: number;
  readonly wd: number;
  /** 有效期至 'yyyy-MM-dd', '' when it does not expire */
  readonly yxq: string;
  readonly wzzt: string;
  readonly lxr: string | null;
  readonly lxdh: string | null;
}

export function toWzRow(r: ResourceRecord): WzRow {
  return {
    wzid: localIdOf(r.id),
    wzmc: r.name,
    wzlb: legacyCode('wzlb', r.category),
    zylx: legacyCode('zylx', r.kind),
    ggxh: r.specification,
    sl: String(r.quantity),
    jldw: r.unit,
    gldw: r.managingUnit,
    ck: r.depot === null ? null : {
      ckbm: r.depot.code,
      ckmc: r.depot.name,
      cklx: legacyCode('cklx', r.depot.ownerType),
      ccfs: legacyCode('ccfs', r.depot.storageMode),
      dz: r.depot.address,
      jd: r.depot.location.longitude,
      wd: r.depot.location.latitude,
    },
    jd: r.location.longitude,
    wd: r.location.latitude,
    yxq: r.expiresOn ?? '',
    wzzt: legacyCode('wzzt', r.status),
    lxr: r.contact?.person ?? null,
    lxdh: r.contact?.phone ?? null,
  };
}

export const wzList: ListSpec<WzRow> = {
  filters: {
    wzlb: equals((r) => r.wzlb),
    keyword: keywordIn((r) => r.wzmc, (r) => r.ggxh),
  },
  sortable: { wzid: (r) => r.wzid },
  defaultSort: { name: 'wzid', order: 'asc' },
  idOf: (r) => r.wzid,
};
