import { describe, expect, it, vi } from 'vitest';
import type { GraphQLError } from 'graphql';
import { createEventStream, type EventSink } from '../../../gateway/live/createEventStream.ts';

function stream(options: { maxBacklog?: number } = {}) {
  let sink!: EventSink<number>;
  const closed = vi.fn();
  const iterator = createEventStream<number>({
    open: (s) => ((sink = s), closed),
    resolve: async (n) => ({ n }),
    failure: (error: GraphQLError) => ({ error: error.extensions }),
    maxBacklog: options.maxBacklog ?? 10,
  });
  return { iterator, sink: () => sink, closed };
}

describe('a subscription\'s source stream', () => {
  it('resolves items in order as they are asked for', async () => {
    const { iterator, sink } = stream();
    sink().push(1);
    sink().push(2);
    expect(await iterator.next()).toEqual({ done: false, value: { n: 1 } });
    expect(await iterator.next()).toEqual({ done: false, value: { n: 2 } });
    const third = iterator.next(); // waits for the source
    sink().push(3);
    expect(await third).toEqual({ done: false, value: { n: 3 } });
  });

  it('ends with SUBSCRIBER_TOO_SLOW when more items wait than the backlog holds, then closes its source once', async () => {
    const { iterator, sink, closed } = stream({ maxBacklog: 2 });
    for (const n of [1, 2, 3]) sink().push(n);
    expect(await iterator.next()).toEqual({ done: false, value: { error: { code: 'SUBSCRIBER_TOO_SLOW', max: 2 } } });
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    await iterator.return!();
    expect(closed).toHaveBeenCalledTimes(1);
  });

  it('passes a source failure on (e.g. EVENTS_EXPIRED) ahead of what waits', async () => {
    const { iterator, sink } = stream();
    sink().push(1);
    sink().fail({ extensions: { code: 'EVENTS_EXPIRED' } } as unknown as GraphQLError);
    expect(await iterator.next()).toEqual({ done: false, value: { error: { code: 'EVENTS_EXPIRED' } } });
  });

  it('resolves several items at once but hands them over in order, each told to handOver just before it goes', async () => {
    let sink!: EventSink<number>;
    const pending = new Map<number, (payload: Record<string, unknown>) => void>();
    const handedOver: number[] = [];
    const iterator = createEventStream<number>({
      open: (s) => ((sink = s), () => undefined),
      resolve: (n) => new Promise((resolve) => pending.set(n, resolve)),
      handOver: (n) => void handedOver.push(n),
      failure: () => ({}),
      maxBacklog: 10,
      resolveAhead: 2,
    });
    for (const n of [1, 2, 3]) sink.push(n);
    expect([...pending.keys()]).toEqual([1, 2]); // at most two at once, started as they arrive
    const first = iterator.next();
    pending.get(2)!({ n: 2 }); // the second finishes first …
    pending.get(1)!({ n: 1 });
    expect(await first).toEqual({ done: false, value: { n: 1 } }); // … but the first goes first
    expect([...pending.keys()]).toEqual([1, 2, 3]);
    expect(await iterator.next()).toEqual({ done: false, value: { n: 2 } });
    expect(handedOver).toEqual([1, 2]);
  });
});
