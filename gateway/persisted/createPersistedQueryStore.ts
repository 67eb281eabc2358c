/**
 * Where Apollo Server keeps automatic persisted queries (`persistedQueries.cache`):
 * - safelist mode: the safelist itself (hash → its body; nothing new is ever registered);
 * - ECOGRAPH_REDIS_URL set: Redis, shared by the replicas, with a bounded memory store for outages;
 * - neither: undefined, i.e. Apollo's own bounded in-memory cache.
 * The Redis client (ioredis) is loaded only when Redis is configured (issue 13: memory at start).
 */
import type { Safelist } from './Safelist.ts';
import { MemoryStringCache } from './MemoryStringCache.ts';
import { SafelistCache } from './SafelistCache.ts';
import type { StringCache } from './StringCache.ts';

export interface PersistedQueryStore {
  readonly cache: StringCache | undefined;
  close(): Promise<void>;
}

/** Documents kept in memory per replica while Redis is down (each at most ECOGRAPH_MAX_DOCUMENT_BYTES). */
const OUTAGE_ENTRIES = 1_000;

export async function createPersistedQueryStore(
  options: { readonly safelist: Safelist | null; readonly redisUrl: string | null },
  log: (event: Record<string, unknown>) => void,
): Promise<PersistedQueryStore> {
  if (options.safelist) return { cache: new SafelistCache(options.safelist), close: async () => {} };
  if (options.redisUrl === null) return { cache: undefined, close: async () => {} };
  const { createRedisStringCache } = await import('./RedisStringCache.ts');
  const redis = await createRedisStringCache({ url: options.redisUrl, fallback: new MemoryStringCache(OUTAGE_ENTRIES), log });
  return { cache: redis, close: () => redis.close() };
}
