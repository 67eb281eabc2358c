/**
 * One subscription's source stream (GraphQL spec §6.2.3 "CreateSourceEventStream") as a pull-based
 * async iterator: items arrive from a push source (the EventHub, the registry's state changes) into
 * a bounded backlog and are resolved one at a time, in order, when the transport asks for the next
 * (graphql-ws and graphql-sse ask again once the last one was sent), so a slow client never makes the
 * gateway resolve ahead of it. Three things end it with one last payload carrying an error: the
 * source failing (e.g. EVENTS_EXPIRED), the caller's token expiring (UNAUTHENTICATED, `reason`
 * expired), and the backlog overflowing (SUBSCRIBER_TOO_SLOW). Closing it (the client left) closes
 * the source, aborts the resolution in flight and calls `onEnd` once.
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
  /** The payload that ends the stream with `error`. */
  failure(error: GraphQLError): Record<string, unknown>;
  /** Items held before the stream is cut off (its subscribers do not keep up with the source). */
  readonly maxBacklog: number;
}

export function createEventStream<T>(options: EventStreamOptions<T>): AsyncIterableIterator<Record<string, unknown>> {
  const backlog: T[] = [];
  const abort = new AbortController();
  let terminal: GraphQLError | null = null;
  let finished = false;
  let wake: (() => void) | null = null;

  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const end = (error: GraphQLError) => {
    if (terminal !== null || finished) return;
    terminal = error;
    backlog.length = 0;
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
      if (backlog.length >= options.maxBacklog) {
        return end(ERRORS.SUBSCRIBER_TOO_SLOW.err(
          `More than ${options.maxBacklog} events waited for this subscription; it ended. Subscribe again with since = the id of the last event received.`,
          { extensions: { max: options.maxBacklog } },
        ));
      }
      backlog.push(item);
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
        if (backlog.length > 0) {
          const item = backlog.shift()!;
          return { done: false, value: await options.resolve(item, abort.signal) };
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
