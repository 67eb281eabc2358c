import { CitySourceError } from '../../kit/CitySourceError.ts';
import type { ListQuery, ListResult } from '../../kit/ports.ts';
import { compareValues, comparePositions, keysetSlice, sortValueOf } from '../../kit/listOrder.ts';
import type { LegacyContext } from './LegacyContext.ts';
import { LEGACY_MAX_PAGE_SIZE, queryParams, type LegacyListRequest } from './LegacyListRequest.ts';
import { formatLegacyTime } from './legacyTime.ts';

/** How the legacy list orders by one contract sort field. */
export interface LegacyOrder {
  /** Its `sortName`, e.g. 'lasj' for filedAt. */
  readonly column: string;
  /** Its inclusive time-range parameters on that column (e.g. lasjStart/lasjEnd), if it has them. */
  readonly seek?: { readonly from: string; readonly to: string };
}

/**
 * The keyset list contract on top of the legacy system's page/pageSize paging. The legacy list is
 * asked in the contract's order (`sortName`, `sortOrder`), and the adapter checks that the rows
 * really come in that order (a protocol error otherwise). Ties in the sort column come in the legacy
 * system's id order, not the contract's global-id order, so pages are read until the tie group at
 * the cut is complete, and the collected rows are re-sorted by (value, global id) before cutting.
 *
 * Where the list has a time-range filter on the sort column, a page after `after` starts there
 * (`lasjEnd = after` for DESC) instead of walking from page 1; its total then covers the range only,
 * so the full filtered total is asked for separately (pageSize 1), in parallel.
 */
export async function walkLegacyList<R extends { readonly id: string }>(
  ctx: LegacyContext,
  request: LegacyListRequest<R>,
  order: LegacyOrder,
  query: ListQuery<unknown>,
): Promise<ListResult<R>> {
  const { client, cityCode, maxScanRows } = ctx;
  const { path, operation, parse } = request;
  const { sort, after, limit } = query;
  const ordered = { ...queryParams(request.params), sortName: order.column, sortOrder: sort.direction === 'DESC' ? 'desc' : 'asc' };
  const countOnly = () => client.getPage(path, { ...ordered, page: '1', pageSize: '1' }, operation).then((p) => p.total);
  if (limit <= 0) return { items: [], totalCount: await countOnly() };

  const seek = after !== null && order.seek !== undefined && typeof after.value === 'number'
    ? sort.direction === 'DESC'
      ? { [order.seek.to]: formatLegacyTime(Math.floor(after.value / 1000) * 1000) }
      : { [order.seek.from]: formatLegacyTime(Math.ceil(after.value / 1000) * 1000) }
    : null;
  const fullTotal = seek === null ? null : countOnly();
  fullTotal?.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled

  // Small pages when the start is near: the first page needs limit + 1 rows to see past the cut, a
  // seeked page one more (it starts with `after` itself). A walk from page 1 takes full pages.
  const pageSize = Math.min(LEGACY_MAX_PAGE_SIZE, after === null ? limit + 1 : seek !== null ? limit + 2 : LEGACY_MAX_PAGE_SIZE);
  const candidates: R[] = [];
  let previous: string | number | undefined;
  let total = 0;
  for (let page = 1; ; page += 1) {
    if ((page - 1) * pageSize >= maxScanRows) {
      throw new CitySourceError('CITY_SOURCE_FAILED', `The legacy system's ${operation} is too deep to page through (over ${maxScanRows} rows).`, cityCode);
    }
    const answer = await client.getPage(path, { ...ordered, ...seek, page: String(page), pageSize: String(pageSize) }, operation);
    total = answer.total;
    for (const record of parse(answer.rows, operation)) {
      const value = sortValueOf(record, sort.field);
      if (previous !== undefined && (sort.direction === 'DESC' ? -1 : 1) * compareValues(value, previous) < 0) {
        throw new CitySourceError('CITY_SOURCE_PROTOCOL', `The legacy system sent ${operation} out of order.`, cityCode);
      }
      previous = value;
      if (after === null || comparePositions({ value, id: record.id }, after, sort.direction) > 0) candidates.push(record);
    }
    if (answer.rows.length < pageSize || page * pageSize >= answer.total || cutIsComplete(candidates, sort.field, sort.direction, limit)) break;
  }
  const items = keysetSlice(candidates, sort, null, limit);
  return { items, totalCount: fullTotal === null ? total : await fullTotal };
}

/**
 * The first `limit` candidates are settled once a candidate arrives whose value is past the value at
 * the cut: rows come in value order, so every row tied with the cut has arrived by then.
 */
function cutIsComplete(candidates: readonly object[], field: string, direction: 'ASC' | 'DESC', limit: number): boolean {
  const atCut = candidates[limit - 1];
  const last = candidates.at(-1);
  if (atCut === undefined || last === undefined || candidates.length <= limit) return false;
  return (direction === 'DESC' ? -1 : 1) * compareValues(sortValueOf(last, field), sortValueOf(atCut, field)) > 0;
}
