import { CitySourceError } from '../../kit/CitySourceError.ts';
import type { LegacyContext } from './LegacyContext.ts';
import { LEGACY_MAX_PAGE_SIZE, queryParams, type LegacyListRequest } from './LegacyListRequest.ts';
import { mapConcurrent } from './mapConcurrent.ts';

/**
 * Every row of a (filtered) list: the first page tells the total, the other pages follow
 * concurrently. For orders the legacy system cannot give (global ids, distances) and batch filters.
 * Refuses lists over `maxScanRows` rather than reading without bound.
 */
export async function scanLegacyList<R>(ctx: LegacyContext, request: LegacyListRequest<R>): Promise<R[]> {
  const { client, concurrency, maxScanRows, cityCode } = ctx;
  const { path, params, operation, parse } = request;
  const pageParams = (page: number) => ({ ...queryParams(params), page: String(page), pageSize: String(LEGACY_MAX_PAGE_SIZE) });
  const first = await client.getPage(path, pageParams(1), operation);
  if (first.total > maxScanRows) {
    throw new CitySourceError('CITY_SOURCE_FAILED', `The legacy system's ${operation} has ${first.total} rows, over the ${maxScanRows} this adapter reads at once.`, cityCode);
  }
  const pages = Math.ceil(first.total / LEGACY_MAX_PAGE_SIZE);
  const rest = await mapConcurrent(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => i + 2), concurrency,
    async (page) => (await client.getPage(path, pageParams(page), operation)).rows);
  return parse([first.rows, ...rest].flat(), operation);
}
