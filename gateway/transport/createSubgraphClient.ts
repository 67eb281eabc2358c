/**
 * POSTs GraphQL requests to one subgraph over an undici keep-alive pool (the measured fast path:
 * Apollo's default fetcher halves throughput). Every call settles with an outcome, never a
 * rejection: ok with the parsed body, or failed with a reason the shard engine understands.
 * `signal` is the client's request: its abort cancels the call at once (reason 'aborted'), while
 * `timeoutMs` stays the subgraph's own deadline (reason 'timeout').
 */
import { Pool, errors as undiciErrors } from 'undici';
import type { CityFailureReason } from '../shard-engine/index.ts';
import { settleByDeadline } from './settleByDeadline.ts';

/** A subgraph answer larger than this is refused: bounds the gateway's memory per request. */
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export type PostOutcome =
  /** `status`: the HTTP status below 500, when the transport knows it (a relay route answers 4xx with a JSON reason). */
  | { readonly kind: 'ok'; readonly body: unknown; readonly status?: number }
  | { readonly kind: 'failed'; readonly reason: CityFailureReason; readonly message: string };

export interface PostOptions {
  readonly timeoutMs: number;
  /** The client request this call serves: aborted when its client hangs up. */
  readonly signal?: AbortSignal;
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Another path on the subgraph's origin instead of its GraphQL endpoint: a bureau's signed routes
   * beside /graphql (the cooperation relay's, schema/cooperation/relayMessages.ts; its event stream's
   * /events/pull). @default the path of the subgraph's URL
   */
  readonly path?: string;
}

export interface SubgraphClient {
  readonly url: string;
  post(body: string, options: PostOptions): Promise<PostOutcome>;
  close(): Promise<void>;
}

/**
 * How the gateway reaches one subgraph (a bureau by its code, or 'region'): the registry's only I/O
 * seam for requests, so tests can pass a recording or failing client. @default createUndiciTransport()
 */
export type SubgraphTransport = (subgraph: string, url: string) => SubgraphClient;

/** The production transport: one undici keep-alive pool per subgraph. */
export function createUndiciTransport(options: SubgraphClientOptions = {}): SubgraphTransport {
  return (_subgraph, url) => createSubgraphClient(url, options);
}

export interface SubgraphClientOptions {
  /** Sockets per subgraph. @default 32 */
  readonly connections?: number;
}

export function createSubgraphClient(url: string, options: SubgraphClientOptions = {}): SubgraphClient {
  const target = new URL(url);
  const pool = new Pool(target.origin, {
    connections: options.connections ?? 32,
    keepAliveTimeout: 30_000, // below the subgraphs' 65 s, so the gateway closes idle sockets first
    maxResponseSize: MAX_RESPONSE_BYTES,
  });
  const path = `${target.pathname}${target.search}`;
  return {
    url,
    async post(body, { timeoutMs, signal, headers, path: otherPath }) {
      // One controller, aborted by this call's deadline or by the client's signal, whichever is first.
      // A timer cleared as soon as the request settles: AbortSignal.timeout() keeps its timer until it
      // fires, seconds after the answer, and then builds a DOMException, once per bureau request. And
      // a listener removed when it settles rather than AbortSignal.any(), which costs a signal, weak
      // references and a finalization registry per call (issue 13: ~2 % of a routed request's CPU).
      const combined = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        combined.abort();
      }, timeoutMs);
      const onClientAbort = () => combined.abort(signal?.reason);
      if (signal?.aborted) onClientAbort();
      else signal?.addEventListener('abort', onClientAbort, { once: true });
      const where = otherPath === undefined ? url : `${target.origin}${otherPath}`;
      try {
        const res = await settleByDeadline(pool.request({
          path: otherPath ?? path,
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
          body,
          signal: combined.signal,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        }), combined.signal);
        if (res.statusCode >= 500) {
          await res.body.dump();
          return { kind: 'failed', reason: 'http-error', message: `HTTP ${res.statusCode} from ${where}` };
        }
        const text = await res.body.text();
        try {
          return { kind: 'ok', body: JSON.parse(text) as unknown, status: res.statusCode };
        } catch {
          return { kind: 'failed', reason: 'bad-response', message: `HTTP ${res.statusCode} from ${where} is not JSON` };
        }
      } catch (error) {
        return { kind: 'failed', ...classify(error, timedOut, signal, where, timeoutMs) };
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onClientAbort);
      }
    },
    close: () => pool.close(),
  };
}

function classify(
  error: unknown, timedOut: boolean, client: AbortSignal | undefined, url: string, timeoutMs: number,
): { reason: CityFailureReason; message: string } {
  // The client went first: the subgraph was not at fault, whatever undici says about the socket.
  if (client?.aborted && !timedOut) return { reason: 'aborted', message: `the client's request was cancelled; ${url} was not waited for` };
  if (timedOut || error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError) {
    return { reason: 'timeout', message: `${url} did not answer within ${timeoutMs} ms` };
  }
  if (error instanceof undiciErrors.ResponseExceededMaxSizeError) {
    return { reason: 'bad-response', message: `${url} answered more than ${MAX_RESPONSE_BYTES} bytes` };
  }
  const detail = error instanceof Error ? `${(error as NodeJS.ErrnoException).code ?? error.name}: ${error.message}` : String(error);
  return { reason: 'unreachable', message: `${url}: ${detail}` };
}
