/**
 * The hub's catch-up against an in-memory bureau log, with the order of things under the test's
 * control: live events that the follower delivers while a subscriber's catch-up pull is still in
 * flight are buffered and delivered after it, once each; an expired position is reported, and
 * followers follow registry edits.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { BureauEvent, EventPullAnswer, EventPullRequest } from '../../../schema/events/bureauEvents.ts';
import { createEventHub, type FollowingEventHub } from '../../../gateway/events/createEventHub.ts';
import type { HubEvent } from '../../../gateway/events/EventHub.ts';
import type { FollowedBureau } from '../../../gateway/events/FollowedBureau.ts';
import type { PostOptions, PostOutcome } from '../../../gateway/transport/createSubgraphClient.ts';

/** One bureau's log in memory, served as POST /events/pull; pulls with waitMs 0 (catch-ups) can be held at a gate. */
function memoryBureau(code: string) {
  const events: BureauEvent[] = [];
  let prunedThrough = 0;
  let wake: () => void = () => undefined;
  let gate: Promise<void> | null = null;
  const answer = (request: EventPullRequest): EventPullAnswer => {
    const head = events.length;
    const heads = { bulletins: head };
    if (request.after === null) return { events: [], heads, expired: [], retentionMs: 86_400_000 };
    const at = request.after['bulletins'] ?? head;
    if (at < prunedThrough) return { events: [], heads, expired: ['bulletins'], retentionMs: 86_400_000 };
    return { events: events.filter((e) => e.seq > at).slice(0, request.limit), heads, expired: [], retentionMs: 86_400_000 };
  };
  const bureau: FollowedBureau = {
    code,
    timeoutMs: 1_000,
    headers: () => ({}),
    answered: () => undefined,
    client: {
      url: `http://${code}.test/graphql`,
      async post(body: string, options: PostOptions): Promise<PostOutcome> {
        const request = JSON.parse(body) as EventPullRequest;
        if (request.waitMs === 0 && request.after !== null) await gate;
        for (let held = Date.now(); ;) {
          const found = answer(request);
          if (found.events.length > 0 || request.after === null || Date.now() - held >= request.waitMs || options.signal?.aborted) return { kind: 'ok', body: found };
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, 20);
          });
        }
      },
      close: async () => undefined,
    },
  };
  return {
    bureau,
    append(n: number) {
      for (let i = 0; i < n; i += 1) events.push({ feed: 'bulletins', seq: events.length + 1, at: Date.now(), body: { kind: 'bulletin-received', bulletinId: `b${events.length + 1}` } });
      wake();
    },
    hold() {
      let open!: () => void;
      gate = new Promise((resolve) => (open = resolve));
      return () => {
        gate = null;
        open();
      };
    },
    prune(through: number) {
      prunedThrough = through;
    },
  };
}

let hub: FollowingEventHub | undefined;
afterEach(async () => hub?.close());

const seqs = (events: readonly HubEvent[]) => events.map((e) => e.event.seq);

describe('createEventHub', () => {
  it('buffers the live events that arrive during a catch-up and delivers each once after it', async () => {
    const a = memoryBureau('500153');
    a.append(5);
    hub = createEventHub({ bureaus: () => [a.bureau], waitMs: 2_000, retryDelay: () => 10 });
    await expect.poll(() => hub!.head()).toEqual({ '500153': { bulletins: 5 } });
    const open = a.hold(); // the subscriber's catch-up pull waits at the gate
    const received: HubEvent[] = [];
    hub.subscribe({ '500153': { bulletins: 2 } }, { onEvent: (e) => received.push(e), onExpired: () => undefined });
    a.append(3); // 6, 7, 8 reach the follower while the catch-up is held
    await expect.poll(() => hub!.head()).toEqual({ '500153': { bulletins: 8 } });
    expect(received).toEqual([]);
    open();
    await expect.poll(() => seqs(received)).toEqual([3, 4, 5, 6, 7, 8]);
    a.append(1);
    await expect.poll(() => seqs(received)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(received.at(-1)!.position).toEqual({ '500153': { bulletins: 9 } });
  });

  it('reports a position older than the bureau keeps as expired, then follows from its head', async () => {
    const a = memoryBureau('500152');
    a.append(4);
    a.prune(3);
    hub = createEventHub({ bureaus: () => [a.bureau], waitMs: 2_000, retryDelay: () => 10 });
    const expired: string[] = [];
    const received: HubEvent[] = [];
    hub.subscribe({ '500152': { bulletins: 1 } }, { onEvent: (e) => received.push(e), onExpired: (city, feed) => expired.push(`${city}/${feed}`) });
    await expect.poll(() => expired).toEqual(['500152/bulletins']);
    a.append(1);
    await expect.poll(() => seqs(received)).toEqual([5]);
  });

  it('starts and stops followers as the registry is edited', async () => {
    const a = memoryBureau('500153');
    const b = memoryBureau('510900');
    let listed = [a.bureau];
    let edited: () => void = () => undefined;
    hub = createEventHub({ bureaus: () => listed, watchBureaus: (listener) => ((edited = listener), () => undefined), waitMs: 2_000, retryDelay: () => 10 });
    expect(hub.status().map((s) => s.cityCode)).toEqual(['500153']);
    listed = [b.bureau];
    edited();
    expect(hub.status().map((s) => s.cityCode)).toEqual(['510900']);
    await expect.poll(() => hub!.status()[0]?.state).toBe('following');
  });
});
