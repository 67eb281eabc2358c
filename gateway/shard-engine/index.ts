/** The shard engine's public surface: explicit exports, no `export *`, so it is exactly what is listed here. */
export type { CityFailureReason, CityFetch, CityOutcome, SendCityFetch } from './CityFetch.ts';
export { createShardEngine } from './createShardEngine.ts';
export type { ExecuteOptions, ShardEngine, ShardEngineOptions, ShardRequest, ShardResponse } from './ShardEngine.ts';
export { MAX_PAGE_SIZE } from './planConnectionPage.ts';
// Shared with the gateway's cost estimate (gateway/limits/) and APQ store (gateway/persisted/).
export { argumentValue } from './argumentValue.ts';
export { LruCache } from './LruCache.ts';
export { readCityCodes } from './readCityCodes.ts';
export { withVariableDefaults } from './withVariableDefaults.ts';
