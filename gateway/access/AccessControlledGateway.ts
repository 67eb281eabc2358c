/**
 * Field access enforced around Apollo's gateway (which ignores @authenticated/@requiresScopes): a
 * GatewayInterface that delegates everything to the inner gateway, except that its executor first
 * analyses the operation for the caller (analyzeAccess), runs the filtered operation, and then puts
 * null and an error where each removed field was (applyAccessRemovals). The filtered operation gets
 * its own source and hash, so the inner gateway's plan cache keeps one plan per filtered shape.
 */
import { createHash } from 'node:crypto';
import type { GatewayExecutor, GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import { GraphQLError, Kind, print, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { ACCESS_SCOPE_NAMES, type AccessPolicies } from '../../schema/accessPolicies.ts';
import { LruCache } from '../shard-engine/LruCache.ts';
import type { GatewayContext } from '../request/GatewayContext.ts';
import { PUBLIC_CALLER, type Caller } from '../request/Caller.ts';
import { memoizePerCaller } from '../request/memoizePerCaller.ts';
import { analyzeAccess, type AccessAnalysis } from './analyzeAccess.ts';
import { applyAccessRemovals } from './applyAccessRemovals.ts';
import { WrappedGateway } from '../request/WrappedGateway.ts';

/** Analyses kept per schema: documents × the few access profiles (public, and each set of relevant scopes). */
const ANALYSIS_CACHE_SIZE = 5_000;

interface Prepared {
  readonly analysis: AccessAnalysis;
  /** The filtered operation as the inner gateway sees it (absent when nothing changed or nothing is left). */
  readonly filtered: { readonly source: string; readonly queryHash: string; readonly operation: OperationDefinitionNode } | null;
}

export class AccessControlledGateway extends WrappedGateway {
  readonly #caches = new WeakMap<GraphQLSchema, LruCache<string, Prepared>>();
  /** Only the scopes some rule names can change the analysis, so callers share entries. */
  readonly #profileOf = memoizePerCaller((caller: Caller) =>
    caller.role === 'public' ? 'public' : `authenticated ${ACCESS_SCOPE_NAMES.filter((s) => caller.scopes.has(s)).join(' ')}`);

  constructor(inner: GatewayInterface, private readonly policies: AccessPolicies) {
    super(inner);
  }

  protected wrap(inner: GatewayExecutor): GatewayExecutor {
    return (requestContext) => this.execute(inner, requestContext);
  }

  private async execute(inner: GatewayExecutor, requestContext: GatewayGraphQLRequestContext) {
    // No operation resolved (several operations and no operationName, or an unknown one): answer as
    // graphql-js's execute does, and Apollo Server turns it into 400 OPERATION_RESOLUTION_FAILURE.
    if (!requestContext.operation) return { errors: [operationResolutionError(requestContext)] };
    const caller = (requestContext.context as Partial<GatewayContext>).caller ?? PUBLIC_CALLER;
    const { analysis, filtered } = this.prepare(requestContext, caller);
    if (!analysis.changed) return inner(requestContext);
    const result = filtered === null
      ? { data: null }
      : await inner({
          ...requestContext,
          request: { ...requestContext.request, query: filtered.source },
          document: analysis.document!,
          source: filtered.source,
          queryHash: filtered.queryHash,
          operation: filtered.operation,
        });
    const masked = applyAccessRemovals(result.data, analysis, requestContext.request.variables ?? {});
    // No `errors` key unless there is an error: `"errors": []` breaks clients (urql reads it as a failed request).
    const { errors: innerErrors, ...rest } = result;
    const errors = [...(innerErrors ?? []), ...masked.errors];
    return errors.length > 0 ? { ...rest, data: masked.data, errors } : { ...rest, data: masked.data };
  }

  private prepare(requestContext: GatewayGraphQLRequestContext, caller: Caller): Prepared {
    let cache = this.#caches.get(requestContext.schema);
    if (!cache) {
      cache = new LruCache(ANALYSIS_CACHE_SIZE);
      this.#caches.set(requestContext.schema, cache);
    }
    const profile = this.#profileOf(caller);
    const key = `${requestContext.queryHash}\u0000${requestContext.operationName ?? ''}\u0000${profile}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const analysis = analyzeAccess(requestContext.document, requestContext.schema, this.policies, {
      authenticated: caller.role === 'authenticated',
      scopes: caller.scopes,
    }, requestContext.operationName);
    let filtered: Prepared['filtered'] = null;
    if (analysis.changed && analysis.document) {
      const source = print(analysis.document);
      const operation = analysis.document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      filtered = { source, queryHash: createHash('sha256').update(source).digest('hex'), operation };
    }
    const prepared = { analysis, filtered };
    cache.set(key, prepared);
    return prepared;
  }
}

/** graphql-js 16 `buildExecutionContext`'s messages, word for word. */
function operationResolutionError({ request }: GatewayGraphQLRequestContext): GraphQLError {
  return new GraphQLError(typeof request.operationName === 'string'
    ? `Unknown operation named "${request.operationName}".`
    : 'Must provide operation name if query contains multiple operations.');
}
