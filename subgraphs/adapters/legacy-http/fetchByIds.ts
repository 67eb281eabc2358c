import { decodeGlobalId, type NodeType } from '../../../schema/globalId.ts';
import type { LegacyContext } from './LegacyContext.ts';
import { LEGACY_MAX_PAGE_SIZE } from './LegacyListRequest.ts';
import { mapConcurrent } from './mapConcurrent.ts';
import type { RowParser } from './rowParser.ts';

export interface LegacyBatchRequest<R> {
  /** The batch endpoint, e.g. '/api/v1/aj/batch' (takes `ids=a,b,c`, at most 100). */
  readonly path: string;
  readonly type: NodeType;
  readonly operation: string;
  readonly parse: RowParser<R>;
}

/**
 * DataLoader's batch contract over the legacy `…/batch?ids=` endpoints: one result (or null) per
 * global id, in input order. Ids of another type or bureau are null without asking; the distinct
 * local ids go out 100 per request, so a typical batch costs one request.
 */
export async function fetchByIds<R extends { readonly id: string }>(
  ctx: LegacyContext,
  request: LegacyBatchRequest<R>,
  ids: readonly string[],
): Promise<Array<R | null>> {
  ctx.client.assertOpen(request.operation);
  const local = new Set<string>();
  for (const id of ids) {
    const parts = decodeGlobalId(id);
    if (parts !== null && parts.type === request.type && parts.cityCode === ctx.cityCode) local.add(parts.localId);
  }
  const chunks = chunk([...local], LEGACY_MAX_PAGE_SIZE);
  const found = await mapConcurrent(chunks, ctx.concurrency, async (keys) => {
    const page = await ctx.client.getPage(request.path, { ids: keys.join(',') }, request.operation);
    return request.parse(page.rows, request.operation);
  });
  const byId = new Map<string, R>();
  for (const record of found.flat()) byId.set(record.id, record);
  return ids.map((id) => byId.get(id) ?? null);
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
