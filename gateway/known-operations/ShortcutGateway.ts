/**
 * The outermost GatewayInterface Apollo Server is given, so that the known-operation path runs a
 * query exactly as Apollo would: through the same executor (field access, public introspection,
 * Apollo's gateway and the shard engine), with the per-server parts of the request context
 * (logger, cache) Apollo itself builds.
 *
 * When that path gets an answer it cannot send byte for byte as Apollo would (errors to format, a
 * thrown error), it leaves the outcome here and lets Apollo answer the request: Apollo's pipeline
 * then runs to the execution step, which returns the outcome instead of running the query again
 * (a query is never sent to the bureaus twice, and Apollo formats the errors as always).
 */
import type { GatewayExecutionResult, GatewayExecutor, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { readRequestSignal } from '../request/GatewayContext.ts';
import { WrappedGateway } from '../request/WrappedGateway.ts';

export type Outcome = { readonly result: GatewayExecutionResult } | { readonly error: unknown };

/** The request context's parts that are the server's, not the request's. */
export type ServerParts = Pick<GatewayGraphQLRequestContext, 'logger' | 'cache' | 'schemaHash'>;

/** The executor Apollo runs and the server's parts of its request context. */
export interface Execution {
  readonly executor: GatewayExecutor;
  readonly server: ServerParts;
}

export class ShortcutGateway extends WrappedGateway {
  #execution: Execution | null = null;
  /**
   * A request's outcome, taken once by Apollo's execution step. Keyed by the request's AbortSignal:
   * Apollo runs each request with a copy of the context object it was given, whose fields (the
   * signal made for this one HTTP request among them) are the same objects.
   */
  readonly #outcomes = new WeakMap<AbortSignal, Outcome>();

  protected wrap(inner: GatewayExecutor): GatewayExecutor {
    return (requestContext) => this.execute(inner, requestContext);
  }

  /**
   * The executor Apollo runs and the server's parts of its request context; null until Apollo has
   * executed one request itself (those parts come from it).
   */
  get execution(): Execution | null {
    return this.#execution;
  }

  /** Apollo answers the request of this signal with `outcome` when its pipeline reaches execution. */
  answerWith(signal: AbortSignal, outcome: Outcome): void {
    this.#outcomes.set(signal, outcome);
  }

  private async execute(inner: GatewayExecutor, requestContext: GatewayGraphQLRequestContext): Promise<GatewayExecutionResult> {
    this.#execution ??= { executor: inner, server: { logger: requestContext.logger, cache: requestContext.cache, schemaHash: requestContext.schemaHash } };
    const signal = readRequestSignal(requestContext.context);
    const outcome = signal && this.#outcomes.get(signal);
    if (!outcome) return inner(requestContext);
    this.#outcomes.delete(signal);
    if ('error' in outcome) throw outcome.error;
    return outcome.result;
  }
}
