import type { JcsjRow } from './jcsjTable.ts';
import type { LegacyDataset } from './LegacyDataset.ts';
import { splitList, timeParam } from './filterHelpers.ts';
import { pageParams, requiredParam, type LegacyPage } from './listRows.ts';

/** `jcsj/list?zdid&kssj&jssj&page&pageSize`: one station's readings in a time range (inclusive), oldest first. */
export function readingsPage(dataset: LegacyDataset, params: URLSearchParams): LegacyPage<JcsjRow> {
  const { page, pageSize } = pageParams(params);
  const series = dataset.jcsj.get(requiredParam(params, 'zdid')) ?? [];
  const from = params.get('kssj') ? timeParam(params.get('kssj') as string) : null;
  const to = params.get('jssj') ? timeParam(params.get('jssj') as string) : null;
  const inRange = series.filter((r) => (from === null || r.jcsj >= from) && (to === null || r.jcsj <= to));
  return { total: inRange.length, rows: inRange.slice((page - 1) * pageSize, page * pageSize) };
}

/** `jcsj/latest?zdids=a,b`: the newest reading of each station that has one. */
export function latestReadings(dataset: LegacyDataset, params: URLSearchParams): LegacyPage<JcsjRow> {
  const rows = splitList(requiredParam(params, 'zdids')).flatMap((zdid) => {
    const newest = dataset.jcsj.get(zdid)?.at(-1);
    return newest === undefined ? [] : [newest];
  });
  return { total: rows.length, rows };
}
