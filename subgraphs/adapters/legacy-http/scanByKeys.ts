import type { LegacyContext } from './LegacyContext.ts';
import type { FilterParams, LegacyListRequest } from './LegacyListRequest.ts';
import { chunk } from './fetchByIds.ts';
import { mapConcurrent } from './mapConcurrent.ts';
import { scanLegacyList } from './scanLegacyList.ts';

/** Keys per request of a list filtered by a key list (e.g. `tyshxydm=a,b`): 50 keeps URLs short. */
const KEYS_PER_REQUEST = 50;

export interface LegacyKeyedRequest<R> extends Omit<LegacyListRequest<R>, 'params'> {
  /** The filter parameters for one comma-joined chunk of keys. */
  readonly params: (keyList: string) => FilterParams;
}

/**
 * Every row of a list filtered by a comma-separated key parameter, for the distinct keys in chunks:
 * the one-to-many batch lookups (cases or stations per enterprise). Keys with a comma cannot be
 * asked for (they would split) and match nothing.
 */
export async function scanByKeys<R>(ctx: LegacyContext, keys: readonly string[], request: LegacyKeyedRequest<R>): Promise<R[]> {
  ctx.client.assertOpen(request.operation);
  const distinct = [...new Set(keys)].filter((key) => key !== '' && !key.includes(','));
  const found = await mapConcurrent(chunk(distinct, KEYS_PER_REQUEST), ctx.concurrency,
    (keyChunk) => scanLegacyList(ctx, { ...request, params: request.params(keyChunk.join(',')) }));
  return found.flat();
}
