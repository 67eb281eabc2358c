/**
 * The gateway's own request path for queries Apollo Server has answered before (issue 13): Apollo's
 * pipeline re-does per request what depends only on the document — hashing the text, the document
 * cache lookup, resolving the operation, content negotiation, a dozen plugin hooks — and that was a
 * fifth of the gateway's CPU per routed request. This path does only what depends on the request:
 *
 *   1. the caller's token and rate limit (the context, made once: Apollo gets the same one if this
 *      path passes), 2. the operation limits that read the caller and variables (introspection,
 *      cost), 3. the same executor Apollo runs (field access, Apollo's gateway, the shard engine),
 *   4. metrics, the request's log line and its trace span as Apollo's plugins write them.
 *
 * It answers only what it can answer byte for byte as Apollo would (a test compares them): a POST
 * JSON body of `query`, `operationName`, `variables`, a known query, an Accept header from the table
 * below, and a result without errors. Anything else is Apollo's: an unknown text, a refusal, a
 * mutation, persisted queries, GET; a result with errors is handed to Apollo to format, without
 * running the query again (ShortcutGateway).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { GraphQLShortcut, ShortcutAnswer } from '../../schema/http/serveApollo.ts';
import type { OperationCheck } from '../limits/useOperationLimits.ts';
import type { GatewayContext } from '../request/GatewayContext.ts';
import type { RequestOutcome } from '../request/readOutcome.ts';
import type { KnownOperations } from './KnownOperations.ts';
import type { ShortcutGateway } from './ShortcutGateway.ts';

/**
 * Accept header → the content type Apollo Server 5 answers a single result with (its
 * `chooseContentTypeForSingleResultResponse`: no header = JSON; otherwise its negotiation between
 * JSON and the GraphQL-over-HTTP type). Only these headers, as clients send them; any other is
 * negotiated by Apollo. A test pins every row against Apollo's own answer.
 */
const JSON_TYPE = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json; charset=utf-8';
/**
 * Apollo Server's cache-control plugin (on by default) marks every answer of this gateway
 * uncacheable: its data sources give no cache hints, so the request's policy keeps maxAge 0.
 */
const CACHE_CONTROL = 'no-store';
const CONTENT_TYPES: ReadonlyMap<string, string> = new Map([
  ['', JSON_TYPE],
  ['*/*', JSON_TYPE],
  ['application/json', JSON_TYPE],
  ['application/graphql-response+json', GRAPHQL_RESPONSE_TYPE],
  ['application/graphql-response+json, application/json', GRAPHQL_RESPONSE_TYPE], // graphql-request
  ['application/graphql-response+json,application/json;q=0.9', GRAPHQL_RESPONSE_TYPE], // Apollo Client
  ['application/graphql-response+json, application/json;q=0.9', GRAPHQL_RESPONSE_TYPE],
  ['application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed', GRAPHQL_RESPONSE_TYPE], // urql
  ['application/json, multipart/mixed', JSON_TYPE], // GraphiQL
]);

export interface KnownOperationPathOptions {
  readonly known: KnownOperations;
  readonly gateway: ShortcutGateway;
  /** The per-request operation limits (createOperationCheck). */
  readonly check: OperationCheck;
  /**
   * Told as the path starts running a request (the tracer opens its span); Apollo's plugins are told
   * again if the path hands the request to Apollo.
   */
  readonly executing?: (context: GatewayContext) => void;
  /** Records a request this path answered, as Apollo's plugins record theirs (metrics, log line, span), just after its answer is written. */
  readonly answered: (context: GatewayContext, outcome: RequestOutcome, durationMs: number) => void;
  readonly now?: () => number;
}

interface QueryRequest {
  readonly query: string;
  readonly operationName: string | undefined;
  readonly variables: Record<string, unknown> | undefined;
}

export function createKnownOperationPath(options: KnownOperationPathOptions): GraphQLShortcut<GatewayContext> {
  const { known, gateway, check, executing, answered, now = performance.now.bind(performance) } = options;
  return async ({ body, headers, context }): Promise<ShortcutAnswer | null> => {
    const request = readQueryRequest(body);
    const contentType = CONTENT_TYPES.get(acceptOf(headers));
    const operation = request && contentType !== undefined ? known.find(request.query, request.operationName ?? null) : undefined;
    if (!request || contentType === undefined || !operation) return null;
    let contextValue: GatewayContext;
    try {
      contextValue = await context();
    } catch {
      return null; // a refused token or rate limit: Apollo answers it from the same context
    }
    const { signal } = contextValue;
    if (!signal) return null;
    const started = now();
    try {
      check({
        document: operation.document, operation: operation.operation, operationName: operation.operationName,
        schema: operation.schema, variables: request.variables ?? null, caller: contextValue.caller,
      });
    } catch {
      return null; // over a limit: Apollo refuses it again (the estimate is cached)
    }
    const execution = gateway.execution;
    if (execution === null) return null;
    const { executor, server } = execution;
    executing?.(contextValue);
    const running = executor({
      logger: server.logger,
      cache: server.cache,
      schemaHash: server.schemaHash,
      request: { query: request.query, operationName: request.operationName, variables: request.variables, extensions: undefined },
      schema: operation.schema,
      context: contextValue,
      queryHash: operation.queryHash,
      document: operation.document,
      source: request.query,
      operationName: operation.operationName,
      operation: operation.operation,
      metrics: {},
      debug: false,
      // Per request in Apollo, read by nothing the gateway runs (only RemoteGraphQLDataSource restricts it).
      overallCachePolicy: null,
    });
    let result;
    try {
      result = await running;
    } catch (error) {
      gateway.answerWith(signal, { error });
      return null;
    }
    if (result.errors !== undefined || result.extensions !== undefined || result.data == null) {
      gateway.answerWith(signal, { result });
      return null;
    }
    // Recorded once the answer is on its way: setImmediate runs after this tick's write, before the
    // loop reads anything new, and the client does not wait for the log line, metrics and span. What
    // throws there would be uncaught and end the process; it is reported as a warning instead.
    const durationMs = now() - started;
    setImmediate(() => {
      try {
        answered(contextValue, operation.outcome, durationMs);
      } catch (error) {
        process.emitWarning(`recording a request the known-operation path answered failed: ${String(error)}`);
      }
    });
    // As Apollo Server writes a single result: its fields in the order errors, data, extensions, then a newline.
    return { headers: { 'content-type': contentType, 'cache-control': CACHE_CONTROL }, body: `${JSON.stringify({ data: result.data })}\n` };
  };
}

/** The body as Apollo reads a POST (runHttpQuery), when it holds nothing but a query, its operation name and variables. */
function readQueryRequest(body: unknown): QueryRequest | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  for (const key in body) if (key !== 'query' && key !== 'operationName' && key !== 'variables') return null;
  const { query, operationName, variables } = body as Record<string, unknown>;
  if (typeof query !== 'string') return null;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
  return {
    query,
    operationName: typeof operationName === 'string' ? operationName : undefined,
    variables: variables === null ? undefined : (variables as Record<string, unknown> | undefined),
  };
}

function acceptOf(headers: IncomingHttpHeaders): string {
  return headers.accept ?? '';
}
