import { MAX_LIST_ITEMS, splitList } from './filterHelpers.ts';
import { LegacyParamError, type ListSpec } from './ListSpec.ts';

export interface LegacyPage<Row> {
  readonly total: number;
  readonly rows: readonly Row[];
}

/** Paging parameters: `page` from 1, `pageSize` 1–100 (default 10, as the old UI's grid had it). */
export function pageParams(params: URLSearchParams): { page: number; pageSize: number } {
  const page = intParam(params, 'page', 1);
  const pageSize = intParam(params, 'pageSize', 10);
  if (page < 1) throw new LegacyParamError('page 必须从 1 开始');
  if (pageSize < 1 || pageSize > MAX_LIST_ITEMS) throw new LegacyParamError(`pageSize 必须在 1 到 ${MAX_LIST_ITEMS} 之间`);
  return { page, pageSize };
}

/**
 * One page of a table: the filters named in `params`, then `sortName`/`sortOrder` (ties by primary
 * key ascending), then the page slice. `total` counts the filtered rows.
 */
export function listRows<Row>(rows: readonly Row[], spec: ListSpec<Row>, params: URLSearchParams): LegacyPage<Row> {
  const { page, pageSize } = pageParams(params);
  const predicates = Object.entries(spec.filters).flatMap(([name, build]) => {
    const value = params.get(name);
    return value === null || value === '' ? [] : [build(value)];
  });
  const sortName = params.get('sortName') || spec.defaultSort.name;
  const sortKey = Object.hasOwn(spec.sortable, sortName) ? spec.sortable[sortName] : undefined;
  if (sortKey === undefined) throw new LegacyParamError(`不支持的排序字段：${sortName}`);
  const order = params.get('sortOrder') || (sortName === spec.defaultSort.name ? spec.defaultSort.order : 'asc');
  if (order !== 'asc' && order !== 'desc') throw new LegacyParamError(`sortOrder 只能是 asc 或 desc`);
  const sign = order === 'desc' ? -1 : 1;

  const filtered = rows.filter((row) => predicates.every((p) => p(row)));
  filtered.sort((a, b) => sign * compare(sortKey(a), sortKey(b)) || compare(spec.idOf(a), spec.idOf(b)));
  return { total: filtered.length, rows: filtered.slice((page - 1) * pageSize, page * pageSize) };
}

/** Rows by primary key (`ids=a,b,c`, at most 100), in table order; unknown ids are left out. */
export function rowsByIds<Row>(rows: readonly Row[], idOf: (row: Row) => string, params: URLSearchParams): LegacyPage<Row> {
  const ids = new Set(splitList(requiredParam(params, 'ids')));
  const found = rows.filter((row) => ids.has(idOf(row)));
  return { total: found.length, rows: found };
}

export function requiredParam(params: URLSearchParams, name: string): string {
  const value = params.get(name);
  if (value === null || value === '') throw new LegacyParamError(`缺少参数：${name}`);
  return value;
}

function intParam(params: URLSearchParams, name: string, fallback: number): number {
  const text = params.get(name);
  if (text === null || text === '') return fallback;
  if (!/^\d{1,9}$/.test(text)) throw new LegacyParamError(`${name} 必须是正整数`);
  return Number(text);
}

function compare(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
