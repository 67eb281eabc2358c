/**
 * The one seam between the pure shard engine and the network (README.md, "Layout"): the engine
 * says what to ask which bureau, the I/O layer answers with a settled outcome and never rejects.
 */
import type { GraphQLFormattedError } from 'graphql';

/** One request to one bureau's subgraph: an ordinary GraphQL request. */
export interface CityFetch {
  readonly city: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
  /**
   * Mutations are never retried, not even on timeout: the bureau may have applied the change before
   * its answer was lost. The I/O layer reads this to decide; please leave it.
   */
  readonly operation: 'query' | 'mutation';
}

/**
 * 'off-contract': the registry found the bureau serving another schema than the contract;
 * 'unchecked': the bureau was (re)registered and its contract check has not finished yet;
 * 'aborted': the client's request was cancelled (it hung up) before the bureau answered, which says
 * nothing about the bureau.
 */
export type CityFailureReason =
  'timeout' | 'unreachable' | 'circuit-open' | 'off-contract' | 'unchecked' | 'http-error' | 'bad-response' | 'aborted';

export type CityOutcome =
  | {
      readonly kind: 'ok';
      readonly city: string;
      readonly response: {
        readonly data?: Record<string, unknown> | null;
        readonly errors?: readonly GraphQLFormattedError[];
      };
    }
  | {
      readonly kind: 'failed';
      readonly city: string;
      readonly reason: CityFailureReason;
      /** For logs only: never sent to clients, as it may name hosts. */
      readonly message: string;
    };

/** Sends one fetch; must settle with an outcome and never reject. */
export type SendCityFetch = (fetch: CityFetch) => Promise<CityOutcome>;
