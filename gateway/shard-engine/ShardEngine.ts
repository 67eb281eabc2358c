import type { DocumentNode, GraphQLFormattedError } from 'graphql';
import type { SendCityFetch } from './CityFetch.ts';

/** A subgraph fetch as Apollo's query planner sends it to the virtual `cities` subgraph. */
export interface ShardRequest {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  readonly operationName?: string;
}

export interface ShardResponse {
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
}

export interface ShardEngineOptions {
  /** The city contract (all of `schema/contract/*.graphql`), source of the sharding policies and keys. */
  readonly contract: DocumentNode;
  /** The bureau codes served right now; order does not matter (merges use ascending code order). */
  readonly cities: readonly string[];
  /**
   * How many distinct fetch strings keep their parsed plan. The planner sends a small, stable set of
   * fetch strings, so this only bounds memory against a flood of distinct operations.
   * @default 1000
   */
  readonly planCacheSize?: number;
  /**
   * Most errors in one merged response, like graphql-js `maxErrors`: a dead bureau under a
   * 1000-entity fetch must not produce 1000 errors. Errors beyond are dropped.
   * @default 100
   */
  readonly maxErrors?: number;
  /** Called with anything unexpected the engine caught (the response then says "Unexpected error."). */
  readonly onUnexpectedError?: (error: unknown) => void;
}

/** What one execution may differ in from the next; everything else belongs to the engine. */
export interface ExecuteOptions {
  /**
   * Bureau codes the caller may reach (the caller's `jurisdiction` claim); null or absent = every
   * bureau. Fan-outs that name no `cityCodes` ask only the served bureaus inside it (totals and pages
   * cover only those); a bureau outside it that the request names (routed argument, global id,
   * entity key, `cityCodes` entry) is refused with FORBIDDEN and never contacted.
   */
  readonly jurisdiction?: ReadonlySet<string> | null;
}

/**
 * Answers one planner fetch as if one bureau held all the data. `execute` never rejects: every
 * failure becomes `errors[]` next to whatever data the other bureaus gave.
 */
export interface ShardEngine {
  /** The served bureau codes, ascending. */
  readonly cities: readonly string[];
  execute(request: ShardRequest, send: SendCityFetch, options?: ExecuteOptions): Promise<ShardResponse>;
  /**
   * The same engine over another set of bureaus (hot swap): shares the contract index and the plan
   * cache, which depend only on the contract, so swapping costs nothing.
   */
  withCities(cities: readonly string[]): ShardEngine;
}
