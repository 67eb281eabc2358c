/** The shard engine's public surface (R2: explicit exports, no `export *`). */
export type { CityFailureReason, CityFetch, CityOutcome, SendCityFetch } from './CityFetch.ts';
export { createShardEngine } from './createShardEngine.ts';
export type { ShardEngine, ShardEngineOptions, ShardRequest, ShardResponse } from './ShardEngine.ts';
export { MAX_PAGE_SIZE } from './planConnectionPage.ts';
