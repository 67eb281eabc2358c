/**
 * Subscriptions over Server-Sent Events with graphql-sse's handler (its "distinct connections
 * mode": one request, one subscription), on the gateway's own port at /graphql/stream. The bearer
 * token comes in the request's `Authorization` header and is verified as a query's is (401 or 429
 * before the stream opens). Each event carries its id in the SSE `id:` field: graphql-sse writes
 * only `event:` and `data:`, so the body it returns is wrapped here and every `next` event that
 * answers an event of the bureaus gets the `id:` line of that event (the id of the subscription
 * event, `Last-Event-ID` when an EventSource reconnects, which resumes the subscription after it
 * when the document gives no `since`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHandler } from 'graphql-sse';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { ERRORS } from '../../schema/errors.ts';
import type { LivePreparer } from './createLivePreparer.ts';
import { liveEventIdOf, type LiveSubscribe } from './createSubscriptionFanout.ts';
import type { LiveContext, OpenLiveContext } from './LiveContext.ts';
import { SerializedPayload, serializeLiveResult, spliceSerialized } from './serializedLiveResult.ts';

/** Request bodies above this are refused (as at POST /graphql). */
const MAX_BODY_BYTES = 1024 * 1024;

interface SseState {
  res: ServerResponse;
  live?: SseContext;
  /** Each `next` event to come, in order: its `id:` (undefined: a result that answers no bureau event) and its payload's JSON. */
  readonly nexts: Array<{ readonly id: string | undefined; readonly json: string }>;
}

/** graphql-sse wants a record as the execution context. */
type SseContext = LiveContext & Record<PropertyKey, unknown>;

export interface SseHandlerOptions {
  readonly open: OpenLiveContext;
  readonly prepare: LivePreparer;
  readonly subscribe: LiveSubscribe;
  readonly log: (event: Record<string, unknown>) => void;
  /** Streams open now, so shutdown can end them (each entry ends its response). */
  readonly streams: Set<() => void>;
}

export function createSseHandler(options: SseHandlerOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const handler = createHandler<IncomingMessage, SseState, SseContext>({
    // No stream tokens: only the distinct connections mode (a PUT/GET reservation would outlive the request's token check).
    authenticate: async (req) => {
      const header = req.headers.get('last-event-id');
      try {
        const live = await options.open(req.raw, req.headers.get('authorization') ?? undefined, header ? header : null);
        req.context.live = { ...live };
        return null;
      } catch (error) {
        return refusal(error);
      }
    },
    context: (req) => req.context.live!,
    validate: () => [], // the preparer validated, with the gateway's rules and codes
    subscribe: (args) => options.subscribe(args),
    onSubscribe(req, params) {
      const prepared = options.prepare(params, req.context.live!);
      // A refusal is answered in the stream, as graphql-sse answers its own validation errors (`data` marks it a result).
      return prepared.ok ? { ...prepared.args, contextValue: req.context.live! } : { data: null, errors: [...prepared.errors] };
    },
    onNext(_ctx, req, result) {
      // The same result goes to every member of a shared stream: serialized once, spliced into the chunk below.
      const json = serializeLiveResult(result as ExecutionResult, options.log);
      req.context.nexts.push({ id: liveEventIdOf(result as ExecutionResult), json });
      return new SerializedPayload(json) as unknown as typeof result;
    },
  });

  return async (req, res) => {
    const context: SseState = { res, nexts: [] };
    const [body, init] = await handler({
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: { get: (key) => joinHeader(req.headers[key]) },
      body: () => readBody(req),
      raw: req,
      context,
    });
    res.writeHead(init.status, init.statusText, init.headers);
    if (!body || typeof body === 'string') return void res.end(body);
    const end = () => void body.return(undefined);
    options.streams.add(end);
    res.once('close', end);
    // The edge keeps half-open sockets answering (httpAllowHalfOpen): a client that ends its side of a
    // stream has left, and would otherwise be noticed only when a keep-alive ping fails.
    req.socket.once('end', end);
    try {
      for await (const chunk of body) {
        const next = chunk.startsWith('event: next') ? context.nexts.shift() : undefined;
        if (!res.writable) break;
        if (next === undefined) res.write(chunk);
        else res.write(`${next.id ? `id: ${next.id}\n` : ''}${spliceSerialized(chunk, next.json)}`);
      }
    } finally {
      options.streams.delete(end);
      res.off('close', end);
      req.socket.off('end', end);
      res.end();
    }
  };
}

/** A refused token or rate limit, answered as POST /graphql answers it (status, headers, code). */
function refusal(error: unknown): readonly [string, { status: number; statusText: string; headers: Record<string, string> }] {
  const refused = error instanceof GraphQLError ? error : ERRORS.INTERNAL_SERVER_ERROR.err('Unexpected error.');
  const http = refused.extensions['http'] as { status?: number; headers?: Map<string, string> } | undefined;
  const { http: _http, ...extensions } = refused.extensions;
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  for (const [key, value] of http?.headers ?? []) headers[key] = value;
  const status = http?.status ?? 500;
  return [JSON.stringify({ errors: [{ message: refused.message, extensions }] }), { status, statusText: status === 401 ? 'Unauthorized' : 'Refused', headers }];
}

function joinHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.destroy();
        reject(new Error('body too large'));
      } else chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}

