/**
 * One source stream (GraphQL spec §6.2.3 "CreateSourceEventStream") as a pull-based async iterator:
 * items arrive from a push source (the EventHub, the registry's state changes) into a bounded backlog
 * and come out resolved, in order, when the next is asked for. Up to `resolveAhead` items are resolved
 * at once — each resolution is a query through the graph that waits on a bureau, so one at a time
 * would cap a stream at one event per bureau round trip — and never more, so a stream nobody reads
 * does not run ahead. Two things end it with one last payload carrying an error: the source failing
 * (e.g. EVENTS_EXPIRED) and the backlog overflowing (SUBSCRIBER_TOO_SLOW: its subscribers do not keep
 * up with the source). Closing it (its last subscriber left: createSubscriptionFanout.ts) closes the
 * source and aborts the resolutions in flight. What belongs to one subscriber — its quota place, its
 * token's expiry, its own backlog — is the fanout's.
 */
import type { GraphQLError } from 'graphql';
import { ERRORS } from '../../schema/errors.ts';

export interface EventSink<T> {
  push(item: T): void;
  fail(error: GraphQLError): void;
}

export interface EventStreamOptions<T> {
  /** Starts the source; returns what closes it. */
  open(sink: EventSink<T>): () => void;
  /** The payload of one item (graphql-js runs the subscriber's selection over it). */
  resolve(item: T, signal: AbortSignal): Promise<Record<string, unknown>>;
  /** Told each item just before its payload is handed on (in order, whatever order resolutions finish in). */
  handOver?(item: T): void;
  /** The payload that ends the stream with `error`. */
  failure(error: GraphQLError): Record<string, unknown>;
  /** Items held (waiting or being resolved) before the stream is cut off. */
  readonly maxBacklog: number;
  /** Items resolved at once. @default 16 */
  readonly resolveAhead?: number;
}

const DEFAULT_RESOLVE_AHEAD = 16;

interface Resolving<T> {
  readonly item: T;
  readonly payload: Promise<Record<string, unknown>>;
}

export function createEventStream<T>(options: EventStreamOptions<T>): AsyncIterableIterator<Record<string, unknown>> {
  const resolveAhead = options.resolveAhead ?? DEFAULT_RESOLVE_AHEAD;
  const backlog: T[] = [];
  const resolving: Array<Resolving<T>> = [];
  const abort = new AbortController();
  let terminal: GraphQLError | null = null;
  let finished = false;
  let wake: (() => void) | null = null;

  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const startResolutions = () => {
    while (resolving.length < resolveAhead && backlog.length > 0) {
      const item = backlog.shift()!;
      const payload = options.resolve(item, abort.signal);
      payload.catch(() => undefined); // awaited in next(); a stream that ends first drops it
      resolving.push({ item, payload });
    }
  };
  const end = (error: GraphQLError) => {
    if (terminal !== null || finished) return;
    terminal = error;
    backlog.length = 0;
    resolving.length = 0;
    signal();
  };
  let close: (() => void) | null = null;
  const finish = () => {
    if (finished) return;
    finished = true;
    abort.abort();
    close?.();
    signal();
  };

  close = options.open({
    push(item) {
      if (terminal !== null || finished) return;
      if (backlog.length + resolving.length >= options.maxBacklog) {
        return end(ERRORS.SUBSCRIBER_TOO_SLOW.err(
          `More than ${options.maxBacklog} events waited for this subscription; it ended. Subscribe again with since = the id of the last event received.`,
          { extensions: { max: options.maxBacklog } },
        ));
      }
      backlog.push(item);
      startResolutions();
      signal();
    },
    fail: end,
  });

  const iterator: AsyncIterableIterator<Record<string, unknown>> = {
    async next() {
      for (;;) {
        if (finished) return { done: true, value: undefined };
        if (terminal !== null) {
          const payload = options.failure(terminal);
          finish();
          return { done: false, value: payload };
        }
        const head = resolving[0];
        if (head) {
          const payload = await head.payload;
          if (resolving[0] !== head) continue; // the stream ended (or failed) meanwhile
          resolving.shift();
          startResolutions();
          options.handOver?.(head.item);
          return { done: false, value: payload };
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    async return() {
      finish();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
