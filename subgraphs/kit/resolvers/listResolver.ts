/**
 * One resolver shape for every fan-out list of the contract: restrict by `cityCodes`, check the
 * paging arguments, pick the sort the contract declares for the field, ask the port, and prime the
 * entity loader with what came back (so `_entities` and nested lookups in the same request are free).
 */
import type DataLoader from 'dataloader';
import type { ShardingPolicy } from '../../../schema/shardingPolicies.ts';
import type { CityContext } from '../CityContext.ts';
import { pageQuery, toConnection, type Connection, type PageArgs } from '../paging.ts';
import type { ListQuery, ListResult, SortSpec } from '../ports.ts';

export interface ListArgs extends PageArgs {
  readonly cityCodes?: readonly string[] | null;
  readonly [argument: string]: unknown;
}

export interface ListFieldSpec<A extends ListArgs, F, T extends { readonly id: string }> {
  readonly filter: (args: A) => F;
  readonly list: (ctx: CityContext, query: ListQuery<F>) => Promise<ListResult<T>>;
  /** The entity loader to prime; none for records computed per request (alarms). */
  readonly loader?: (ctx: CityContext) => DataLoader<string, T | null>;
}

const EMPTY: Connection<never> = { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };

export function listResolver<A extends ListArgs, F, T extends { readonly id: string }>(
  policy: ShardingPolicy | undefined,
  spec: ListFieldSpec<A, F, T>,
) {
  if (policy?.kind !== 'fanout') throw new TypeError('listResolver needs a @cityFanout field.');
  return async (_parent: unknown, args: A, ctx: CityContext): Promise<Connection<T>> => {
    const query = pageQuery(args, sortFor(policy, args), spec.filter(args));
    if (args.cityCodes && !args.cityCodes.includes(ctx.cityCode)) return EMPTY;
    const result = await spec.list(ctx, query);
    const loader = spec.loader?.(ctx);
    if (loader) for (const item of result.items) loader.prime(item.id, item);
    return toConnection(result, query);
  };
}

function sortFor(policy: Extract<ShardingPolicy, { kind: 'fanout' }>, args: ListArgs): SortSpec {
  return policy.sortWhen && args[policy.sortWhen.argument] != null ? policy.sortWhen.sort : policy.sort;
}
