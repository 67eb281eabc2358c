import { ajList } from './ajTable.ts';
import { LEGACY_DICTIONARIES } from './legacyDictionaries.ts';
import type { LegacyDataset } from './LegacyDataset.ts';
import { formatLegacyTime } from './legacyTime.ts';
import { listRows, rowsByIds } from './listRows.ts';
import { LegacyParamError } from './ListSpec.ts';
import { latestReadings, readingsPage } from './readingRoutes.ts';
import { wzList } from './wzTable.ts';
import { xhList } from './xhTable.ts';
import { xmList } from './xmTable.ts';
import { zdList } from './zdTable.ts';

export type LegacyRoute = (dataset: LegacyDataset, params: URLSearchParams, now: number) => unknown;

/** Every endpoint (GET, under /api/v1/): what goes in `data` of the `{ code: 0 }` envelope. */
export const LEGACY_ROUTES: ReadonlyMap<string, LegacyRoute> = new Map<string, LegacyRoute>([
  ['/api/v1/ping', (d, _p, now) => ({ xtmc: '广安市生态环境综合业务平台', xzqh: d.cityCode, fwqsj: formatLegacyTime(now) })],
  ['/api/v1/dict', (_d, p) => dictionaries(p.get('lx'))],
  ['/api/v1/xm/list', (d, p) => listRows(d.xm, xmList, p)],
  ['/api/v1/xm/batch', (d, p) => rowsByIds(d.xm, xmList.idOf, p)],
  ['/api/v1/zd/list', (d, p) => listRows(d.zd, zdList, p)],
  ['/api/v1/zd/batch', (d, p) => rowsByIds(d.zd, zdList.idOf, p)],
  ['/api/v1/jcsj/list', (d, p) => readingsPage(d, p)],
  ['/api/v1/jcsj/latest', (d, p) => latestReadings(d, p)],
  ['/api/v1/aj/list', (d, p) => listRows(d.aj, ajList, p)],
  ['/api/v1/aj/batch', (d, p) => rowsByIds(d.aj, ajList.idOf, p)],
  ['/api/v1/xh/list', (d, p) => listRows(d.xh, xhList, p)],
  ['/api/v1/xh/batch', (d, p) => rowsByIds(d.xh, xhList.idOf, p)],
  ['/api/v1/wz/list', (d, p) => listRows(d.wz, wzList, p)],
  ['/api/v1/wz/batch', (d, p) => rowsByIds(d.wz, wzList.idOf, p)],
]);

/** `dict?lx=ajzt`: one code table, or all of them without `lx`. Codes and labels only. */
function dictionaries(type: string | null) {
  const entries = Object.entries(LEGACY_DICTIONARIES).filter(([lx]) => type === null || type === '' || lx === type);
  if (entries.length === 0) throw new LegacyParamError(`字典类型不存在：${type}`);
  return entries.map(([lx, d]) => ({ lx, mc: d.mc, items: d.entries.map(([dm, mc]) => ({ dm, mc })) }));
}
