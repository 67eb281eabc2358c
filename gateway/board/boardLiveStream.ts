/**
 * One subscription of the board over GraphQL over SSE (graphql-sse's client, distinct connections
 * mode, as the gateway serves /graphql/stream), resumed without loss: every event of the graph's
 * live fields carries its event id (`alarmRaised { id }` …); the id of the last one delivered goes in
 * `Last-Event-ID` on each reconnect, so the gateway replays what was missed, in order, before going
 * on live. The connection's state is reported as it changes: connecting → connected; a dropped
 * stream → reconnecting (retried with backoff, without end) → connected; a refusal (HTTP 4xx, a
 * GraphQL error ending the stream such as EVENTS_EXPIRED or UNAUTHENTICATED) → disconnected.
 *
 * No DOM: `fetchFn` is the page's fetch, or a test's.
 */
import { createClient, type ExecutionResult } from 'graphql-sse';

export type LiveConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export interface LiveStreamOptions<T> {
  /** The graphql-sse endpoint, e.g. /graphql/stream (the page's own origin). */
  readonly url: string;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  /** Headers of every (re)connect, e.g. authorization. */
  readonly headers?: () => Record<string, string>;
  /** Each event's data. */
  onData(data: T): void;
  onState(state: LiveConnectionState, detail?: string): void;
  /** @default globalThis.fetch */
  readonly fetchFn?: typeof fetch;
  /** Wait before the n-th retry. @default 0.5 s doubling to 5 s, with up to 30 % jitter */
  readonly backoffMs?: (retries: number) => number;
}

export interface LiveStream {
  /** The id of the last event delivered (null before the first, or for a stream without ids). */
  lastEventId(): string | null;
  close(): void;
}

const defaultBackoff = (retries: number) => Math.min(5_000, 500 * 2 ** retries) * (1 + Math.random() * 0.3);

/** The event id a live field's payload carries: `{ alarmRaised: { id } }` → id. */
export function eventIdOf(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const [root] = Object.values(data);
  const id = typeof root === 'object' && root !== null ? (root as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : null;
}

/** Whether an HTTP status is worth retrying: the gateway restarting or overloaded, not a refusal. */
const retryable = (status: number) => status >= 500 || status === 408 || status === 429;

export function openLiveStream<T>(options: LiveStreamOptions<T>): LiveStream {
  const fetchFn = options.fetchFn ?? globalThis.fetch.bind(globalThis);
  const backoff = options.backoffMs ?? defaultBackoff;
  let lastEventId: string | null = null;
  let refused: string | null = null;
  let closed = false;
  let ending: string | undefined;
  const client = createClient({
    url: options.url,
    retryAttempts: Number.POSITIVE_INFINITY,
    headers: () => ({ ...options.headers?.(), ...(lastEventId !== null && { 'last-event-id': lastEventId }) }),
    // graphql-sse retries every response that is not ok; a refusal is told apart here and ends the stream in `retry`.
    fetchFn: async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      const response = await fetchFn(input, init);
      if (!response.ok && !retryable(response.status)) refused = `HTTP ${response.status}`;
      return response;
    },
    retry: async (retries: number) => {
      if (refused !== null) throw new Error(refused);
      options.onState('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, backoff(retries)));
    },
    on: { connected: () => void (closed || options.onState('connected')) },
  });
  options.onState('connecting');
  const stop = client.subscribe<T>({ query: options.query, variables: options.variables ?? {} }, {
    next(result: ExecutionResult<T, unknown>) {
      if (result.data) {
        const id = eventIdOf(result.data);
        if (id !== null) lastEventId = id;
        options.onData(result.data as T);
      }
      // An error with no data is what ends a stream (EVENTS_EXPIRED, UNAUTHENTICATED…); it says why on completion.
      const first = result.data ? undefined : (result.errors?.[0] as { message: string; extensions?: { code?: unknown } } | undefined);
      if (first) ending = String(first.extensions?.code ?? first.message);
    },
    error(error: unknown) {
      if (!closed) options.onState('disconnected', error instanceof Error ? error.message : String(error));
    },
    complete() {
      if (!closed) options.onState('disconnected', ending ?? 'completed');
    },
  });
  return {
    lastEventId: () => lastEventId,
    close() {
      closed = true;
      stop();
      client.dispose();
    },
  };
}

/** The page's one state over several streams: the worst of them (a disconnected one outweighs all). */
export function overallState(states: Iterable<LiveConnectionState>): LiveConnectionState {
  const order: readonly LiveConnectionState[] = ['disconnected', 'reconnecting', 'connecting', 'connected'];
  const held = new Set(states);
  return order.find((state) => held.has(state)) ?? 'connecting';
}
