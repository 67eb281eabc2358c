/**
 * The shard engine: a pure library from one planner fetch (string + variables) to one GraphQL
 * response, with the network injected as `send`, so it runs and is tested without a network. Per
 * call: look up (or prepare and cache) the fetch, plan per-bureau fetches, run them, merge. Never
 * rejects: anything unexpected becomes an INTERNAL_SERVER_ERROR response and is handed to
 * `onUnexpectedError`.
 *
 * The served bureaus are fixed per engine object; `withCities` makes another one over the same
 * contract index and plan cache (both depend only on the contract), so a registry hot swap keeps
 * every cached plan. The caller's jurisdiction narrows that set per execution (`ExecuteOptions`).
 */
import { ERRORS } from '../../schema/errors.ts';
import { citySet, type CitySet } from './CitySet.ts';
import { indexContract, type ContractIndex } from './indexContract.ts';
import { LruCache } from './LruCache.ts';
import { mergeCityOutcomes } from './mergeCityOutcomes.ts';
import { planCityFetches } from './planCityFetches.ts';
import { prepareFetch, type Preparation } from './prepareFetch.ts';
import { runCityFetches } from './runCityFetches.ts';
import type { ShardEngine, ShardEngineOptions } from './ShardEngine.ts';

interface EngineCore {
  readonly index: ContractIndex;
  readonly plans: LruCache<string, Preparation>;
  readonly maxErrors: number;
  readonly onUnexpectedError: (error: unknown) => void;
}

/** Throws a ContractError when the contract's sharding directives are wrong: a startup error. */
export function createShardEngine(options: ShardEngineOptions): ShardEngine {
  const core: EngineCore = {
    index: indexContract(options.contract),
    plans: new LruCache(options.planCacheSize ?? 1000),
    maxErrors: options.maxErrors ?? 100,
    onUnexpectedError: options.onUnexpectedError ?? (() => {}),
  };
  return engineOver(core, citySet(options.cities));
}

function engineOver(core: EngineCore, cities: CitySet): ShardEngine {
  return {
    cities: cities.codes,
    withCities: (codes) => engineOver(core, citySet(codes)),
    async execute(request, send, options = {}) {
      try {
        const cacheKey = `${request.operationName ?? ''}\u0000${request.query}`;
        let preparation = core.plans.get(cacheKey);
        if (!preparation) {
          preparation = prepareFetch(request.query, request.operationName, core.index);
          core.plans.set(cacheKey, preparation);
        }
        if (!preparation.ok) return { data: null, errors: [preparation.error] };
        const jurisdiction = options.jurisdiction ?? null;
        const reach = jurisdiction === null ? cities : citySet(cities.codes, jurisdiction);
        const plan = planCityFetches(preparation.fetch, request, core.index, reach);
        const outcomes = await runCityFetches(plan.fetches, plan.serial, send);
        return mergeCityOutcomes(plan, outcomes, core.maxErrors);
      } catch (error) {
        core.onUnexpectedError(error);
        return { data: null, errors: [ERRORS.INTERNAL_SERVER_ERROR.err('Unexpected error.').toJSON()] };
      }
    },
  };
}
