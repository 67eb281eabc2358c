import { describe, expect, it } from 'vitest';
import { GraphQLInt, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type ExecutionArgs, type ExecutionResult, type GraphQLFieldResolver } from 'graphql';
import { createSubscriptionFanout, liveEventIdOf, type SubscriptionFanout } from '../../../gateway/live/createSubscriptionFanout.ts';
import { liveFieldResolver } from '../../../gateway/live/graphData.ts';
import type { LiveContext } from '../../../gateway/live/LiveContext.ts';
import { SubscriptionQuota } from '../../../gateway/live/SubscriptionQuota.ts';
import { PUBLIC_CALLER, type Caller } from '../../../gateway/request/Caller.ts';

/** A source the test pushes ticks into; each subscribe of the schema opens one and counts executions. */
class Ticks {
  readonly opened: Array<{ push(n: number): void; closed: boolean }> = [];
  executions = 0;

  readonly schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLInt } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        tick: {
          type: GraphQLInt,
          args: { since: { type: GraphQLString }, step: { type: GraphQLInt } },
          subscribe: (_root, _args, context: LiveContext) => this.#open(context),
        },
      },
    }),
  });

  #open(context: LiveContext): AsyncIterableIterator<{ tick: number }> {
    const queue: number[] = [];
    let wake: (() => void) | null = null;
    const source = {
      closed: false,
      push(n: number) {
        queue.push(n);
        wake?.();
      },
    };
    this.opened.push(source);
    const iterator: AsyncIterableIterator<{ tick: number }> = {
      async next() {
        while (queue.length === 0 && !source.closed) await new Promise<void>((resolve) => (wake = resolve));
        if (source.closed) return { done: true, value: undefined };
        const n = queue.shift()!;
        context.announce?.(`event-${n}`);
        return { done: false, value: { tick: n } };
      },
      async return() {
        source.closed = true;
        wake?.();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  /** The gateway's field resolver (a failure comes as a function in the payload), counting executions of the root field. */
  readonly fieldResolver: GraphQLFieldResolver<unknown, LiveContext> = (source, args, context, info) => {
    if (info.parentType.name === 'Subscription') this.executions += 1;
    return liveFieldResolver(source, args, context, info);
  };

  pushAll(n: number): void {
    for (const source of this.opened) if (!source.closed) source.push(n);
  }
}

const caller = (subject: string, scopes: string[] = []): Caller => ({ ...PUBLIC_CALLER, role: 'authenticated', subject, scopes: new Set(scopes) });

function context(who: Caller, extra: Partial<LiveContext> = {}): LiveContext {
  return { caller: who, clientAddress: '127.0.0.1', requestId: 'r', expiresAt: null, lastEventId: null, ...extra };
}

function setUp(options: { max?: number; maxBacklog?: number; now?: () => number } = {}) {
  const ticks = new Ticks();
  const fanout = createSubscriptionFanout({ quota: new SubscriptionQuota(options.max ?? 10), ...options });
  const open = async (query: string, who: LiveContext, variableValues: Record<string, unknown> = {}) => {
    const args: ExecutionArgs = { schema: ticks.schema, document: parse(query), variableValues, contextValue: who, fieldResolver: ticks.fieldResolver };
    return fanout.subscribe(args);
  };
  return { ticks, fanout, open };
}

type Stream = AsyncIterableIterator<ExecutionResult>;
const asStream = (value: Stream | ExecutionResult): Stream => {
  if (!(Symbol.asyncIterator in value)) throw new Error(`expected a stream, got ${JSON.stringify(value)}`);
  return value;
};
const figures = (fanout: SubscriptionFanout) => fanout.figures();

describe('subscriptions that would see the same results', () => {
  it('share one source and one execution per event, and each member gets the same result in order', async () => {
    const { ticks, fanout, open } = setUp();
    const a = asStream(await open('subscription { tick }', context(caller('a'))));
    const b = asStream(await open('subscription { tick }', context(caller('b'))));
    expect(ticks.opened).toHaveLength(1);
    expect(figures(fanout)).toEqual({ subscriptions: 2, streams: 1 });
    const firstA = a.next();
    ticks.pushAll(1);
    ticks.pushAll(2);
    const [ra1, rb1, ra2, rb2] = [await firstA, await b.next(), await a.next(), await b.next()];
    expect([ra1.value, ra2.value]).toEqual([{ data: { tick: 1 } }, { data: { tick: 2 } }]);
    expect(rb1.value).toBe(ra1.value); // the very same object: serialized once
    expect(rb2.value).toBe(ra2.value);
    expect(ticks.executions).toBe(2);
    expect(liveEventIdOf(ra2.value as ExecutionResult)).toBe('event-2');
    await a.return!();
    expect(ticks.opened[0]!.closed).toBe(false); // b still reads it
    await b.return!();
    expect(ticks.opened[0]!.closed).toBe(true);
    expect(figures(fanout)).toEqual({ subscriptions: 0, streams: 0 });
  });

  it('never shares across access profiles, variables, or with a subscription that resumes (since, Last-Event-ID)', async () => {
    const { ticks, open } = setUp();
    await open('subscription { tick }', context(caller('a')));
    await open('subscription { tick }', context(caller('b', ['cases:read'])));
    await open('subscription($s: Int) { tick(step: $s) }', context(caller('a')), { s: 1 });
    await open('subscription($s: Int) { tick(step: $s) }', context(caller('a')), { s: 2 });
    await open('subscription { tick(since: "x") }', context(caller('a')));
    await open('subscription { tick(since: "x") }', context(caller('a')));
    await open('subscription { ...F } fragment F on Subscription { tick(since: "x") }', context(caller('a')));
    await open('subscription { tick }', context(caller('a'), { lastEventId: 'x' }));
    expect(ticks.opened).toHaveLength(8);
  });
});

describe('what each member keeps for itself', () => {
  it('counts every member against its caller\'s quota, and a refusal or a leaver holds no place', async () => {
    const { open } = setUp({ max: 2 });
    const a1 = asStream(await open('subscription { tick }', context(caller('a'))));
    asStream(await open('subscription { tick }', context(caller('a'))));
    const refused = await open('subscription { tick }', context(caller('a')));
    expect(refused).toMatchObject({ errors: [{ extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', max: 2 } }] });
    asStream(await open('subscription { tick }', context(caller('b')))); // another caller has its own places
    await a1.return!();
    const a3 = asStream(await open('subscription { tick }', context(caller('a'))));
    await expect(a3.throw!(new Error('the transport ended it'))).rejects.toThrow('the transport ended it'); // graphql-sse ends streams so
    asStream(await open('subscription { tick }', context(caller('a'))));
  });

  it('ends only the member that falls behind with SUBSCRIBER_TOO_SLOW; the others go on', async () => {
    const { ticks, open } = setUp({ maxBacklog: 2 });
    const fast = asStream(await open('subscription { tick }', context(caller('fast'))));
    const slow = asStream(await open('subscription { tick }', context(caller('slow'))));
    for (const n of [1, 2, 3]) {
      const next = fast.next();
      ticks.pushAll(n);
      expect((await next).value).toEqual({ data: { tick: n } });
    }
    expect((await slow.next()).value).toMatchObject({ data: { tick: null }, errors: [{ path: ['tick'], extensions: { code: 'SUBSCRIBER_TOO_SLOW', max: 2 } }] });
    expect(await slow.next()).toEqual({ done: true, value: undefined });
    const next = fast.next();
    ticks.pushAll(4);
    expect((await next).value).toEqual({ data: { tick: 4 } });
  });

  it('ends a member whose token expired with UNAUTHENTICATED (expired), at its own selection\'s path', async () => {
    const { open } = setUp({ now: () => 2_000 });
    const expired = asStream(await open('subscription { t: tick }', context(caller('a'), { expiresAt: 1_000 })));
    expect((await expired.next()).value).toMatchObject({ data: { t: null }, errors: [{ path: ['t'], extensions: { code: 'UNAUTHENTICATED', reason: 'expired' } }] });
    expect(await expired.next()).toEqual({ done: true, value: undefined });
  });

  it('passes on a refusal of the subscribe resolver (bad arguments) without opening anything', async () => {
    const { ticks, fanout, open } = setUp();
    const refused = await open('subscription($s: Int) { tick(step: $s) }', context(caller('a')), { s: 'x' });
    expect(refused).toMatchObject({ errors: [expect.anything()] });
    expect(ticks.opened).toHaveLength(0);
    expect(figures(fanout)).toEqual({ subscriptions: 0, streams: 0 });
  });
});
