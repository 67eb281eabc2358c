/**
 * The cache Apollo Server's automatic persisted queries read and write (`persistedQueries.cache`):
 * the shape of Apollo's `KeyValueCache<string>`, declared here so the gateway depends on the
 * contract, not on the package that defines it. `ttl` is in seconds.
 */
export interface StringCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}
