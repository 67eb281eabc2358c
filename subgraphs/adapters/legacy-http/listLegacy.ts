import type { ListQuery, ListResult } from '../../kit/ports.ts';
import { keysetSlice } from '../../kit/listOrder.ts';
import type { LegacyContext } from './LegacyContext.ts';
import { matchesNothing, type LegacyListRequest } from './LegacyListRequest.ts';
import { scanLegacyList } from './scanLegacyList.ts';
import { walkLegacyList, type LegacyOrder } from './walkLegacyList.ts';

export interface LegacyListSpec {
  /** Contract sort fields the legacy list can order by itself. */
  readonly orders: Readonly<Record<string, LegacyOrder>>;
  /** Contract sort fields it cannot (the global id): the whole filtered list is read and sorted here. */
  readonly scanned: readonly string[];
}

/**
 * One page of a list by the contract (ports.ts): walked in the legacy order where the legacy list
 * has it, otherwise scanned and sorted here. A sort field the list does not know is a bug in the
 * caller (the kit passes the contract's sorts): TypeError, as the SQL adapter does.
 */
export async function listLegacy<R extends { readonly id: string }>(
  ctx: LegacyContext,
  spec: LegacyListSpec,
  request: LegacyListRequest<R>,
  query: ListQuery<unknown>,
): Promise<ListResult<R>> {
  const { field } = query.sort;
  const order = Object.hasOwn(spec.orders, field) ? spec.orders[field] : undefined;
  if (order === undefined && !spec.scanned.includes(field)) {
    throw new TypeError(`${request.operation} cannot be sorted by ${JSON.stringify(field)}; known: ${[...Object.keys(spec.orders), ...spec.scanned].join(', ')}`);
  }
  ctx.client.assertOpen(request.operation);
  if (matchesNothing(request.params)) return { items: [], totalCount: 0 };
  if (order !== undefined) return walkLegacyList(ctx, request, order, query);
  const all = await scanLegacyList(ctx, request);
  return { items: keysetSlice(all, query.sort, query.after, query.limit), totalCount: all.length };
}
